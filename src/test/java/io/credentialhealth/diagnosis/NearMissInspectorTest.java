package io.credentialhealth.diagnosis;

import java.util.LinkedHashMap;
import java.util.Map;

import io.credentialhealth.check.AccountState;
import io.credentialhealth.check.AccountStatus;
import io.credentialhealth.check.CredentialChecker;
import io.credentialhealth.check.Snapshot;
import io.credentialhealth.source.EnvironmentVariables;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/** The inspector wired into the real application: hints reach the snapshot and health details. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "credentials.schedule.enabled=false",
				"credentials.state-file=${java.io.tmpdir}/credential-health-tests/near-miss-${random.uuid}.json" })
class NearMissInspectorTest {

	static final String CANARY_VALUE = "CANARYnearMissValue7731";

	@Autowired
	CredentialChecker checker;

	@Autowired
	CompositeHealthContributor credentialsHealthContributor;

	@Test
	void hintsAppearAsWarningsAndInHealthDetails() {
		Snapshot snapshot = this.checker.check();
		AccountStatus tania = snapshot.account("kraken-user-tania").orElseThrow();
		assertThat(tania.state()).isEqualTo(AccountState.NOT_CONFIGURED);
		assertThat(tania.warnings()).anySatisfy((warning) -> assertThat(warning)
			.startsWith("found KRAKEN_USER_TANIA, did you mean KRAKEN_USER_TANIA_API_KEY?"));
		assertThat(tania.warnings()).anySatisfy((warning) -> assertThat(warning)
			.startsWith("found kraken_user_tania_api_secret, did you mean KRAKEN_USER_TANIA_API_SECRET?"));
		assertThat(snapshot.warnings()).anySatisfy(
				(warning) -> assertThat(warning).contains("no account registers: BINANCE_API_KEY (environment)"));
		HealthIndicator indicator = (HealthIndicator) this.credentialsHealthContributor.getContributor("kraken-user-tania");
		Object details = indicator.health().getDetails().get("warnings");
		assertThat(details).asString().contains("did you mean KRAKEN_USER_TANIA_API_KEY?");
		assertThat(snapshot.toString() + details).doesNotContain(CANARY_VALUE.substring(0, 8))
			.doesNotContain(CANARY_VALUE.substring(10));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class PlantedEnvironment {

		@Bean
		@Primary
		EnvironmentVariables plantedEnvironment() {
			Map<String, String> environment = new LinkedHashMap<>();
			environment.put("KRAKEN_USER_TANIA", CANARY_VALUE);
			environment.put("kraken_user_tania_api_secret", CANARY_VALUE + "s");
			environment.put("BINANCE_API_KEY", CANARY_VALUE + "b");
			return () -> environment;
		}

	}

}
