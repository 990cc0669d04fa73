package io.credentialhealth.broker.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.credentialhealth.broker.support.StubServer;
import io.credentialhealth.broker.support.StubServer.Request;
import io.credentialhealth.broker.support.StubServer.Response;

/**
 * The four broker endpoints of the application tests, each a local {@link StubServer}. Kraken checks
 * API-Sign for the keys it knows and answers per key; Alpaca knows its keys; Coinbase answers 429.
 */
final class BrokerStubs implements AutoCloseable {

	static final String ALPACA_ACCOUNT = """
			{"id":"e6fe16f3-64a4-4921-8928-cadf02f92f98","status":"ACTIVE","currency":"USD",
			 "trading_blocked":false,"transfers_blocked":true,"account_blocked":false,"trade_suspended_by_user":false}""";

	/** Kraken keys and their base64 secrets; a key not in here is answered EAPI:Invalid key. */
	final Map<String, String> krakenKeys = new ConcurrentHashMap<>();

	/** Kraken keys whose calls hang, for this many milliseconds. */
	final Map<String, Long> krakenHangs = new ConcurrentHashMap<>();

	final Map<String, String> alpacaKeys = new ConcurrentHashMap<>();

	final StubServer kraken = new StubServer(this::kraken);

	final StubServer alpacaLive = new StubServer(this::alpaca);

	final StubServer alpacaPaper = new StubServer(this::alpaca);

	final StubServer coinbase = new StubServer((request) -> Response.json(429,
			"{\"error\":\"RATE_LIMIT_EXCEEDED\",\"message\":\"Too many requests\"}", Map.of("Retry-After", "600")));

	/** Properties pointing the verifiers at these stubs. */
	Map<String, String> properties() {
		return Map.of("credentials.verify.kraken.base-url", this.kraken.baseUrl(),
				"credentials.verify.alpaca.live-base-url", this.alpacaLive.baseUrl(),
				"credentials.verify.alpaca.paper-base-url", this.alpacaPaper.baseUrl(),
				"credentials.verify.coinbase.base-url", this.coinbase.baseUrl());
	}

	List<StubServer> all() {
		return List.of(this.kraken, this.alpacaLive, this.alpacaPaper, this.coinbase);
	}

	/** Kraken requests made with this API key. */
	List<Request> krakenCalls(String apiKey) {
		return this.kraken.requests().stream().filter((request) -> apiKey.equals(request.header("API-Key"))).toList();
	}

	private Response kraken(Request request) {
		if (!request.method().equals("POST") || !request.path().equals("/0/private/Balance")
				|| !request.body().matches("nonce=\\d{13}")) {
			throw new AssertionError("not a Balance call");
		}
		String apiKey = request.header("API-Key");
		Long hang = (apiKey != null) ? this.krakenHangs.get(apiKey) : null;
		if (hang != null) {
			return Response.hang(hang);
		}
		String secret = (apiKey != null) ? this.krakenKeys.get(apiKey) : null;
		if (secret == null) {
			return Response.json(200, "{\"error\":[\"EAPI:Invalid key\"]}");
		}
		String nonce = request.body().substring("nonce=".length());
		if (!sign(Base64.getDecoder().decode(secret), nonce, request.body()).equals(request.header("API-Sign"))) {
			return Response.json(200, "{\"error\":[\"EAPI:Invalid signature\"]}");
		}
		return Response.json(200, "{\"error\":[],\"result\":{\"ZUSD\":\"171288.6158\"}}");
	}

	private Response alpaca(Request request) {
		String key = request.header("APCA-API-KEY-ID");
		String secret = request.header("APCA-API-SECRET-KEY");
		if (key == null || secret == null || !secret.equals(this.alpacaKeys.get(key))) {
			return Response.json(401, "{\"code\":40110000,\"message\":\"request is not authorized\"}");
		}
		return Response.json(200, ALPACA_ACCOUNT);
	}

	private static String sign(byte[] secret, String nonce, String postData) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((nonce + postData).getBytes(StandardCharsets.UTF_8));
			Mac mac = Mac.getInstance("HmacSHA512");
			mac.init(new SecretKeySpec(secret, "HmacSHA512"));
			mac.update("/0/private/Balance".getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(mac.doFinal(digest));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		all().forEach(StubServer::close);
	}

}
