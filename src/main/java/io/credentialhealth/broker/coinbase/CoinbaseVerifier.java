package io.credentialhealth.broker.coinbase;

import java.net.URI;
import java.net.http.HttpRequest;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.credentialhealth.broker.Broker;
import io.credentialhealth.broker.CredentialValues;
import io.credentialhealth.broker.HttpBrokerVerifier;
import io.credentialhealth.broker.SecretScrubber;
import io.credentialhealth.broker.Verification;
import io.credentialhealth.broker.VerifierHttp;
import io.credentialhealth.broker.VerifierSettings;
import tools.jackson.databind.JsonNode;

/**
 * Verifies a Coinbase CDP key with {@code GET /api/v3/brokerage/key_permissions}, signing a fresh
 * JWT for every request. A 401 is retried once with a new JWT (a token can be refused for a
 * transient reason, such as a nonce or a clock edge) and then counts as REJECTED, unless the
 * answer's Date header shows that this host's clock is off, which makes every token invalid.
 */
public final class CoinbaseVerifier extends HttpBrokerVerifier {

	public static final String DEFAULT_BASE_URL = "https://api.coinbase.com";

	public static final String PERMISSIONS_PATH = "/api/v3/brokerage/key_permissions";

	static final Duration AFTER_RATE_LIMIT = Duration.ofMinutes(5);

	static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

	private final URI base;

	private final URI permissionsUri;

	private final CoinbaseJwt jwt;

	public CoinbaseVerifier() {
		this(DEFAULT_BASE_URL, VerifierSettings.defaults(), Clock.systemUTC());
	}

	public CoinbaseVerifier(String baseUrl, VerifierSettings settings, Clock clock) {
		super(settings, clock);
		this.base = baseUri((baseUrl != null) ? baseUrl : DEFAULT_BASE_URL, "credentials.verify.coinbase.base-url");
		this.permissionsUri = URI.create(this.base + PERMISSIONS_PATH);
		this.jwt = new CoinbaseJwt(this.json, new SecureRandom());
	}

	@Override
	public Broker broker() {
		return Broker.COINBASE;
	}

	@Override
	protected String label() {
		return "Coinbase";
	}

	@Override
	protected Verification doVerify(CredentialValues values) {
		if (CoinbaseFormatRules.isLegacy(values)) {
			return Verification.unverified("Coinbase was not asked: this is a legacy API key (16-character key, "
					+ "32-character secret), which Coinbase retired in 2025.", now(), null);
		}
		CoinbaseSecret.Parsed parsed = CoinbaseSecret.parse(values.secret());
		if (!parsed.ok()) {
			return Verification.unverified("Coinbase was not asked: the secret is not a usable private key (see the "
					+ "format check).", now(), null);
		}
		String keyName = values.key().strip();
		String uri = CoinbaseJwt.uriClaim("GET", this.base, PERMISSIONS_PATH);
		VerifierHttp.Answer answer = null;
		for (int attempt = 1; attempt <= 2; attempt++) {
			String token;
			try {
				token = this.jwt.create(parsed.key(), keyName, uri, now());
			}
			catch (GeneralSecurityException ex) {
				return Verification.unverified("Coinbase was not asked: the JWT could not be signed ("
						+ ex.getClass().getSimpleName() + ").", now(), null);
			}
			HttpRequest request = this.http.request(this.permissionsUri)
				.header("Accept", "application/json")
				.header("Authorization", "Bearer " + token)
				.GET()
				.build();
			VerifierHttp.Exchange exchange = this.http.send(request);
			if (!exchange.answered()) {
				return Verification.unreachable("Coinbase could not be reached: " + exchange.failure() + ".", now(),
						null);
			}
			answer = exchange.answer();
			if (answer.status() != 401) {
				break;
			}
		}
		return interpret(answer, values);
	}

	private Verification interpret(VerifierHttp.Answer answer, CredentialValues values) {
		int status = answer.status();
		if (status == 200) {
			return accepted(answer);
		}
		if (status == 401) {
			Duration skew = clockSkew(answer);
			if (skew != null) {
				return Verification.unverified("Coinbase refused the token (HTTP 401), but this host's clock is off by "
						+ skew.toSeconds() + " s, which invalidates every token; fix the clock. Not counted against "
						+ "the key.", now(), null);
			}
			return Verification.rejected("Coinbase refused the key (HTTP 401, twice with fresh tokens" + quote(answer,
					values) + "). It was probably deleted or expired, or its IP allowlist excludes this host.", now(),
					null);
		}
		if (status == 403) {
			return Verification.rejected("Coinbase refused access for this key (HTTP 403" + quote(answer, values)
					+ "). Its permissions or IP allowlist do not allow this host.", now(), null);
		}
		if (status == 429) {
			return Verification.unverified("Coinbase answered HTTP 429 (too many requests); not counted against the "
					+ "key.", now(), retryAfter(answer.headers(), AFTER_RATE_LIMIT));
		}
		if (status >= 500) {
			return Verification.unreachable("Coinbase answered HTTP " + status + " (server error).", now(), null);
		}
		return Verification.unverified("Coinbase gave an unexpected answer (HTTP " + status + quote(answer, values)
				+ "); not counted against the key.", now(), null);
	}

	private Verification accepted(VerifierHttp.Answer answer) {
		JsonNode body = parseJson(answer.body());
		if (body == null || !body.isObject()) {
			return Verification.unverified("Coinbase answered HTTP 200 with a body that is not the key's "
					+ "permissions; not counted against the key.", now(), null);
		}
		Map<String, Boolean> permissions = new LinkedHashMap<>();
		for (String name : List.of("can_view", "can_trade", "can_transfer")) {
			JsonNode flag = body.path(name);
			if (flag.isBoolean()) {
				permissions.put(name, flag.booleanValue());
			}
		}
		List<String> warnings = new ArrayList<>();
		if (Boolean.FALSE.equals(permissions.get("can_view"))) {
			warnings.add("The Coinbase key lacks the view permission; the bot cannot read balances or orders.");
		}
		if (Boolean.FALSE.equals(permissions.get("can_trade"))) {
			warnings.add("The Coinbase key lacks the trade permission; the bot cannot place orders.");
		}
		if (Boolean.TRUE.equals(permissions.get("can_transfer"))) {
			warnings.add("The Coinbase key can transfer funds out; a trading bot does not need that permission.");
		}
		return Verification.verified("Coinbase accepted the key.", now(), permissions, warnings);
	}

	private Duration clockSkew(VerifierHttp.Answer answer) {
		String date = answer.headers().firstValue("Date").orElse(null);
		if (date == null) {
			return null;
		}
		try {
			Instant server = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration skew = Duration.between(server, now()).abs();
			return (skew.compareTo(MAX_CLOCK_SKEW) > 0) ? skew : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private String quote(VerifierHttp.Answer answer, CredentialValues values) {
		JsonNode body = parseJson(answer.body());
		String message = text(body, "message");
		if (message == null) {
			message = text(body, "error");
		}
		return (message != null && !message.isBlank()) ? ": " + SecretScrubber.scrub(message, values, MAX_QUOTED) : "";
	}

}
