package io.credentialhealth.cli;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fresh credentials in the shapes the brokers hand out (so format rules accept them), and the
 * parts of them that must never appear in any output.
 */
final class PlantedCredentials {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<String, String> values = new LinkedHashMap<>();

	private final List<String> secretMaterial = new ArrayList<>();

	/** PEM without a trailing newline: the core classifies surrounding whitespace as unusable. */
	PlantedCredentials coinbase(String prefix) {
		String organization = UUID.randomUUID().toString();
		String key = UUID.randomUUID().toString();
		this.values.put(prefix + "_API_KEY", "organizations/" + organization + "/apiKeys/" + key);
		this.secretMaterial.add(organization);
		this.secretMaterial.add(key);
		String body = Base64.getEncoder().encodeToString(p256Pkcs8());
		this.values.put(prefix + "_API_SECRET", "-----BEGIN PRIVATE KEY-----\n"
				+ String.join("\n", body.split("(?<=\\G.{64})")) + "\n-----END PRIVATE KEY-----");
		this.secretMaterial.add(body);
		return this;
	}

	PlantedCredentials kraken(String prefix) {
		return put(prefix + "_API_KEY", Base64.getEncoder().encodeToString(random(42)))
			.put(prefix + "_API_SECRET", Base64.getEncoder().encodeToString(random(64)));
	}

	PlantedCredentials alpaca(String prefix, String keyPrefix, String paper) {
		put(prefix + "_API_KEY", keyPrefix + randomText("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 18));
		put(prefix + "_API_SECRET",
				randomText("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 40));
		if (paper != null) {
			this.values.put(prefix + "_PAPER", paper);
		}
		return this;
	}

	/** Any variable whose value must stay hidden, e.g. under a near-miss name. */
	PlantedCredentials put(String name, String value) {
		this.values.put(name, value);
		this.secretMaterial.add(value);
		return this;
	}

	PlantedCredentials all() {
		return coinbase("COINBASE").kraken("KRAKEN_MASTER")
			.alpaca("ALPACA", "AK", null)
			.kraken("KRAKEN_USER_DAIVON")
			.kraken("KRAKEN_USER_TANIA")
			.alpaca("ALPACA_USER_TANIA", "PK", "true");
	}

	/** A random value that cannot look like a word of the report. */
	static String canary() {
		return "CANARY" + randomText("abcdefghijklmnopqrstuvwxyz0123456789", 24);
	}

	Map<String, String> values() {
		return this.values;
	}

	String value(String name) {
		return this.values.get(name);
	}

	/** Every 8-character window of every secret: none may appear in an output. */
	List<String> forbiddenFragments() {
		List<String> fragments = new ArrayList<>();
		for (String material : this.secretMaterial) {
			for (int i = 0; i + 8 <= material.length(); i++) {
				fragments.add(material.substring(i, i + 8));
			}
		}
		return fragments;
	}

	private static byte[] p256Pkcs8() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair().getPrivate().getEncoded();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] random(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private static String randomText(String alphabet, int length) {
		StringBuilder text = new StringBuilder();
		while (text.length() < length) {
			text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return text.toString();
	}

}
