package io.credentialhealth.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.credentialhealth.support.ExternalTool;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the deploy files, the platforms' schemas and the npm tools are, for the deploy tests.
 */
final class DeployFiles {

	/** The credential variables of the built-in registry, in registry order. */
	static final List<String> CREDENTIAL_VARIABLES = List.of("COINBASE_API_KEY", "COINBASE_API_SECRET",
			"KRAKEN_MASTER_API_KEY", "KRAKEN_MASTER_API_SECRET", "ALPACA_API_KEY", "ALPACA_API_SECRET",
			"KRAKEN_USER_DAIVON_API_KEY", "KRAKEN_USER_DAIVON_API_SECRET", "KRAKEN_USER_TANIA_API_KEY",
			"KRAKEN_USER_TANIA_API_SECRET", "ALPACA_USER_TANIA_API_KEY", "ALPACA_USER_TANIA_API_SECRET",
			"ALPACA_USER_TANIA_PAPER");

	static final String READINESS_PATH = "/actuator/health/readiness";

	static final String STATE_MOUNT = "/data";

	private static final char BOM = '\uFEFF';

	private DeployFiles() {
	}

	/** The repository root: Maven runs tests there, the IDE may not, so look for the wrapper. */
	static Path repoRoot() {
		Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
		for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
			if (Files.isRegularFile(candidate.resolve("mvnw")) && Files.isRegularFile(candidate.resolve("pom.xml"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("no repository root (mvnw + pom.xml) above " + dir);
	}

	static Path file(String relative) {
		return repoRoot().resolve(relative);
	}

	static String read(String relative) throws IOException {
		return stripBom(Files.readString(file(relative), StandardCharsets.UTF_8));
	}

	/**
	 * A schema from the shared folder that sits beside the clone ({@code ../shared/schemas}), as on
	 * the developers' machines and in CI. Without it the schema tests cannot mean anything, so they
	 * fail and say where the file was expected.
	 */
	static String schema(String name) throws IOException {
		Path dir = repoRoot().resolveSibling("shared").resolve("schemas");
		Path schema = dir.resolve(name);
		if (!Files.isRegularFile(schema)) {
			Assertions.fail("schema " + name + " not found at " + schema.toAbsolutePath().normalize()
					+ "; the deploy tests expect the shared folder beside the repository (../shared/schemas)");
		}
		// render.yaml.schema.json starts with a UTF-8 byte order mark that strict JSON parsers reject.
		return stripBom(Files.readString(schema, StandardCharsets.UTF_8));
	}

	static String stripBom(String text) {
		return (!text.isEmpty() && text.charAt(0) == BOM) ? text.substring(1) : text;
	}

	/**
	 * A command installed by {@code npm ci} into the repository's node_modules. Like
	 * {@link ExternalTool}, a missing one skips the test locally and fails it under CI.
	 */
	static Path npmBin(String command) {
		ExternalTool.require("node", "install Node.js (20 or newer) and run npm ci in the repository root");
		Path bin = repoRoot().resolve("node_modules").resolve(".bin").resolve(command);
		if (!Files.isExecutable(bin)) {
			String message = bin + " not found; run npm ci in the repository root";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(message + " (.ci/run must)");
			}
			Assumptions.abort(message);
		}
		return bin;
	}

}
