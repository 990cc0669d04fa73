package io.credentialhealth.health;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "scenario=whitespace")
@Import(HealthScenarioSupport.ScenarioEnvironment.class)
class PaddedValueTest extends HealthScenarioSupport {

	@Test
	void aStrayCarriageReturnMakesTheAccountInvalid(CapturedOutput output) throws Exception {
		Response tania = get("/actuator/health/credentials/kraken-user-tania");
		assertStatus(tania, 503, "DOWN");
		assertThat(tania.details().get("state").asString()).isEqualTo("INVALID");
		assertThat(tania.details().get("variables").get("KRAKEN_USER_TANIA_API_SECRET").get("classification").asString())
			.isEqualTo("surrounding_whitespace");
		assertThat(tania.details().get("problems").get(0).asString())
			.startsWith("KRAKEN_USER_TANIA_API_SECRET has leading or trailing whitespace");
		assertStatus(get("/actuator/health/readiness"), 503, "DOWN");
		assertNothingLeaked(output);
	}

}
