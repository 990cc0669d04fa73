package io.credentialhealth.registry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class RegistryConfiguration {

	@Bean
	CredentialRegistry credentialRegistry(RegistryProperties properties) {
		return CredentialRegistry.of(properties);
	}

}
