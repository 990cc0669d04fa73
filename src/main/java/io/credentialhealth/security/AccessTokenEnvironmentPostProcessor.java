package io.credentialhealth.security;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With an access token, health shows details and components only to callers that present it, so the
 * platform probes (which cannot) get the status alone. Without one, application.yaml shows everything.
 */
class AccessTokenEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (SecurityProperties.protectedByToken(environment)) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("credentialsAccessToken",
						Map.of("management.endpoint.health.show-details", "when-authorized",
								"management.endpoint.health.show-components", "when-authorized")));
		}
	}

}
