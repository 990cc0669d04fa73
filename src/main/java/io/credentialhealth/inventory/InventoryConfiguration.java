package io.credentialhealth.inventory;

import io.credentialhealth.check.CredentialChecker;
import io.credentialhealth.check.CurrentSnapshot;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class InventoryConfiguration {

	@Bean
	CredentialsEndpoint credentialsEndpoint(CurrentSnapshot snapshot, CredentialChecker checker) {
		return new CredentialsEndpoint(snapshot, checker);
	}

}
