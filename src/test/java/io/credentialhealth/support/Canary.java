package io.credentialhealth.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searches outputs for planted secrets: the whole value and every 8-character piece of it. PEM
 * armour lines and a Coinbase key name's fixed words are left out of the pieces: they are the same
 * for every key and say nothing.
 */
public final class Canary {

	/** Shortest piece of a secret that counts as a leak. */
	public static final int WINDOW = 8;

	private Canary() {
	}

	public static void assertNoLeak(String output, Collection<String> secrets) {
		for (String secret : secrets) {
			for (String piece : pieces(secret)) {
				assertThat(output).as("output must not contain any 8-character piece of a planted secret")
					.doesNotContain(piece);
			}
		}
	}

	/** The values of the planted variables that hold secrets (names ending in {@code _SECRET}). */
	public static List<String> secretsOf(Map<String, String> planted) {
		return planted.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().endsWith("_SECRET"))
			.map(Map.Entry::getValue)
			.toList();
	}

	/** No planted secret in the output, and every planted key ({@code _API_KEY}) at most as its preview. */
	public static void assertPlantedSafe(String output, Map<String, String> planted) {
		assertNoLeak(output, secretsOf(planted));
		planted.forEach((name, value) -> {
			if (name.endsWith("_API_KEY")) {
				assertKeyMasked(output, value);
			}
		});
	}

	/**
	 * Asserts that a key shows at most its 4-character preview: no 5-character prefix and no other
	 * 8-character piece.
	 */
	public static void assertKeyMasked(String output, String key) {
		if (!key.startsWith("organizations/")) {
			assertThat(output).doesNotContain(key.substring(0, 5));
		}
		for (String piece : pieces(key)) {
			assertThat(output).doesNotContain(piece);
		}
	}

	static List<String> pieces(String secret) {
		List<String> pieces = new ArrayList<>();
		// PEM armour and the fixed words of a Coinbase key name ("organizations/.../apiKeys/...") are
		// the same for everyone; only what lies between them is secret.
		for (String line : secret.split("\n|organizations/|/apiKeys/")) {
			if (line.startsWith("-----")) {
				continue;
			}
			if (line.length() < WINDOW) {
				if (line.length() >= 4 && !line.isBlank()) {
					pieces.add(line);
				}
				continue;
			}
			for (int i = 0; i + WINDOW <= line.length(); i++) {
				pieces.add(line.substring(i, i + WINDOW));
			}
		}
		return pieces;
	}

}
