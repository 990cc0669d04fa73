package io.credentialhealth.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Fingerprints values with HMAC-SHA256 keyed by the installation's salt, truncated to 16 hex
 * characters: enough to tell a rotation, too little (and keyed) to learn anything about the value.
 * <p>
 * HMAC(K, m) = H((K ^ opad) || H((K ^ ipad) || m)) as in RFC 2104, with the two keyed blocks hashed
 * once per instance and their digest state cloned for each value: {@code javax.crypto.Mac} hashes
 * them again for every value, four SHA-256 blocks where two do (a check fingerprints every
 * variable, 20,000 with 10,000 accounts). {@code FingerprintsTest} holds it to openssl and to
 * {@code Mac}.
 */
public final class Fingerprints {

	private static final int BLOCK = 64;

	private final MessageDigest inner;

	private final MessageDigest outer;

	public Fingerprints(String salt) {
		byte[] key = Base64.getDecoder().decode(salt);
		if (key.length > BLOCK) {
			key = sha256().digest(key);
		}
		byte[] ipad = Arrays.copyOf(key, BLOCK);
		byte[] opad = Arrays.copyOf(key, BLOCK);
		for (int i = 0; i < BLOCK; i++) {
			ipad[i] ^= 0x36;
			opad[i] ^= 0x5c;
		}
		this.inner = sha256();
		this.inner.update(ipad);
		this.outer = sha256();
		this.outer.update(opad);
	}

	public String of(String value) {
		MessageDigest inner = copy(this.inner);
		MessageDigest outer = copy(this.outer);
		outer.update(inner.digest(value.getBytes(StandardCharsets.UTF_8)));
		return HexFormat.of().formatHex(outer.digest(), 0, 8);
	}

	/** The keyed states are never updated after construction, so copies can be taken concurrently. */
	private static MessageDigest copy(MessageDigest keyed) {
		try {
			return (MessageDigest) keyed.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("SHA-256 digest cannot be cloned", ex);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 unavailable", ex);
		}
	}

}
