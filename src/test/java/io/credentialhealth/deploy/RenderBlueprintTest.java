package io.credentialhealth.deploy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.InputFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * render.yaml (Blueprint) against Render's schema, and the settings that make Render's continuous
 * health check the credentials gate.
 */
class RenderBlueprintTest {

	private static SchemaValidation schema;

	private static String renderYaml;

	private static JsonNode blueprint;

	@BeforeAll
	static void load() throws IOException {
		schema = SchemaValidation.of(DeployFiles.schema("render.yaml.schema.json"));
		renderYaml = DeployFiles.read("render.yaml");
		blueprint = YAMLMapper.builder().build().readTree(renderYaml);
	}

	@Test
	void renderYamlIsValidAgainstRendersSchema() {
		assertThat(schema.errors(renderYaml, InputFormat.YAML)).isEmpty();
	}

	@Test
	void schemaRejectsWhatRenderWouldReject() {
		// Proves the validator really applies the schema (and that its BOM was handled).
		String misspelled = renderYaml.replace("healthCheckPath:", "healthcheckPath:");
		String groupWithReference = renderYaml.replace("      - key: ALPACA_USER_TANIA_PAPER",
				"      - key: ALPACA_USER_TANIA_PAPER\n      - fromGroup: other");
		assertThat(schema.errors(misspelled, InputFormat.YAML)).isNotEmpty();
		assertThat(schema.errors(groupWithReference, InputFormat.YAML)).isNotEmpty();
	}

	@Test
	void dockerWebServiceGatedOnReadinessWithADiskForTheStateFile() {
		JsonNode service = service("credential-health");
		assertThat(service.path("type").asString()).isEqualTo("web");
		assertThat(service.path("runtime").asString()).isEqualTo("docker");
		assertThat(DeployFiles.file(service.path("dockerfilePath").asString("./Dockerfile"))).isRegularFile();
		assertThat(service.path("healthCheckPath").asString()).isEqualTo(DeployFiles.READINESS_PATH);
		assertThat(service.path("disk").path("mountPath").asString()).isEqualTo(DeployFiles.STATE_MOUNT);
		assertThat(service.path("envVars").findValuesAsString("value"))
			.contains(DeployFiles.STATE_MOUNT + "/credential-state.json");
		// No start command override: the image's CMD (scripts/start.sh) is what runs.
		assertThat(service.has("dockerCommand")).isFalse();
	}

	@Test
	void credentialsLiveInAnEnvironmentGroupThatDeclaresNamesOnly() {
		JsonNode groups = blueprint.path("envVarGroups");
		assertThat(groups).hasSize(1);
		JsonNode group = groups.get(0);
		List<String> keys = new ArrayList<>();
		for (JsonNode variable : group.path("envVars")) {
			keys.add(variable.path("key").asString());
			// A bare key: no value, nothing generated, and no sync flag (not honoured in groups).
			assertThat(List.copyOf(variable.propertyNames())).as(variable.toString()).containsExactly("key");
		}
		assertThat(keys).containsExactlyElementsOf(DeployFiles.CREDENTIAL_VARIABLES);
		assertThat(service("credential-health").path("envVars").findValuesAsString("fromGroup"))
			.containsExactly(group.path("name").asString());
	}

	@Test
	void noCredentialIsSetDirectlyOnTheService() {
		for (JsonNode variable : service("credential-health").path("envVars")) {
			assertThat(DeployFiles.CREDENTIAL_VARIABLES).doesNotContain(variable.path("key").asString());
		}
	}

	@Test
	void thePostgresVariantIsValidAndRunsSeveralInstancesOnASharedDatabase() throws IOException {
		String yaml = DeployFiles.read("render.postgres.yaml");
		assertThat(schema.errors(yaml, InputFormat.YAML)).isEmpty();
		JsonNode postgres = YAMLMapper.builder().build().readTree(yaml);
		JsonNode service = service(postgres, "credential-health");
		assertThat(service.path("healthCheckPath").asString()).isEqualTo(DeployFiles.READINESS_PATH);
		assertThat(service.path("numInstances").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(service.has("disk")).as("a disk limits the service to one instance").isFalse();
		String database = postgres.path("databases").get(0).path("name").asString();
		boolean wired = false;
		for (JsonNode variable : service.path("envVars")) {
			if ("DATABASE_URL".equals(variable.path("key").asString())) {
				assertThat(variable.path("fromDatabase").path("name").asString()).isEqualTo(database);
				assertThat(variable.path("fromDatabase").path("property").asString()).isEqualTo("connectionString");
				wired = true;
			}
			assertThat(DeployFiles.CREDENTIAL_VARIABLES).doesNotContain(variable.path("key").asString());
		}
		assertThat(wired).as("DATABASE_URL from the database").isTrue();
		assertThat(postgres.path("envVarGroups")).isEqualTo(blueprint.path("envVarGroups"));
	}

	private static JsonNode service(String name) {
		return service(blueprint, name);
	}

	private static JsonNode service(JsonNode blueprint, String name) {
		for (JsonNode service : blueprint.path("services")) {
			if (name.equals(service.path("name").asString())) {
				return service;
			}
		}
		throw new AssertionError("render.yaml has no service named " + name);
	}

}
