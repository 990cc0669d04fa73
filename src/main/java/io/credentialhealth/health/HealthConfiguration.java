package io.credentialhealth.health;

import io.credentialhealth.check.CurrentSnapshot;
import io.credentialhealth.registry.CredentialRegistry;
import io.credentialhealth.state.StateStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

	/** Bean name "credentialsHealthContributor" gives the contributor name "credentials". */
	@Bean
	@ConditionalOnBooleanProperty(name = CredentialsSummaryHealthIndicator.PER_ACCOUNT, matchIfMissing = true)
	CredentialsHealthContributor credentialsHealthContributor(CredentialRegistry registry, CurrentSnapshot snapshot) {
		return new CredentialsHealthContributor(registry, snapshot);
	}

	/** Thousands of accounts: "credentials" is one indicator, so probes cost the same as with six. */
	@Bean
	@ConditionalOnBooleanProperty(name = CredentialsSummaryHealthIndicator.PER_ACCOUNT, havingValue = false)
	CredentialsSummaryHealthIndicator credentialsHealthIndicator(CurrentSnapshot snapshot) {
		return new CredentialsSummaryHealthIndicator(snapshot);
	}

	@Bean
	CredentialSourcesHealthIndicator credentialSourcesHealthIndicator(CurrentSnapshot snapshot) {
		return new CredentialSourcesHealthIndicator(snapshot);
	}

	@Bean
	StateStoreHealthIndicator stateStoreHealthIndicator(StateStore store) {
		return new StateStoreHealthIndicator(store);
	}

}
