package io.credentialhealth.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile passes dockerfilelint (npm, installed by {@code npm ci} in .ci/run).
 */
class DockerfileLintIT {

	@Test
	void dockerfilePassesDockerfilelint() throws Exception {
		Path lint = DeployFiles.npmBin("dockerfilelint");
		Command.Result result = Command.of(lint.toString(), "Dockerfile").run();
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.stdout()).contains("Issues: None found");
	}

	@Test
	void dockerfilelintReallyChecks() throws Exception {
		// A Dockerfile with a known problem must fail, or a green run would prove nothing.
		Path lint = DeployFiles.npmBin("dockerfilelint");
		Path bad = Files.createTempFile("Dockerfile", ".bad");
		try {
			Files.writeString(bad, "FROM ubuntu:latest\nRUN apt-get install curl\n");
			Command.Result result = Command.of(lint.toString(), bad.toString()).run();
			assertThat(result.exitCode()).as(result.output()).isNotZero();
		}
		finally {
			Files.deleteIfExists(bad);
		}
	}

}
