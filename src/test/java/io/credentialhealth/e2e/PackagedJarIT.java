package io.credentialhealth.e2e;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.credentialhealth.support.Canary;
import io.credentialhealth.support.RunningJar;
import io.credentialhealth.support.TestCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as a child process with real environment variables, across a redeploy: the
 * second deployment starts without a variable the first one saw, and reports it LOST from its first
 * check with the first deployment's time and id.
 */
class PackagedJarIT {

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path workDir;

	@Test
	void readyWithAllCredentialsThenLostAcrossARedeploy() throws Exception {
		Map<String, String> planted = TestCredentials.all();
		Path stateFile = this.workDir.resolve("data/credential-state.json");
		Map<String, String> first = new HashMap<>(planted);
		first.putAll(railway("7f3c2a1e-5b0d-4c38-9d7e-0a1b2c3d4e5f"));
		String lastSeenValid;
		StringBuilder outputs = new StringBuilder();
		try (RunningJar jar = RunningJar.start(first, List.of(), this.workDir)) {
			HttpResponse<String> readiness = jar.get("/actuator/health/readiness");
			assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
			JsonNode tania = details(jar, "kraken-user-tania");
			assertThat(tania.get("state").asString()).isEqualTo("CONFIGURED");
			lastSeenValid = tania.get("variables").get("KRAKEN_USER_TANIA_API_KEY").get("lastSeenValid").asString();
			outputs.append(readiness.body()).append(jar.get("/actuator/credentials").body());
			outputs.append(jar.get("/actuator/info").body());
			jar.close();
			outputs.append(jar.output());
			assertThat(jar.output()).contains("Master accounts configured: 3/3").contains("User accounts configured: 3/3");
		}
		assertThat(stateFile).exists();

		Map<String, String> second = new HashMap<>(planted);
		second.remove("KRAKEN_USER_TANIA_API_KEY");
		second.putAll(railway("9d8e7f6a-1111-4c38-9d7e-0a1b2c3d4e5f"));
		try (RunningJar jar = RunningJar.start(second, List.of(), this.workDir)) {
			HttpResponse<String> readiness = jar.get("/actuator/health/readiness");
			assertThat(readiness.statusCode()).isEqualTo(503);
			assertThat(jar.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
			JsonNode tania = details(jar, "kraken-user-tania");
			assertThat(tania.get("state").asString()).isEqualTo("LOST");
			JsonNode key = tania.get("variables").get("KRAKEN_USER_TANIA_API_KEY");
			assertThat(key.get("classification").asString()).isEqualTo("missing");
			assertThat(key.get("lastSeenValid").asString()).isEqualTo(lastSeenValid);
			assertThat(key.get("lastDeployment").asString()).isEqualTo("7f3c2a1");
			assertThat(tania.get("fixes").get(0).asString()).isEqualTo(
					"railway variable set KRAKEN_USER_TANIA_API_KEY --stdin --service credential-health --environment production");
			outputs.append(readiness.body()).append(jar.get("/actuator/health").body());
			jar.close();
			outputs.append(jar.output());
			assertThat(jar.output()).contains("CREDENTIAL LOST: KRAKEN_USER_TANIA_API_KEY (kraken-user-tania, Tania Gilbert) was valid, now missing; last seen valid "
					+ lastSeenValid + " in deployment 7f3c2a1, elapsed ")
				.contains("[!!] USER kraken-user-tania: Tania Gilbert (KRAKEN) LOST")
				.contains("User accounts configured: 2/3");
		}
		outputs.append(Files.readString(stateFile));
		Canary.assertPlantedSafe(outputs.toString(), planted);
	}

	private static Map<String, String> railway(String deployment) {
		return Map.of("RAILWAY_ENVIRONMENT_NAME", "production", "RAILWAY_SERVICE_NAME", "credential-health",
				"RAILWAY_PROJECT_NAME", "trading-bot", "RAILWAY_DEPLOYMENT_ID", deployment);
	}

	private static JsonNode details(RunningJar jar, String account) throws Exception {
		return json.readTree(jar.get("/actuator/health/credentials/" + account).body()).get("details");
	}

}
