package io.credentialhealth.health;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "scenario=master-missing")
@Import(HealthScenarioSupport.ScenarioEnvironment.class)
class MasterMissingTest extends HealthScenarioSupport {

	@Test
	void aRequiredMasterMissingFailsReadinessButNotLiveness(CapturedOutput output) throws Exception {
		assertStatus(get("/actuator/health/readiness"), 503, "DOWN");
		assertStatus(get("/actuator/health"), 503, "DOWN");
		assertStatus(get("/actuator/health/liveness"), 200, "UP");
		Response kraken = get("/actuator/health/credentials/kraken-master");
		assertStatus(kraken, 503, "DOWN");
		assertThat(kraken.details().get("state").asString()).isEqualTo("NOT_CONFIGURED");
		assertThat(kraken.details().get("problems").values()).extracting((node) -> node.asString())
			.containsExactly("KRAKEN_MASTER_API_KEY is not set", "KRAKEN_MASTER_API_SECRET is not set");
		assertThat(kraken.details().get("variables").get("KRAKEN_MASTER_API_SECRET").get("classification").asString())
			.isEqualTo("missing");
		assertThat(kraken.details().get("fixes")).isNotEmpty();
		assertThat(kraken.details().has("keyPreview")).isFalse();
		assertStatus(get("/actuator/health/credentials/coinbase-master"), 200, "UP");
		assertThat(output).contains("[!!] MASTER kraken-master: Master (KRAKEN) NOT CONFIGURED: KRAKEN_MASTER_API_KEY is not set")
			.contains("Master accounts configured: 2/3")
			.contains("User accounts configured: 3/3");
		assertNothingLeaked(output);
	}

}
