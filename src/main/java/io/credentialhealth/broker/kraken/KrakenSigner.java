package io.credentialhealth.broker.kraken;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Kraken's API-Sign: base64(HMAC-SHA512(key: base64-decoded secret, message: URI path bytes
 * followed by SHA-256(nonce + POST data))).
 */
public final class KrakenSigner {

	private KrakenSigner() {
	}

	/**
	 * @param uriPath the path starting with {@code /0/private/}
	 * @param nonce the nonce exactly as it appears in the POST data
	 * @param postData the form-encoded body, including {@code nonce=...}
	 * @param secretBytes the base64-decoded private key
	 */
	public static String sign(String uriPath, String nonce, String postData, byte[] secretBytes) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(nonce.getBytes(StandardCharsets.UTF_8));
			byte[] digest = sha256.digest(postData.getBytes(StandardCharsets.UTF_8));
			Mac hmac = Mac.getInstance("HmacSHA512");
			hmac.init(new SecretKeySpec(secretBytes, "HmacSHA512"));
			hmac.update(uriPath.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(hmac.doFinal(digest));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			// SHA-256 and HmacSHA512 exist on every JDK; an empty key is the only way here.
			throw new IllegalStateException("Kraken signature could not be computed (" + ex.getClass().getSimpleName() + ")");
		}
	}

	/**
	 * Decodes a Kraken secret, or returns {@code null} when it is not base64.
	 */
	public static byte[] decodeSecret(String secret) {
		try {
			return Base64.getDecoder().decode(secret.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
