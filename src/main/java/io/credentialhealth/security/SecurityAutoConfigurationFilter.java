package io.credentialhealth.security;

import io.credentialhealth.config.EnvironmentAutoConfigurationFilter;

import org.springframework.core.env.Environment;

/**
 * Keeps Spring Boot's security auto-configurations out unless an access token is configured. Without
 * one every path is open, so Spring Security's filter chain would only add the headers that
 * {@link SecurityHeadersConfiguration} adds anyway, at the price of a third of a probe's cost and
 * 500 classes loaded at start-up (docs/benchmarks.md). Filtering here, rather than with
 * {@code spring.autoconfigure.exclude}, cannot be undone by a user's own exclusion list, which would
 * otherwise bring back Boot's default chain with a generated password.
 */
class SecurityAutoConfigurationFilter extends EnvironmentAutoConfigurationFilter {

	private static final String SECURITY_PACKAGE = "org.springframework.boot.security.";

	@Override
	protected boolean keep(String candidate, Environment environment) {
		return !candidate.startsWith(SECURITY_PACKAGE)
				|| (environment != null && SecurityProperties.protectedByToken(environment));
	}

}
