package io.credentialhealth.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * @param accessToken when set (env {@code CREDENTIALS_ACCESS_TOKEN}), health details, the
 * credentials endpoint, prometheus and the status page require it; probes keep answering
 * status-only. Unset: everything is open, for local use.
 */
@ConfigurationProperties("credentials")
public record SecurityProperties(String accessToken) {

	static final String ACCESS_TOKEN = "credentials.access-token";

	public boolean protectedByToken() {
		return StringUtils.hasText(this.accessToken);
	}

	/** The same test for code that runs before binding (auto-configuration filter, condition, environment). */
	static boolean protectedByToken(PropertyResolver environment) {
		return StringUtils.hasText(environment.getProperty(ACCESS_TOKEN));
	}

}
