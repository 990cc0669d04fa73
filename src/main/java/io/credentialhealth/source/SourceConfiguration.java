package io.credentialhealth.source;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class SourceConfiguration {

	@Bean
	CredentialSources credentialSources(SourceProperties properties, ObjectProvider<EnvironmentVariables> environment) {
		List<CredentialSource> sources = new ArrayList<>();
		sources.add(new EnvironmentSource(environment.getIfAvailable(() -> System::getenv)::get));
		if (properties.secretFilesDir() != null) {
			sources.add(new SecretFilesSource(properties.secretFilesDir(), properties.secretFilesFullReadInterval()));
		}
		if (properties.dotenvFile() != null) {
			sources.add(new DotenvSource(properties.dotenvFile()));
		}
		return new CredentialSources(sources);
	}

}
