package io.credentialhealth.support;

import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Fresh, well-formed values for the built-in registry's 15 variables, different on every call, so
 * a test can plant them and then search every output for them (see {@link Canary}).
 */
public final class TestCredentials {

	private static final SecureRandom random = new SecureRandom();

	private TestCredentials() {
	}

	/** All 15 variables of the built-in registry, well-formed for their brokers. */
	public static Map<String, String> all() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("COINBASE_API_KEY", coinbaseKeyName());
		values.put("COINBASE_API_SECRET", coinbasePrivateKeyPem());
		values.putAll(kraken("KRAKEN_MASTER"));
		values.put("ALPACA_API_KEY", alpacaKey("AK"));
		values.put("ALPACA_API_SECRET", alnum(40));
		values.putAll(kraken("KRAKEN_USER_DAIVON"));
		values.putAll(kraken("KRAKEN_USER_TANIA"));
		values.put("ALPACA_USER_TANIA_API_KEY", alpacaKey("PK"));
		values.put("ALPACA_USER_TANIA_API_SECRET", alnum(40));
		values.put("ALPACA_USER_TANIA_PAPER", "true");
		return values;
	}

	public static Map<String, String> kraken(String prefix) {
		return Map.of(prefix + "_API_KEY", base64(42), prefix + "_API_SECRET", base64(64));
	}

	/** Base64 of {@code bytes} random bytes (42 bytes give Kraken's 56-character key shape). */
	public static String base64(int bytes) {
		byte[] data = new byte[bytes];
		random.nextBytes(data);
		return Base64.getEncoder().encodeToString(data);
	}

	public static String alpacaKey(String prefix) {
		return prefix + alnum(18).toUpperCase(java.util.Locale.ROOT);
	}

	public static String alnum(int length) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
		StringBuilder builder = new StringBuilder();
		for (int i = 0; i < length; i++) {
			builder.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return builder.toString();
	}

	public static String coinbaseKeyName() {
		return "organizations/" + UUID.randomUUID() + "/apiKeys/" + UUID.randomUUID();
	}

	/** A fresh EC P-256 private key in PKCS#8 PEM, as Coinbase CDP secrets look. */
	public static String coinbasePrivateKeyPem() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
			String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
			return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
