package io.credentialhealth.health;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = { "scenario=user-missing", "credentials.accounts.kraken-user-daivon.required=false" })
@Import(HealthScenarioSupport.ScenarioEnvironment.class)
class OptionalUserMissingTest extends HealthScenarioSupport {

	@Test
	void anOptionalAccountMissingIsAWarningThatKeepsReadiness(CapturedOutput output) throws Exception {
		Response daivon = get("/actuator/health/credentials/kraken-user-daivon");
		assertStatus(daivon, 200, "WARNING");
		assertThat(daivon.details().get("state").asString()).isEqualTo("NOT_CONFIGURED");
		assertThat(daivon.details().get("required").asBoolean()).isFalse();
		assertThat(daivon.details().get("problems").get(0).asString()).isEqualTo("KRAKEN_USER_DAIVON_API_KEY is not set");
		assertStatus(get("/actuator/health/readiness"), 200, "WARNING");
		assertStatus(get("/actuator/health"), 200, "WARNING");
		assertStatus(get("/actuator/health/liveness"), 200, "UP");
		assertThat(output).contains("Daivon Frazier (KRAKEN) NOT CONFIGURED (optional)");
		assertNothingLeaked(output);
	}

}
