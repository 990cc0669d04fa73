package io.credentialhealth.broker;

import java.util.HashSet;
import java.util.Set;

/**
 * Last line of defence for text that comes from outside (a broker's error message): removes
 * control characters, caps the length, and redacts every run of {@value #WINDOW} or more characters
 * that also occurs in the key or the secret. Text we write ourselves never contains values and is
 * not passed through here (it would be over-redacted: a PEM secret contains "PRIVATE KEY").
 */
public final class SecretScrubber {

	/** The shortest run that counts as a leaked fragment of a value. */
	public static final int WINDOW = 8;

	private static final String REDACTED = "[redacted]";

	private SecretScrubber() {
	}

	public static String scrub(String untrusted, CredentialValues values, int maxLength) {
		if (untrusted == null) {
			return "";
		}
		String text = printable(untrusted, maxLength);
		Set<String> windows = new HashSet<>();
		if (values != null) {
			addWindows(windows, values.key());
			addWindows(windows, values.secret());
		}
		if (windows.isEmpty() || text.length() < WINDOW) {
			return text;
		}
		boolean[] hidden = new boolean[text.length()];
		boolean any = false;
		for (int i = 0; i + WINDOW <= text.length(); i++) {
			if (windows.contains(text.substring(i, i + WINDOW))) {
				for (int j = i; j < i + WINDOW; j++) {
					hidden[j] = true;
				}
				any = true;
			}
		}
		if (!any) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			if (!hidden[i]) {
				out.append(text.charAt(i));
			}
			else if (i == 0 || !hidden[i - 1]) {
				out.append(REDACTED);
			}
		}
		return out.toString();
	}

	/**
	 * Replaces control and non-ASCII characters with '?' and cuts the text to {@code maxLength}.
	 */
	public static String printable(String text, int maxLength) {
		int length = Math.min(text.length(), maxLength);
		StringBuilder out = new StringBuilder(length + 1);
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			out.append((c >= 0x20 && c < 0x7f) ? c : '?');
		}
		if (text.length() > maxLength) {
			out.append('\u2026');
		}
		return out.toString();
	}

	private static void addWindows(Set<String> windows, String value) {
		if (value == null || value.length() < WINDOW) {
			return;
		}
		int limit = Math.min(value.length(), ValueShape.MAX_SECRET_LENGTH);
		for (int i = 0; i + WINDOW <= limit; i++) {
			windows.add(value.substring(i, i + WINDOW));
		}
	}

}
