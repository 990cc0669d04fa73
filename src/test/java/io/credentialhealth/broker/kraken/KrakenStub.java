package io.credentialhealth.broker.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.credentialhealth.broker.support.StubServer;
import io.credentialhealth.broker.support.StubServer.Request;
import io.credentialhealth.broker.support.StubServer.Response;

/**
 * Plays Kraken's /0/private/Balance: knows its API keys and their secrets, recomputes API-Sign
 * independently of the code under test, and enforces strictly increasing nonces per key.
 */
final class KrakenStub {

	private final Map<String, byte[]> secrets = new ConcurrentHashMap<>();

	private final Map<String, Long> lastNonce = new ConcurrentHashMap<>();

	private final Map<String, Boolean> queryFunds = new ConcurrentHashMap<>();

	void addKey(String apiKey, String base64Secret, boolean canQueryFunds) {
		this.secrets.put(apiKey, Base64.getDecoder().decode(base64Secret));
		this.queryFunds.put(apiKey, canQueryFunds);
	}

	/** Another client (the bot) used the key with this nonce. */
	void nonceUsedElsewhere(String apiKey, long nonce) {
		this.lastNonce.put(apiKey, nonce);
	}

	long lastNonce(String apiKey) {
		return this.lastNonce.getOrDefault(apiKey, 0L);
	}

	Response handle(Request request) {
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/0/private/Balance");
		assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
		assertThat(request.header("User-Agent")).isNotBlank();
		assertThat(request.body()).matches("nonce=\\d{13}");
		String nonce = request.body().substring("nonce=".length());
		String apiKey = request.header("API-Key");
		byte[] secret = (apiKey != null) ? this.secrets.get(apiKey) : null;
		if (secret == null) {
			return error("EAPI:Invalid key");
		}
		if (!expectedSign(secret, nonce, request.body()).equals(request.header("API-Sign"))) {
			return error("EAPI:Invalid signature");
		}
		long value = Long.parseLong(nonce);
		Long previous = this.lastNonce.get(apiKey);
		if (previous != null && value <= previous) {
			return error("EAPI:Invalid nonce");
		}
		this.lastNonce.put(apiKey, value);
		if (!this.queryFunds.get(apiKey)) {
			return error("EGeneral:Permission denied");
		}
		return Response.json(200, "{\"error\":[],\"result\":{\"ZUSD\":\"171288.6158\",\"XXBT\":\"0.0011\"}}");
	}

	static Response error(String... codes) {
		return Response.json(200, "{\"error\":[\"" + String.join("\",\"", codes) + "\"]}");
	}

	private static String expectedSign(byte[] secret, String nonce, String postData) {
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

}
