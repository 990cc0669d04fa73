package io.credentialhealth.security;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Keeps Spring Boot's security auto-configurations out unless an access token is configured. Without
 * one every path is open, so Spring Security's filter chain would only add the headers that
 * {@link SecurityHeadersConfiguration} adds anyway, at the price of a third of a probe's cost and
 * 400 classes loaded at start-up (docs/benchmarks.md). Filtering here, rather than with
 * {@code spring.autoconfigure.exclude}, cannot be undone by a user's own exclusion list, which would
 * otherwise bring back Boot's default chain with a generated password.
 */
class SecurityAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware, Ordered {

	private static final String SECURITY_PACKAGE = "org.springframework.boot.security.";

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata autoConfigurationMetadata) {
		boolean secured = this.environment != null && SecurityProperties.protectedByToken(this.environment);
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			String candidate = autoConfigurationClasses[i];
			matches[i] = secured || candidate == null || !candidate.startsWith(SECURITY_PACKAGE);
		}
		return matches;
	}

}
