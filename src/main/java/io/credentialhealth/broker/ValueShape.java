package io.credentialhealth.broker;

/**
 * Describes the shape of a value (length, character classes, positions) for messages that must
 * never contain the value itself. Positions are 1-based, as an operator counts them.
 */
public final class ValueShape {

	/** Longer keys are not parsed: no broker issues keys anywhere near this long. */
	public static final int MAX_KEY_LENGTH = 1_024;

	/** Longer secrets are not parsed: a PEM private key is about 230 characters. */
	public static final int MAX_SECRET_LENGTH = 16_384;

	private ValueShape() {
	}

	/**
	 * Returns {@code null} when the value is standard base64 (alphabet {@code A-Z a-z 0-9 + /},
	 * optional {@code =} padding at the end only, length a multiple of four when padded), otherwise
	 * a short description of the first problem such as "contains whitespace at position 89".
	 */
	public static String base64Problem(String value) {
		if (value.isEmpty()) {
			return "is empty";
		}
		int padding = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '=') {
				padding++;
				continue;
			}
			if (padding > 0) {
				return "has '=' padding before position " + (i + 1) + " instead of only at the end";
			}
			if (isBase64(c)) {
				continue;
			}
			return "contains " + describeChar(c) + " at position " + (i + 1);
		}
		if (padding > 2) {
			return "ends with " + padding + " '=' characters (base64 has at most 2)";
		}
		if (padding > 0 && value.length() % 4 != 0) {
			return "has '=' padding but a length of " + value.length() + ", not a multiple of 4";
		}
		if (padding == 0 && value.length() % 4 == 1) {
			return "has a length of " + value.length() + ", which no base64 text has";
		}
		return null;
	}

	public static boolean isBase64(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
	}

	/**
	 * Names the class of a character without printing it.
	 */
	public static String describeChar(char c) {
		if (c == '\n' || c == '\r') {
			return "a line break";
		}
		if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
			return "whitespace";
		}
		if (c == '-' || c == '_') {
			return "a URL-safe base64 character ('-' or '_')";
		}
		if (c == '"' || c == '\'') {
			return "a quote character";
		}
		if (c == '\\') {
			return "a backslash";
		}
		if (Character.isISOControl(c)) {
			return "a control character";
		}
		if (c > 0x7e) {
			return "a non-ASCII character";
		}
		return "a character outside the base64 alphabet";
	}

	/**
	 * Describes whitespace around a value, or returns {@code null} when there is none.
	 */
	public static String surroundingWhitespace(String value) {
		boolean leading = !value.isEmpty() && Character.isWhitespace(value.charAt(0));
		boolean trailing = !value.isEmpty() && Character.isWhitespace(value.charAt(value.length() - 1));
		if (leading && trailing) {
			return "has whitespace at both ends";
		}
		if (leading) {
			return "has leading whitespace";
		}
		if (trailing) {
			return "has trailing whitespace";
		}
		return null;
	}

	public static boolean isQuoted(String value) {
		return value.length() >= 2 && ((value.startsWith("\"") && value.endsWith("\""))
				|| (value.startsWith("'") && value.endsWith("'")));
	}

	public static String chars(int length) {
		return length + ((length == 1) ? " character" : " characters");
	}

}
