package io.credentialhealth.config;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Keeps auto-configuration candidates out depending on the environment, before Boot's own filters
 * inspect them. Unlike {@code spring.autoconfigure.exclude}, a user's own exclusion list cannot undo
 * it. Subclasses are registered in {@code META-INF/spring.factories}.
 */
public abstract class EnvironmentAutoConfigurationFilter
		implements AutoConfigurationImportFilter, EnvironmentAware, Ordered {

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
		Environment environment = this.environment;
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			String candidate = autoConfigurationClasses[i];
			matches[i] = candidate == null || keep(candidate, environment);
		}
		return matches;
	}

	/**
	 * Whether the candidate may stay.
	 * @param candidate the auto-configuration class name
	 * @param environment the environment, null if Boot did not provide one
	 * @return false to keep it out
	 */
	protected abstract boolean keep(String candidate, Environment environment);

}
