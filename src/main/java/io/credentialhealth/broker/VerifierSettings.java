package io.credentialhealth.broker;

import java.time.Duration;

/**
 * Timeouts shared by the live verifiers.
 *
 * @param connectTimeout how long to wait for a TCP (and TLS) connection
 * @param requestTimeout how long to wait for the whole answer once connected; a server that
 * answers slowly or stalls mid-body is cut off after this
 * @param userAgent the User-Agent header (Kraken requires one)
 */
public record VerifierSettings(Duration connectTimeout, Duration requestTimeout, String userAgent) {

	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

	public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

	public static final String DEFAULT_USER_AGENT = "credential-health";

	public VerifierSettings {
		connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connectTimeout");
		requestTimeout = positive(requestTimeout, DEFAULT_REQUEST_TIMEOUT, "requestTimeout");
		userAgent = (userAgent == null || userAgent.isBlank()) ? DEFAULT_USER_AGENT : userAgent;
	}

	public VerifierSettings(Duration connectTimeout, Duration requestTimeout) {
		this(connectTimeout, requestTimeout, null);
	}

	public static VerifierSettings defaults() {
		return new VerifierSettings(null, null, null);
	}

	private static Duration positive(Duration value, Duration fallback, String name) {
		if (value == null) {
			return fallback;
		}
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive");
		}
		return value;
	}

}
