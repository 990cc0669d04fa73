package io.credentialhealth.health;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "scenario=all-set")
@Import(HealthScenarioSupport.ScenarioEnvironment.class)
class AllCredentialsSetTest extends HealthScenarioSupport {

	@Test
	void everythingIsUpAndReady(CapturedOutput output) throws Exception {
		assertStatus(get("/actuator/health"), 200, "UP");
		assertStatus(get("/actuator/health/readiness"), 200, "UP");
		assertStatus(get("/actuator/health/liveness"), 200, "UP");
		assertStatus(get("/readyz"), 200, "UP");
		Response tania = get("/actuator/health/credentials/kraken-user-tania");
		assertStatus(tania, 200, "UP");
		assertThat(tania.details().get("state").asString()).isEqualTo("CONFIGURED");
		assertThat(tania.details().get("broker").asString()).isEqualTo("kraken");
		assertThat(tania.details().get("role").asString()).isEqualTo("user");
		assertThat(tania.details().get("owner").asString()).isEqualTo("Tania Gilbert");
		assertThat(tania.details().get("required").asBoolean()).isTrue();
		assertThat(tania.details().get("variables").get("KRAKEN_USER_TANIA_API_KEY").get("classification").asString())
			.isEqualTo("present");
		assertThat(tania.details().get("problems")).isEmpty();
		assertThat(tania.details().get("keyPreview").asString())
			.isEqualTo(PLANTED.get("KRAKEN_USER_TANIA_API_KEY").substring(0, 4) + "****");
		assertThat(tania.details().get("checkedAt").asString()).isNotBlank();
		assertThat(tania.details().get("fingerprint").asString()).hasSize(16);
		Response readiness = get("/actuator/health/readiness");
		assertThat(readiness.json().get("components").get("credentials").get("components").propertyNames())
			.containsExactly("alpaca-master", "alpaca-user-tania", "coinbase-master", "kraken-master",
					"kraken-user-daivon", "kraken-user-tania");
		assertThat(get("/actuator/health/liveness").json().get("components").propertyNames())
			.as("liveness never looks at credentials")
			.containsExactly("livenessState");
		assertThat(output).contains("Master accounts configured: 3/3").contains("User accounts configured: 3/3");
		get("/actuator/credentials");
		get("/actuator/info");
		assertNothingLeaked(output);
	}

}
