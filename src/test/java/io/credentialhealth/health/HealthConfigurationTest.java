package io.credentialhealth.health;

import java.util.Map;

import io.credentialhealth.check.CurrentSnapshot;
import io.credentialhealth.registry.CredentialRegistry;
import io.credentialhealth.state.InMemoryStateStore;
import io.credentialhealth.state.StateStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** credentials.health.per-account switches the "credentials" contributor between composite and summary. */
class HealthConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(HealthConfiguration.class)
		.withBean(CurrentSnapshot.class)
		.withBean(StateStore.class, InMemoryStateStore::new)
		.withBean(CredentialRegistry.class, HealthConfigurationTest::registry);

	@Test
	void perAccountByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(CredentialsHealthContributor.class)
				.doesNotHaveBean(CredentialsSummaryHealthIndicator.class);
			assertThat(context.getBeanNamesForType(CredentialsHealthContributor.class))
				.containsExactly("credentialsHealthContributor");
		});
	}

	@Test
	void oneSummaryIndicatorNamedCredentialsWhenSwitchedOff() {
		this.runner.withPropertyValues("credentials.health.per-account=false").run((context) -> {
			assertThat(context).hasSingleBean(CredentialsSummaryHealthIndicator.class)
				.doesNotHaveBean(CredentialsHealthContributor.class);
			// Boot names a contributor after its bean without the "HealthIndicator" suffix: "credentials".
			assertThat(context.getBeanNamesForType(CredentialsSummaryHealthIndicator.class))
				.containsExactly("credentialsHealthIndicator");
		});
	}

	static CredentialRegistry registry() {
		return CredentialRegistry.of(new Binder(new MapConfigurationPropertySource(
				Map.of("credentials.accounts.kraken-master.broker", "kraken", "credentials.accounts.kraken-master.role",
						"master")))
			.bind("credentials", io.credentialhealth.registry.RegistryProperties.class)
			.get());
	}

}
