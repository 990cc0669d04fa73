package io.credentialhealth.state;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fingerprints values with HMAC-SHA256 keyed by the installation's salt, truncated to 16 hex
 * characters: enough to tell a rotation, too little (and keyed) to learn anything about the value.
 */
public final class Fingerprints {

	private final SecretKeySpec key;

	public Fingerprints(String salt) {
		this.key = new SecretKeySpec(Base64.getDecoder().decode(salt), "HmacSHA256");
	}

	public String of(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

}
