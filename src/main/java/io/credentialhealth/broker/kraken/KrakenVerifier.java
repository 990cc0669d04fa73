package io.credentialhealth.broker.kraken;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.credentialhealth.broker.Broker;
import io.credentialhealth.broker.CredentialValues;
import io.credentialhealth.broker.HttpBrokerVerifier;
import io.credentialhealth.broker.SecretScrubber;
import io.credentialhealth.broker.Verification;
import io.credentialhealth.broker.VerifierHttp;
import io.credentialhealth.broker.VerifierSettings;
import tools.jackson.databind.JsonNode;

/**
 * Verifies a Kraken key with {@code POST /0/private/Balance}, the cheapest private call.
 *
 * <p>Nonces are Unix milliseconds, strictly increasing per verifier. Milliseconds rather than
 * microseconds on purpose: if the key is shared with a bot that uses millisecond nonces, a
 * microsecond nonce from us would push the key's last-seen nonce ~1000x ahead and lock the bot out
 * for good; with milliseconds the worst case is one interleaving EAPI:Invalid nonce now and then.
 * A dedicated read-only key remains the real fix (see docs/brokers.md).
 *
 * <p>Kraken locks a key after repeated failed calls, so every non-VERIFIED answer carries a
 * {@link Verification#retryAfter()} that the scheduler must honour.
 */
public final class KrakenVerifier extends HttpBrokerVerifier {

	public static final String DEFAULT_BASE_URL = "https://api.kraken.com";

	public static final String BALANCE_PATH = "/0/private/Balance";

	/** After a rejection: repeated invalid-key calls count towards Kraken's lockout. */
	static final Duration AFTER_REJECTION = Duration.ofHours(1);

	static final Duration AFTER_INVALID_NONCE = Duration.ofMinutes(15);

	static final Duration AFTER_RATE_LIMIT = Duration.ofMinutes(15);

	static final Duration AFTER_LOCKOUT = Duration.ofMinutes(30);

	static final Duration AFTER_OUTAGE = Duration.ofMinutes(5);

	private final URI balanceUri;

	private final LongSupplier nonceClock;

	private final AtomicLong lastNonce = new AtomicLong();

	public KrakenVerifier() {
		this(DEFAULT_BASE_URL, VerifierSettings.defaults(), Clock.systemUTC());
	}

	public KrakenVerifier(String baseUrl, VerifierSettings settings, Clock clock) {
		this(baseUrl, settings, clock, null);
	}

	/**
	 * @param nonceClock source of nonce milliseconds, {@code null} for the clock's millis (tests
	 * pass a fixed one to provoke collisions)
	 */
	public KrakenVerifier(String baseUrl, VerifierSettings settings, Clock clock, LongSupplier nonceClock) {
		super(settings, clock);
		URI base = baseUri((baseUrl != null) ? baseUrl : DEFAULT_BASE_URL, "credentials.verify.kraken.base-url");
		this.balanceUri = URI.create(base + BALANCE_PATH);
		this.nonceClock = (nonceClock != null) ? nonceClock : this.clock::millis;
	}

	@Override
	public Broker broker() {
		return Broker.KRAKEN;
	}

	@Override
	protected String label() {
		return "Kraken";
	}

	/**
	 * The next nonce: now in milliseconds, but always above the previous one.
	 */
	long nextNonce() {
		long now = this.nonceClock.getAsLong();
		return this.lastNonce.updateAndGet((last) -> Math.max(now, last + 1));
	}

	@Override
	protected Verification doVerify(CredentialValues values) {
		String key = values.key().strip();
		byte[] secret = KrakenSigner.decodeSecret(values.secret());
		if (secret == null || secret.length != KrakenFormatRules.SECRET_BYTES) {
			return Verification.unverified("Kraken was not asked: the secret is not base64 of 64 bytes "
					+ "(see the format check), so Kraken would only count a failed attempt against the key.", now(),
					null);
		}
		if (!VerifierHttp.isHeaderSafe(key)) {
			return Verification.unverified("Kraken was not asked: the key contains characters that cannot be sent "
					+ "in an HTTP header (line breaks, control or non-ASCII characters).", now(), null);
		}
		String nonce = Long.toString(nextNonce());
		String postData = "nonce=" + nonce;
		HttpRequest request = this.http.request(this.balanceUri)
			.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
			.header("Accept", "application/json")
			.header("API-Key", key)
			.header("API-Sign", KrakenSigner.sign(BALANCE_PATH, nonce, postData, secret))
			.POST(HttpRequest.BodyPublishers.ofString(postData))
			.build();
		VerifierHttp.Exchange exchange = this.http.send(request);
		if (!exchange.answered()) {
			return Verification.unreachable("Kraken could not be reached: " + exchange.failure() + ".", now(), null);
		}
		return interpret(exchange.answer(), values);
	}

