package io.credentialhealth.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a command that some tests drive (promtool, chromium, node...). On a developer machine a
 * missing tool skips the test with a hint; under CI ({@code CI=true}) it fails, because
 * {@code .ci/run} installs every tool and a silent skip would hide a missing install step.
 */
public final class ExternalTool {

	private ExternalTool() {
	}

	public static Path require(String command, String installHint) {
		Optional<Path> found = find(command);
		if (found.isEmpty()) {
			String message = command + " not found on PATH; " + installHint;
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(message + " (.ci/run must install it)");
			}
			Assumptions.abort(message);
		}
		return found.get();
	}

	public static Optional<Path> find(String command) {
		String path = System.getenv().getOrDefault("PATH", "");
		return Stream.of(path.split(java.io.File.pathSeparator))
			.map((dir) -> Path.of(dir, command))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
