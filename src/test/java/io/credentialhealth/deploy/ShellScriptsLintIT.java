package io.credentialhealth.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.credentialhealth.support.ExternalTool;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deploy scripts are POSIX sh (the bot's image may have no bash) and shellcheck-clean.
 */
class ShellScriptsLintIT {

	@Test
	void scriptsAreShellcheckCleanAsPosixSh() throws Exception {
		Path shellcheck = ExternalTool.require("shellcheck", "apt-get install shellcheck");
		List<String> command = new ArrayList<>(List.of(shellcheck.toString(), "--shell=sh", "--severity=style"));
		try (Stream<Path> scripts = Files.list(DeployFiles.file("scripts"))) {
			scripts.filter((path) -> path.toString().endsWith(".sh")).sorted().forEach((path) -> command.add(path.toString()));
		}
		assertThat(command).anyMatch((arg) -> arg.endsWith("wait-for-credentials.sh"));
		Command.Result result = Command.of(command.toArray(String[]::new)).run();
		assertThat(result.exitCode()).as(result.output()).isZero();
	}

}
