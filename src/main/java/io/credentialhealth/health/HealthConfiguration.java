package io.credentialhealth.health;

import io.credentialhealth.check.CurrentSnapshot;
import io.credentialhealth.registry.CredentialRegistry;
import io.credentialhealth.state.StateStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

	/** Bean name "credentialsHealthContributor" gives the contributor name "credentials". */
	@Bean
	CredentialsHealthContributor credentialsHealthContributor(CredentialRegistry registry, CurrentSnapshot snapshot) {
		return new CredentialsHealthContributor(registry, snapshot);
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