	private Verification interpret(VerifierHttp.Answer answer, CredentialValues values) {
		if (answer.status() >= 500) {
			return Verification.unreachable("Kraken answered HTTP " + answer.status() + " (server error).", now(),
					AFTER_OUTAGE);
		}
		JsonNode body = parseJson(answer.body());
		JsonNode errors = (body != null) ? body.path("error") : null;
		if (errors == null || !errors.isArray()) {
			if (answer.status() == 429) {
				return Verification.unverified("Kraken answered HTTP 429 (too many requests); not counted against "
						+ "the key.", now(), retryAfter(answer.headers(), AFTER_RATE_LIMIT));
			}
			return Verification.unverified("Kraken gave an unexpected answer (HTTP " + answer.status()
					+ ", not Kraken's JSON); not counted against the key.", now(), null);
		}
		List<String> codes = new ArrayList<>();
		for (JsonNode error : errors) {
			codes.add(error.isString() ? error.stringValue() : String.valueOf(error));
		}
		if (codes.isEmpty()) {
			if (answer.status() == 200 && body.path("result").isObject()) {
				return Verification.verified("Kraken accepted the key (Balance query succeeded).", now(),
						Map.of("query_funds", true), List.of());
			}
			return Verification.unverified("Kraken gave an unexpected answer (HTTP " + answer.status()
					+ ", no error and no result); not counted against the key.", now(), null);
		}
		return interpretErrors(codes, values);
	}

	private Verification interpretErrors(List<String> codes, CredentialValues values) {
		if (codes.contains("EAPI:Invalid key")) {
			return Verification.rejected("Kraken refused the key: EAPI:Invalid key. It was probably rotated or "
					+ "revoked.", now(), AFTER_REJECTION);
		}
		if (codes.contains("EAPI:Invalid signature")) {
			return Verification.rejected("Kraken refused the signature: EAPI:Invalid signature. The secret does "
					+ "not belong to this key: it was probably rotated, or the key and secret come from different "
					+ "key pairs.", now(), AFTER_REJECTION);
		}
		if (codes.contains("EGeneral:Permission denied")) {
			return Verification.verified("Kraken accepted the key, but it lacks the Query Funds permission "
					+ "(EGeneral:Permission denied).", now(), Map.of("query_funds", false),
					List.of("The Kraken key lacks the 'Query Funds' permission, so only its authentication could "
							+ "be checked. Grant 'Query Funds', or better, give this service its own read-only key."));
		}
		if (codes.contains("EAPI:Invalid nonce")) {
			return Verification.unverified("Kraken answered EAPI:Invalid nonce: another client using this key "
					+ "(probably the bot) sent a higher nonce, or this host's clock is behind. Not counted against "
					+ "the key; next try in 15 min. Give this service its own read-only key, or set a nonce window "
					+ "on the key.", now(), AFTER_INVALID_NONCE);
		}
		if (codes.contains("EAPI:Rate limit exceeded")) {
			return Verification.unverified("Kraken answered EAPI:Rate limit exceeded: the key's call counter is "
					+ "full (the bot shares it?). Not counted against the key; next try in 15 min.", now(),
					AFTER_RATE_LIMIT);
		}
		if (codes.contains("EGeneral:Temporary lockout")) {
			return Verification.unverified("Kraken answered EGeneral:Temporary lockout: too many failed calls "
					+ "with this key. Not counted against the key; next try in 30 min. Check the key before "
					+ "Kraken locks it for longer.", now(), AFTER_LOCKOUT);
		}
		for (String code : codes) {
			if (code.startsWith("EService:")) {
				return Verification.unreachable("Kraken is unavailable: " + SecretScrubber.scrub(code, values, 60)
						+ ".", now(), AFTER_OUTAGE);
			}
		}
		return Verification.unverified("Kraken answered "
				+ SecretScrubber.scrub(String.join(", ", codes), values, MAX_QUOTED)
				+ "; not counted against the key.", now(), AFTER_OUTAGE);
	}

}
