package io.credentialhealth.broker;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the three HTTP verifiers share: the client, the clock, JSON parsing that never throws, the
 * logging guard, and the final catch that turns any bug into an UNVERIFIED result instead of an
 * exception whose message might carry a value.
 */
public abstract class HttpBrokerVerifier implements BrokerVerifier {

	/** Body excerpts quoted from a broker are cut to this many characters. */
	protected static final int MAX_QUOTED = 160;

	protected final VerifierHttp http;

	protected final Clock clock;

	protected final JsonMapper json;

	protected HttpBrokerVerifier(VerifierSettings settings, Clock clock) {
		this.http = new VerifierHttp(settings);
		this.clock = (clock != null) ? clock : Clock.systemUTC();
		this.json = JsonMapper.builder().build();
	}

	@Override
	public final Verification verify(CredentialValues values) {
		String unsafe = VerifierHttp.unsafeLoggingReason();
		if (unsafe != null) {
			return Verification.unverified(label() + ": " + unsafe + ".", now(), null);
		}
		if (values == null || isBlank(values.key()) || isBlank(values.secret())) {
			return Verification.unverified(label() + " was not verified: the key or the secret is missing.", now(),
					null);
		}
		try {
			return doVerify(values);
		}
		catch (RuntimeException ex) {
			return Verification.unverified(label() + " could not be verified: internal error ("
					+ ex.getClass().getSimpleName() + ").", now(), null);
		}
	}

	/**
	 * Performs the verification; the values are present. May throw only on bugs.
	 */
	protected abstract Verification doVerify(CredentialValues values);

	/**
	 * How the broker is named at the start of a reason, e.g. "Kraken".
	 */
	protected abstract String label();

	protected Instant now() {
		return this.clock.instant();
	}

	/**
	 * Parses a JSON body, or returns {@code null} when it is not JSON.
	 */
	protected JsonNode parseJson(byte[] body) {
		if (body == null || body.length == 0) {
			return null;
		}
		try {
			JsonNode node = this.json.readTree(body);
			return (node == null || node.isMissingNode()) ? null : node;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * A string field of a JSON object, or {@code null}.
	 */
	protected static String text(JsonNode node, String field) {
		if (node == null) {
			return null;
		}
		JsonNode value = node.path(field);
		return value.isString() ? value.stringValue() : null;
	}

	/**
	 * The broker's Retry-After in seconds, within [{@code floor}, 6 h], or {@code floor}.
	 */
	protected static Duration retryAfter(HttpHeaders headers, Duration floor) {
		if (headers == null) {
			return floor;
		}
		String value = headers.firstValue("Retry-After").orElse(null);
		if (value != null) {
			try {
				long seconds = Long.parseLong(value.strip());
				Duration asked = Duration.ofSeconds(Math.max(0, Math.min(seconds, 6 * 3600)));
				return (asked.compareTo(floor) > 0) ? asked : floor;
			}
			catch (NumberFormatException ex) {
				// an HTTP date or garbage: keep our own floor
			}
		}
		return floor;
	}

	protected static URI baseUri(String baseUrl, String name) {
		Objects.requireNonNull(baseUrl, name);
		String trimmed = baseUrl.strip();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		URI uri;
		try {
			uri = new URI(trimmed);
		}
		catch (URISyntaxException ex) {
			// The URI parser quotes its input; say only which property is wrong.
			throw new IllegalArgumentException(name + " is not a valid URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if ((!scheme.equals("https") && !scheme.equals("http")) || uri.getHost() == null) {
			throw new IllegalArgumentException(name + " must be an absolute http(s) URL");
		}
		return uri;
	}

	protected static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
