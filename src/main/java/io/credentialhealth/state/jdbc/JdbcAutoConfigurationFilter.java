package io.credentialhealth.state.jdbc;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Keeps Boot's DataSource, JDBC, transaction and persistence auto-configurations out unless the
 * jdbc store was chosen: without a database the application starts as it does without the JDBC
 * starter (Boot's DataSource auto-configuration would otherwise fail for want of a URL). Also keeps
 * out the deprecated Jackson 2 endpoint mapper, which Jackson 2 (a dependency of Flyway, not used
 * by this application) would otherwise switch on. Runs before Boot's own filters, so the excluded
 * candidates are not even inspected.
 */
class JdbcAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware, Ordered {

	private static final List<String> DATABASE_PACKAGES = List.of("org.springframework.boot.jdbc.autoconfigure.",
			"org.springframework.boot.transaction.", "org.springframework.boot.persistence.");

	private static final String JACKSON2_ENDPOINT = "org.springframework.boot.actuate.autoconfigure.endpoint.jackson.Jackson2EndpointAutoConfiguration";

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
		boolean jdbc = this.environment != null
				&& "jdbc".equals(this.environment.getProperty(DatabaseEnvironmentPostProcessor.STORE_PROPERTY));
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			String candidate = autoConfigurationClasses[i];
			matches[i] = candidate == null || (!JACKSON2_ENDPOINT.equals(candidate)
					&& (jdbc || DATABASE_PACKAGES.stream().noneMatch(candidate::startsWith)));
		}
		return matches;
	}

}
