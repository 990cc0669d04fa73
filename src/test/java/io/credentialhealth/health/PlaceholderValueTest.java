package io.credentialhealth.health;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "scenario=placeholder")
@Import(HealthScenarioSupport.ScenarioEnvironment.class)
class PlaceholderValueTest extends HealthScenarioSupport {

	@Test
	void aPlaceholderIsInvalid(CapturedOutput output) throws Exception {
		Response coinbase = get("/actuator/health/credentials/coinbase-master");
		assertStatus(coinbase, 503, "DOWN");
		assertThat(coinbase.details().get("state").asString()).isEqualTo("INVALID");
		assertThat(coinbase.details().get("variables").get("COINBASE_API_KEY").get("classification").asString())
			.isEqualTo("placeholder");
		assertThat(coinbase.details().get("problems").get(0).asString())
			.isEqualTo("COINBASE_API_KEY still holds a placeholder instead of the real value");
		assertStatus(get("/actuator/health/readiness"), 503, "DOWN");
		assertNothingLeaked(output);
	}

}
