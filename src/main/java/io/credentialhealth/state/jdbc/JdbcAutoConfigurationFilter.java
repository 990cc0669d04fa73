package io.credentialhealth.state.jdbc;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps Boot's DataSource, JDBC and transaction auto-configurations out unless the jdbc store was
 * chosen: without a database the application starts exactly as it does without the JDBC starter
 * (Boot's DataSource auto-configuration would otherwise fail for want of a URL).
 */
class JdbcAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

	private static final List<String> PACKAGES = List.of("org.springframework.boot.jdbc.autoconfigure.",
			"org.springframework.boot.transaction.");

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata autoConfigurationMetadata) {
		boolean jdbc = this.environment != null
				&& "jdbc".equals(this.environment.getProperty(DatabaseEnvironmentPostProcessor.STORE_PROPERTY));
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			String candidate = autoConfigurationClasses[i];
			matches[i] = jdbc || candidate == null || PACKAGES.stream().noneMatch(candidate::startsWith);
		}
		return matches;
	}

}
