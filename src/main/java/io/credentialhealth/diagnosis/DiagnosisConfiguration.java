package io.credentialhealth.diagnosis;

import io.credentialhealth.registry.CredentialRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class DiagnosisConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "credentials.diagnosis.enabled", matchIfMissing = true)
	NearMissInspector nearMissInspector(CredentialRegistry registry, DiagnosisProperties properties) {
		return new NearMissInspector(new NameDiagnosis(registry.accounts(), properties.ignore()));
	}

}
