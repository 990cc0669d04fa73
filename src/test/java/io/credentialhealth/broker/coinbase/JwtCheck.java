package io.credentialhealth.broker.coinbase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a Coinbase JWT the way Coinbase would: signature against the registered public key, then
 * the header and claims.
 */
final class JwtCheck {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JwtCheck() {
	}

	record Token(JsonNode header, JsonNode claims) {

	}

	/** Returns {@code null} when the signature does not verify. */
	static Token verify(String jwt, PublicKey publicKey) throws Exception {
		String[] parts = jwt.split("\\.");
		assertThat(parts).hasSize(3);
		for (String part : parts) {
			assertThat(part).matches("[A-Za-z0-9_-]+");
		}
		JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
		JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
		byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
		String alg = header.path("alg").asString();
		Signature verifier;
		if (alg.equals("ES256")) {
			assertThat(signature).as("ES256 signature is raw r||s").hasSize(64);
			verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
		}
		else {
			assertThat(alg).isEqualTo("EdDSA");
			assertThat(signature).hasSize(64);
			verifier = Signature.getInstance("Ed25519");
		}
		verifier.initVerify(publicKey);
		verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
		return verifier.verify(signature) ? new Token(header, claims) : null;
	}

}
