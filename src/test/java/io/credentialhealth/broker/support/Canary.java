package io.credentialhealth.broker.support;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Searches text for a planted value: the value itself and every run of {@value #WINDOW} or more of
 * its characters.
 */
public final class Canary {

	public static final int WINDOW = 8;

	private Canary() {
	}

	public static void assertNoLeak(Collection<String> texts, String... values) {
		List<String> leaks = new ArrayList<>();
		for (String text : texts) {
			if (text == null) {
				continue;
			}
			for (String value : values) {
				String leaked = findWindow(text, value);
				if (leaked != null) {
					// Say where, not what: the assertion message itself must not carry the value.
					leaks.add("a " + WINDOW + "-character run of a planted value at index " + text.indexOf(leaked)
							+ " of text starting '" + text.substring(0, Math.min(40, text.indexOf(leaked))) + "'");
				}
			}
		}
		if (!leaks.isEmpty()) {
			fail("Planted value leaked: " + leaks);
		}
	}

	public static void assertNoLeak(String text, String... values) {
		assertNoLeak(List.of(text), values);
	}

	/** Returns the first run of the value found in the text, or {@code null}. */
	public static String findWindow(String text, String value) {
		if (value == null || value.length() < WINDOW) {
			return (value != null && !value.isEmpty() && text.contains(value)) ? value : null;
		}
		for (int i = 0; i + WINDOW <= value.length(); i++) {
			String window = value.substring(i, i + WINDOW);
			if (text.contains(window)) {
				return window;
			}
		}
		return null;
	}

	/**
	 * The sensitive part of a PEM secret: its base64 body without the armour lines, which are the
	 * same for every key ("-----BEGIN EC PRIVATE KEY-----") and legitimately appear in messages.
	 */
	public static String pemBody(String pem) {
		return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s+", "").replace("\\n", "");
	}

	/**
	 * The sensitive part of a Coinbase key name: the org and key ids without the fixed
	 * "organizations/" and "/apiKeys/" words.
	 */
	public static String[] keyNameIds(String keyName) {
		return keyName.replace("organizations/", "").split("/apiKeys/");
	}

}
