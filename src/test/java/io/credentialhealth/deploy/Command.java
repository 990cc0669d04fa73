package io.credentialhealth.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;

/**
 * Runs a command to completion with a bounded time, capturing both output streams in files (so a
 * chatty child can never block on a full pipe).
 *
 * @param command the command line
 * @param directory the working directory
 * @param environment variables to set; a null value removes the variable
 * @param timeout how long the command may run before the test fails
 */
record Command(List<String> command, Path directory, Map<String, String> environment, Duration timeout) {

	static Command of(String... command) {
		return new Command(List.of(command), DeployFiles.repoRoot(), Map.of(), Duration.ofSeconds(120));
	}

	Command withEnvironment(Map<String, String> environment) {
		Map<String, String> merged = new LinkedHashMap<>(this.environment);
		merged.putAll(environment);
		return new Command(this.command, this.directory, merged, this.timeout);
	}

	Command withTimeout(Duration timeout) {
		return new Command(this.command, this.directory, this.environment, timeout);
	}

	Command in(Path directory) {
		return new Command(this.command, directory, this.environment, this.timeout);
	}

	Result run() throws IOException, InterruptedException {
		Path out = Files.createTempFile("command", ".out");
		Path err = Files.createTempFile("command", ".err");
		try {
			Process process = start(out.toFile(), err.toFile());
			if (!process.waitFor(this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor();
				Assertions.fail(this.command + " did not finish within " + this.timeout + "; stderr: "
						+ Files.readString(err, StandardCharsets.UTF_8));
			}
			return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}

	/** Starts the command without waiting; the caller stops it. */
	Process start(File out, File err) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(this.command)).directory(this.directory.toFile())
			.redirectOutput(out)
			.redirectError(err)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		Map<String, String> env = builder.environment();
		this.environment.forEach((name, value) -> {
			if (value == null) {
				env.remove(name);
			}
			else {
				env.put(name, value);
			}
		});
		return builder.start();
	}

	record Result(int exitCode, String stdout, String stderr) {

		String output() {
			return this.stdout + this.stderr;
		}

	}

}
