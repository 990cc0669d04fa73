package io.credentialhealth.broker.coinbase;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the short-lived JWT that authenticates one Coinbase Advanced Trade request: header
 * {@code alg} (ES256 with the raw r‖s signature, or EdDSA), {@code kid} = key name, {@code typ} =
 * JWT and a random hex {@code nonce}; claims {@code iss} = cdp, {@code sub} = key name,
 * {@code nbf} = now, {@code exp} = nbf + 120 s, {@code uri} = "METHOD host[:port]path".
 */
public final class CoinbaseJwt {

	public static final Duration LIFETIME = Duration.ofSeconds(120);

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final JsonMapper json;

	private final SecureRandom random;

	public CoinbaseJwt(JsonMapper json, SecureRandom random) {
		this.json = (json != null) ? json : JsonMapper.builder().build();
		this.random = (random != null) ? random : new SecureRandom();
	}

	/**
	 * @param key the parsed secret
	 * @param keyName the API key name ({@code organizations/{org}/apiKeys/{id}} or a bare key id)
	 * @param uri the {@code uri} claim, e.g. {@code GET api.coinbase.com/api/v3/brokerage/key_permissions}
	 * @param now the issue time; truncated to seconds
	 */
	public String create(CoinbaseSecret.Key key, String keyName, String uri, Instant now)
			throws GeneralSecurityException {
		long nbf = now.getEpochSecond();
		byte[] nonce = new byte[16];
		this.random.nextBytes(nonce);
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("alg", key.kind().jwtAlgorithm());
		header.put("kid", keyName);
		header.put("nonce", HexFormat.of().formatHex(nonce));
		header.put("typ", "JWT");
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", "cdp");
		claims.put("sub", keyName);
		claims.put("nbf", nbf);
		claims.put("exp", nbf + LIFETIME.toSeconds());
		claims.put("uri", uri);
		String signingInput = BASE64URL.encodeToString(this.json.writeValueAsBytes(header)) + "."
				+ BASE64URL.encodeToString(this.json.writeValueAsBytes(claims));
		byte[] signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
		return signingInput + "." + BASE64URL.encodeToString(signature);
	}

	/**
	 * The {@code uri} claim for a request: method, a space, host (with the port when the base URL
	 * names one), and the full request path.
	 */
	public static String uriClaim(String method, java.net.URI base, String path) {
		String host = base.getHost() + ((base.getPort() != -1) ? ":" + base.getPort() : "");
		String basePath = (base.getRawPath() != null) ? base.getRawPath() : "";
		return method + " " + host + basePath + path;
	}

}
