package io.credentialhealth.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param accessToken when set (env {@code CREDENTIALS_ACCESS_TOKEN}), health details, the
 * credentials endpoint, prometheus and the status page require it; probes keep answering
 * status-only. Unset: everything is open, for local use.
 */
@ConfigurationProperties("credentials")
public record SecurityProperties(String accessToken) {

	public boolean protectedByToken() {
		return this.accessToken != null && !this.accessToken.isBlank();
	}

}
