package io.credentialhealth.deploy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile's structure. No Docker engine runs here, so what the image does is delegated to
 * scripts that {@link StartScriptIT} runs; this test pins that the Dockerfile really calls them.
 */
class DockerfileTest {

	private static List<String> instructions;

	@BeforeAll
	static void load() throws IOException {
		instructions = instructions(DeployFiles.read("Dockerfile"));
	}

	@Test
	void buildsWithTheWrapperCachingDependenciesInTheirOwnLayer() {
		int goOffline = indexOf("RUN ./mvnw -B -q dependency:go-offline");
		assertThat(goOffline).isGreaterThan(indexOf("COPY mvnw pom.xml ./"));
		assertThat(goOffline).isLessThan(indexOf("COPY src/ src/"));
		assertThat(indexOf("RUN CDS=off scripts/build.sh")).isGreaterThan(indexOf("COPY src/ src/"));
	}

	@Test
	void runsOnAJreAsANonRootUser() {
		List<String> stages = instructions.stream().filter((line) -> line.startsWith("FROM ")).toList();
		assertThat(stages).containsExactly("FROM eclipse-temurin:17-jdk AS build", "FROM eclipse-temurin:17-jre");
		int user = indexOf("USER app");
		assertThat(user).isGreaterThan(indexOf("FROM eclipse-temurin:17-jre"));
		assertThat(instructions.subList(user, instructions.size())).noneMatch((line) -> line.startsWith("USER root"));
	}

	@Test
	void trainsClassDataSharingInTheRuntimeImageAndStartsThroughTheStartScript() {
		// An archive only maps into the JVM build that wrote it: train with the runtime image's JVM.
		assertThat(indexOf("RUN scripts/train-cds.sh")).isGreaterThan(indexOf("FROM eclipse-temurin:17-jre"));
		assertThat(instructions.get(instructions.size() - 1)).isEqualTo("CMD [\"/app/scripts/start.sh\"]");
		assertThat(instructions).anyMatch((line) -> line.startsWith("ENV APP_DIR=/app") && line.contains("PORT=8080")
				&& line.contains("CREDENTIALS_STATE_FILE=" + DeployFiles.STATE_MOUNT + "/credential-state.json"));
	}

	@Test
	void healthcheckProbesReadinessOnThePlatformPort() {
		assertThat(instructions).anyMatch((line) -> line.startsWith("HEALTHCHECK ")
				&& line.contains("curl -fsS") && line.contains("${PORT}" + DeployFiles.READINESS_PATH));
	}

	@Test
	void dockerignoreKeepsDotenvFilesOutOfTheImage() throws IOException {
		List<String> ignored = DeployFiles.read(".dockerignore").lines().map(String::strip).toList();
		assertThat(ignored).contains(".env", ".env.*", "*.env", "target/", "node_modules/", ".git");
	}

	private static int indexOf(String instruction) {
		int index = instructions.indexOf(instruction);
		assertThat(index).as("Dockerfile instruction: " + instruction).isNotNegative();
		return index;
	}

	/** Instructions with continuation lines joined and comments dropped. */
	private static List<String> instructions(String dockerfile) {
		List<String> result = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : dockerfile.lines().toList()) {
			String stripped = line.strip();
			if (stripped.startsWith("#") || (stripped.isEmpty() && current.isEmpty())) {
				continue;
			}
			if (stripped.endsWith("\\")) {
				current.append(stripped, 0, stripped.length() - 1).append(' ');
				continue;
			}
			current.append(stripped);
			result.add(current.toString().replaceAll("\\s+", " ").strip());
			current.setLength(0);
		}
		return result;
	}

}
