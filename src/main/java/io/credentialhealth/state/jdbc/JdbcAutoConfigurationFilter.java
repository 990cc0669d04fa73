package io.credentialhealth.state.jdbc;

import java.util.List;

import io.credentialhealth.config.EnvironmentAutoConfigurationFilter;

import org.springframework.core.env.Environment;

/**
 * Keeps Boot's DataSource, JDBC, transaction and persistence auto-configurations out unless the
 * jdbc store was chosen: without a database the application starts as it does without the JDBC
 * starter (Boot's DataSource auto-configuration would otherwise fail for want of a URL). Also keeps
 * out the deprecated Jackson 2 endpoint mapper, which Jackson 2 (a dependency of Flyway, not used
 * by this application) would otherwise switch on. Runs before Boot's own filters, so the excluded
 * candidates are not even inspected.
 */
class JdbcAutoConfigurationFilter extends EnvironmentAutoConfigurationFilter {

	private static final List<String> DATABASE_PACKAGES = List.of("org.springframework.boot.jdbc.autoconfigure.",
			"org.springframework.boot.transaction.", "org.springframework.boot.persistence.");

	private static final String JACKSON2_ENDPOINT = "org.springframework.boot.actuate.autoconfigure.endpoint.jackson.Jackson2EndpointAutoConfiguration";

	@Override
	protected boolean keep(String candidate, Environment environment) {
		if (JACKSON2_ENDPOINT.equals(candidate)) {
			return false;
		}
		boolean jdbc = environment != null
				&& "jdbc".equals(environment.getProperty(DatabaseEnvironmentPostProcessor.STORE_PROPERTY));
		return jdbc || DATABASE_PACKAGES.stream().noneMatch(candidate::startsWith);
	}

}
