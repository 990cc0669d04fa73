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

	private final Mac mac;

	public Fingerprints(String salt) {
		try {
			// One Mac per instance: looking up the provider and initialising the key for every value cost
			// about as much as the hash itself (a check fingerprints every variable; docs/benchmarks.md).
			this.mac = Mac.getInstance("HmacSHA256");
			this.mac.init(new SecretKeySpec(Base64.getDecoder().decode(salt), "HmacSHA256"));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

	public String of(String value) {
		byte[] digest;
		synchronized (this.mac) {
			// doFinal resets the Mac for the next value.
			digest = this.mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
		}
		return HexFormat.of().formatHex(digest, 0, 8);
	}

}
