package io.credentialhealth.broker.alpaca;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
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
import io.credentialhealth.broker.alpaca.AlpacaFormatRules.KeyKind;
import tools.jackson.databind.JsonNode;

/**
 * Verifies an Alpaca key with {@code GET /v2/account} on the paper or the live endpoint. The paper
 * flag chooses; without a flag the key id's prefix does (PK: paper, otherwise live).
 */
public final class AlpacaVerifier extends HttpBrokerVerifier {

	public static final String DEFAULT_LIVE_BASE_URL = "https://api.alpaca.markets";

	public static final String DEFAULT_PAPER_BASE_URL = "https://paper-api.alpaca.markets";

	public static final String ACCOUNT_PATH = "/v2/account";

	static final Duration AFTER_RATE_LIMIT = Duration.ofMinutes(5);

	private final URI liveAccountUri;

	private final URI paperAccountUri;

	public AlpacaVerifier() {
		this(DEFAULT_LIVE_BASE_URL, DEFAULT_PAPER_BASE_URL, VerifierSettings.defaults(), Clock.systemUTC());
	}

	public AlpacaVerifier(String liveBaseUrl, String paperBaseUrl, VerifierSettings settings, Clock clock) {
		super(settings, clock);
		this.liveAccountUri = URI.create(baseUri((liveBaseUrl != null) ? liveBaseUrl : DEFAULT_LIVE_BASE_URL,
				"credentials.verify.alpaca.live-base-url") + ACCOUNT_PATH);
		this.paperAccountUri = URI.create(baseUri((paperBaseUrl != null) ? paperBaseUrl : DEFAULT_PAPER_BASE_URL,
				"credentials.verify.alpaca.paper-base-url") + ACCOUNT_PATH);
	}

	@Override
	public Broker broker() {
		return Broker.ALPACA;
	}

	@Override
	protected String label() {
		return "Alpaca";
	}

	@Override
	protected Verification doVerify(CredentialValues values) {
		String key = values.key().strip();
		String secret = values.secret().strip();
		Boolean paper;
		if (values.paper() == null) {
			paper = KeyKind.of(key) == KeyKind.PAPER;
		}
		else if ("true".equals(values.paper()) || "false".equals(values.paper())) {
			paper = Boolean.valueOf(values.paper());
		}
		else {
			return Verification.unverified("Alpaca was not asked: the paper flag is neither true nor false, so "
					+ "the endpoint is unknown (see the format check).", now(), null);
		}
		if (!VerifierHttp.isHeaderSafe(key) || !VerifierHttp.isHeaderSafe(secret)) {
			return Verification.unverified("Alpaca was not asked: the key id or the secret contains characters "
					+ "that cannot be sent in an HTTP header (line breaks, control or non-ASCII characters).", now(),
					null);
		}
		String endpoint = paper ? "paper" : "live";
		HttpRequest request = this.http.request(paper ? this.paperAccountUri : this.liveAccountUri)
			.header("Accept", "application/json")
			.header("APCA-API-KEY-ID", key)
			.header("APCA-API-SECRET-KEY", secret)
			.GET()
			.build();
		VerifierHttp.Exchange exchange = this.http.send(request);
		if (!exchange.answered()) {
			return Verification.unreachable("Alpaca (" + endpoint + ") could not be reached: " + exchange.failure()
					+ ".", now(), null);
		}
		VerifierHttp.Answer answer = exchange.answer();
		int status = answer.status();
		if (status == 200) {
			return accepted(answer, endpoint);
		}
		if (status == 401 || status == 403) {
			return Verification.rejected("Alpaca refused the key on the " + endpoint + " endpoint (HTTP " + status
					+ quote(answer, values) + "). " + rejectionHint(key, paper), now(), null);
		}
		if (status == 429) {
			return Verification.unverified("Alpaca answered HTTP 429 (too many requests); not counted against the "
					+ "key.", now(), retryAfter(answer.headers(), AFTER_RATE_LIMIT));
		}
		if (status >= 500) {
			return Verification.unreachable("Alpaca (" + endpoint + ") answered HTTP " + status + " (server error).",
					now(), null);
		}
		return Verification.unverified("Alpaca (" + endpoint + ") gave an unexpected answer (HTTP " + status
				+ quote(answer, values) + "); not counted against the key.", now(), null);
	}

	private Verification accepted(VerifierHttp.Answer answer, String endpoint) {
		JsonNode account = parseJson(answer.body());
		if (account == null || !account.isObject()) {
			return Verification.unverified("Alpaca (" + endpoint + ") answered HTTP 200 with a body that is not an "
					+ "account; not counted against the key.", now(), null);
		}
		Map<String, Boolean> permissions = new LinkedHashMap<>();
		List<String> warnings = new ArrayList<>();
		putNegated(permissions, "can_trade", account, "trading_blocked");
		putNegated(permissions, "can_transfer", account, "transfers_blocked");
		if (account.path("account_blocked").asBoolean(false)) {
			warnings.add("Alpaca reports the account as blocked (account_blocked).");
		}
		if (account.path("trading_blocked").asBoolean(false)) {
			warnings.add("Alpaca reports that the account may not trade (trading_blocked).");
		}
		if (account.path("trade_suspended_by_user").asBoolean(false)) {
			warnings.add("Trading was suspended by the account owner (trade_suspended_by_user).");
		}
		String status = text(account, "status");
		if (status != null && !status.equals("ACTIVE")) {
			warnings.add("Alpaca account status is " + SecretScrubber.printable(status, 40) + ", not ACTIVE.");
		}
		return Verification.verified("Alpaca accepted the key on the " + endpoint + " endpoint.", now(), permissions,
				warnings);
	}

	private static void putNegated(Map<String, Boolean> permissions, String name, JsonNode account, String field) {
		JsonNode flag = account.path(field);
		if (flag.isBoolean()) {
			permissions.put(name, !flag.booleanValue());
		}
	}

	private static String rejectionHint(String key, boolean paper) {
		KeyKind kind = KeyKind.of(key);
		if (paper && kind == KeyKind.LIVE) {
			return "The key id starts with AK (a live key) but was sent to the paper endpoint: fix the paper flag.";
		}
		if (!paper && kind == KeyKind.PAPER) {
			return "The key id starts with PK (a paper key) but was sent to the live endpoint: fix the paper flag.";
		}
		return "It was probably regenerated or deleted.";
	}

	// Alpaca's error bodies are {"code":...,"message":"..."}; quote the message, scrubbed.
	private String quote(VerifierHttp.Answer answer, CredentialValues values) {
		String message = text(parseJson(answer.body()), "message");
		return (message != null && !message.isBlank()) ? ": " + SecretScrubber.scrub(message, values, MAX_QUOTED) : "";
	}

}
