package io.credentialhealth.deploy;

import java.io.IOException;
import java.util.List;

import com.networknt.schema.InputFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * railway.json (Config as Code) against Railway's schema, and the settings that make Railway's
 * deploy-time healthcheck the credentials gate.
 */
class RailwayConfigTest {

	private static SchemaValidation schema;

	private static String railwayJson;

	@BeforeAll
	static void load() throws IOException {
		schema = SchemaValidation.of(DeployFiles.schema("railway.schema.json"));
		railwayJson = DeployFiles.read("railway.json");
	}

	@Test
	void railwayJsonIsValidAgainstRailwaysSchema() {
		assertThat(schema.errors(railwayJson, InputFormat.JSON)).isEmpty();
	}

	@Test
	void schemaRejectsWhatRailwayWouldReject() {
		// Proves the validator really applies the schema: Railway rejects unknown keys and values.
		String misspelled = railwayJson.replace("\"healthcheckPath\"", "\"healthCheckPath\"");
		String badPolicy = railwayJson.replace("\"ON_FAILURE\"", "\"ON_CRASH\"");
		assertThat(schema.errors(misspelled, InputFormat.JSON)).isNotEmpty();
		assertThat(schema.errors(badPolicy, InputFormat.JSON)).isNotEmpty();
	}

	@Test
	void buildsTheDockerfileAndGatesDeploysOnReadiness() {
		JsonNode config = JsonMapper.builder().build().readTree(railwayJson);
		assertThat(config.path("build").path("builder").asString()).isEqualTo("DOCKERFILE");
		assertThat(DeployFiles.file(config.path("build").path("dockerfilePath").asString("Dockerfile"))).isRegularFile();
		JsonNode deploy = config.path("deploy");
		assertThat(deploy.path("healthcheckPath").asString()).isEqualTo(DeployFiles.READINESS_PATH);
		// Railway's window is 300 s by default; a shorter one fails a deploy without credentials sooner.
		assertThat(deploy.path("healthcheckTimeout").asInt()).isBetween(30, 300);
		assertThat(deploy.path("restartPolicyType").asString()).isEqualTo("ON_FAILURE");
		// The Dockerfile's CMD is the start command: an override here would bypass scripts/start.sh.
		assertThat(deploy.has("startCommand")).isFalse();
		assertThat(List.copyOf(config.propertyNames())).containsOnly("$schema", "build", "deploy");
	}

}
