package io.credentialhealth.broker.coinbase;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.credentialhealth.broker.support.StubServer.Request;
import io.credentialhealth.broker.support.StubServer.Response;

/**
 * Plays Coinbase's key_permissions endpoint: knows each key name's public key, verifies the
 * bearer JWT's signature, header and claims (including the exact {@code uri} for this host and
 * port), refuses replayed nonces, and answers the key's permissions.
 */
final class CoinbaseStub {

	private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();

	private final Set<String> seenNonces = ConcurrentHashMap.newKeySet();

	private final String expectedUri;

	private volatile String permissions = "{\"can_view\":true,\"can_trade\":true,\"can_transfer\":false,"
			+ "\"portfolio_uuid\":\"8b4d4e69-3a5c-4f8e-9f1a-2b3c4d5e6f70\",\"portfolio_type\":\"DEFAULT\"}";

	CoinbaseStub(int port) {
		this.expectedUri = "GET 127.0.0.1:" + port + "/api/v3/brokerage/key_permissions";
	}

	void addKey(String keyName, PublicKey publicKey) {
		this.keys.put(keyName, publicKey);
	}

	void permissions(String json) {
		this.permissions = json;
	}

	Response handle(Request request) {
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.path()).isEqualTo("/api/v3/brokerage/key_permissions");
		String authorization = request.header("Authorization");
		assertThat(authorization).startsWith("Bearer ");
		String jwt = authorization.substring("Bearer ".length());
		String kid = kid(jwt);
		PublicKey publicKey = this.keys.get(kid);
		if (publicKey == null) {
			return Response.text(401, "Unauthorized");
		}
		JwtCheck.Token token;
		try {
			token = JwtCheck.verify(jwt, publicKey);
		}
		catch (Exception ex) {
			throw new AssertionError("JWT could not be checked", ex);
		}
		if (token == null) {
			return Response.text(401, "Unauthorized");
		}
		long now = Instant.now().getEpochSecond();
		assertThat(token.header().path("typ").asString()).isEqualTo("JWT");
		assertThat(token.header().path("nonce").asString()).matches("[0-9a-f]{16,64}");
		assertThat(this.seenNonces.add(token.header().path("nonce").asString())).as("fresh nonce").isTrue();
		assertThat(token.claims().path("iss").asString()).isEqualTo("cdp");
		assertThat(token.claims().path("sub").asString()).isEqualTo(kid);
		long nbf = token.claims().path("nbf").asLong();
		long exp = token.claims().path("exp").asLong();
		assertThat(exp - nbf).isEqualTo(120);
		assertThat(nbf).isBetween(now - 5, now + 1);
		assertThat(token.claims().path("uri").asString()).isEqualTo(this.expectedUri);
		return Response.json(200, this.permissions);
	}

	private static String kid(String jwt) {
		String header = new String(java.util.Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))),
				java.nio.charset.StandardCharsets.UTF_8);
		int start = header.indexOf("\"kid\":\"") + 7;
		return header.substring(start, header.indexOf('"', start));
	}

}
