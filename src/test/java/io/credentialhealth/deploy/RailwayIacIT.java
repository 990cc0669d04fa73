package io.credentialhealth.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * .railway/railway.ts type-checks with tsc against the real {@code railway} package, and evaluated
 * the way the Railway CLI evaluates it, declares the readiness healthcheck, the state volume and
 * every credential with preserve(), so {@code railway config apply} can never wipe a value.
 */
class RailwayIacIT {

	private static JsonNode service;

	private static JsonNode definition;

	private static JsonNode postgresDefinition;

	@BeforeAll
	static void compileAndEvaluate() throws Exception {
		Path tsc = DeployFiles.npmBin("tsc");
		Path out = DeployFiles.file("target/railway-iac");
		Command.Result compiled = Command
			.of(tsc.toString(), "-p", ".railway/tsconfig.json", "--outDir", out.toString())
			.run();
		assertThat(compiled.exitCode()).as("tsc: " + compiled.output()).isZero();
		Path script = DeployFiles.file("src/test/resources/deploy/evaluate-railway-iac.mjs");
		Command.Result evaluated = Command.of("node", script.toString(), out.resolve("railway.js").toString()).run();
		assertThat(evaluated.exitCode()).as("evaluation: " + evaluated.stderr()).isZero();
		definition = JsonMapper.builder().build().readTree(evaluated.stdout());
		service = resource("service", "credential-health");
		Command.Result postgres = Command
			.of("node", script.toString(), out.resolve("railway.js").toString(), "production", "withPostgres")
			.run();
		assertThat(postgres.exitCode()).as("evaluation: " + postgres.stderr()).isZero();
		postgresDefinition = JsonMapper.builder().build().readTree(postgres.stdout());
	}

	@Test
	void thePostgresVariantRunsReplicasOnASharedDatabaseWithTheSameGate() {
		JsonNode replicated = resource(postgresDefinition, "service", "credential-health");
		JsonNode database = resource(postgresDefinition, "database", "credential-health-db");
		assertThat(replicated.path("deploy").path("numReplicas").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(replicated.path("deploy").path("healthcheckPath").asString()).isEqualTo(DeployFiles.READINESS_PATH);
		JsonNode url = replicated.path("variables").path("DATABASE_URL");
		assertThat(url.path("type").asString()).isEqualTo("reference");
		assertThat(url.path("resource").asString()).isEqualTo(database.path("address").asString());
		assertThat(replicated.has("volumeAttachments")).as("no volume: it would allow one deployment at a time").isFalse();
		assertThat(replicated.path("variables").has("CREDENTIALS_STATE_FILE")).isFalse();
		List<String> preserved = new ArrayList<>();
		replicated.path("variables").properties().forEach((variable) -> {
			if ("preserve".equals(variable.getValue().path("type").asString())) {
				preserved.add(variable.getKey());
			}
		});
		assertThat(preserved).containsExactlyInAnyOrderElementsOf(DeployFiles.CREDENTIAL_VARIABLES);
	}

	@Test
	void tscRejectsAConfigurationThatDoesNotMatchTheRailwayApi() throws Exception {
		// Without this, a tsc that checks nothing (wrong tsconfig, no types) would pass too.
		Path dir = DeployFiles.file("target/railway-iac-broken");
		Files.createDirectories(dir);
		String broken = DeployFiles.read(".railway/railway.ts")
			.replace("healthcheckTimeout: 120", "healthcheckTimeout: \"120\"");
		Files.writeString(dir.resolve("railway.ts"), broken);
		Files.writeString(dir.resolve("tsconfig.json"), DeployFiles.read(".railway/tsconfig.json"));
		Command.Result result = Command.of(DeployFiles.npmBin("tsc").toString(), "-p", dir.toString(), "--noEmit").run();
		assertThat(result.exitCode()).isNotZero();
		assertThat(result.stdout()).contains("railway.ts")
			.containsPattern("error TS23(22|45)")
			.contains("Types of property 'healthcheckTimeout' are incompatible");
	}

	@Test
	void healthcheckIsTheReadinessGroupWithinRailwaysWindow() {
		JsonNode deploy = service.path("deploy");
		assertThat(deploy.path("healthcheckPath").asString()).isEqualTo(DeployFiles.READINESS_PATH);
		assertThat(deploy.path("healthcheckTimeout").asInt()).isBetween(30, 300);
		assertThat(deploy.path("restartPolicyType").asString()).isEqualTo("ON_FAILURE");
		assertThat(service.path("build").path("builder").asString()).isEqualTo("DOCKERFILE");
	}

	@Test
	void everyCredentialIsPreservedAndNoneHasAValue() {
		List<String> preserved = new ArrayList<>();
		for (Map.Entry<String, JsonNode> variable : service.path("variables").properties()) {
			if ("preserve".equals(variable.getValue().path("type").asString())) {
				preserved.add(variable.getKey());
			}
		}
		assertThat(preserved).containsExactlyInAnyOrderElementsOf(DeployFiles.CREDENTIAL_VARIABLES);
	}

	@Test
	void stateFileLivesOnAVolumeMountedAtData() {
		JsonNode attachments = service.path("volumeAttachments");
		assertThat(attachments.findValuesAsString("mountPath")).containsExactly(DeployFiles.STATE_MOUNT);
		String volume = attachments.findValuesAsString("volume").get(0);
		assertThat(volume).isEqualTo(resource("volume", volume.substring("volume.".length())).path("address").asString());
		assertThat(service.path("variables").path("CREDENTIALS_STATE_FILE").path("value").asString())
			.startsWith(DeployFiles.STATE_MOUNT + "/");
	}

	private static JsonNode resource(String type, String name) {
		return resource(definition, type, name);
	}

	private static JsonNode resource(JsonNode definition, String type, String name) {
		for (JsonNode resource : definition.path("resources")) {
			if (type.equals(resource.path("type").asString()) && name.equals(resource.path("name").asString())) {
				return resource;
			}
		}
		throw new AssertionError("railway.ts declares no " + type + " named " + name + ": " + definition);
	}

}
