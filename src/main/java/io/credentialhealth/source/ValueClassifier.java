package io.credentialhealth.source;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Classifies a raw value. Pure and bounded: each rule looks at the value at most a few times, and
 * regular expressions only run on short values, so hostile input cannot make it hang.
 */
public final class ValueClassifier {

	/** Longer values cannot be placeholders; regular expressions never see them. */
	private static final int PLACEHOLDER_MAX_LENGTH = 64;

	private static final Pattern PLACEHOLDER = Pattern.compile(String.join("|",
			"<[^<>]*>", // <your-coinbase-key>
			"\\$\\{\\{?[^}]*\\}?\\}", // ${VAR} or Railway's ${{shared.VAR}} that was never resolved
			"(your|my|insert|enter|put|add)[-_ .]?([a-z0-9]+[-_ .])*(api[-_ .]?)?(key|secret|token|id|value|passphrase)([-_ .](here|goes[-_ .]here))?",
			"change[-_ ]?me", "replace[-_ ]?me", "todo", "tbd", "fixme", "placeholder", "dummy", "example", "sample",
			"none", "null", "nil", "undefined", "secret", "password", "api[-_]?key", "api[-_]?secret", "key",
			"[x*.#?_-]{4,}", "(x{4,}|\\*{4,}).*", "0{8,}", "1234(5678?)?(9)?(0)?"), Pattern.CASE_INSENSITIVE);

	private ValueClassifier() {
	}

	public static Classification classify(String value) {
		if (value == null) {
			return Classification.MISSING;
		}
		if (value.isEmpty()) {
			return Classification.EMPTY;
		}
		if (value.isBlank() || isAllWhitespace(value)) {
			return Classification.WHITESPACE_ONLY;
		}
		// A PEM block (Coinbase secrets) legitimately ends with a newline after its END line.
		String trimmed = (value.startsWith("-----BEGIN ") && value.endsWith("-----\n")) ? value.substring(0, value.length() - 1)
				: value;
		if (isWhitespace(trimmed.codePointAt(0)) || isWhitespace(trimmed.codePointBefore(trimmed.length()))) {
			return Classification.SURROUNDING_WHITESPACE;
		}
		if (value.length() >= 2 && isQuote(value.charAt(0)) && value.charAt(value.length() - 1) == value.charAt(0)) {
			return Classification.QUOTED;
		}
		if (value.length() <= PLACEHOLDER_MAX_LENGTH && PLACEHOLDER.matcher(value.toLowerCase(Locale.ROOT)).matches()) {
			return Classification.PLACEHOLDER;
		}
		if (hasControlCharacter(value)) {
			return Classification.CONTROL_CHARACTERS;
		}
		return Classification.PRESENT;
	}

	private static boolean isQuote(char c) {
		return c == '"' || c == '\'' || c == '`' || c == '\u201C' || c == '\u2018';
	}

	private static boolean isAllWhitespace(String value) {
		return value.codePoints().allMatch(ValueClassifier::isWhitespace);
	}

	/** Java whitespace plus the Unicode spaces that {@code Character.isWhitespace} leaves out (NBSP, ZWSP, BOM). */
	private static boolean isWhitespace(int codePoint) {
		return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == '\u200B'
				|| codePoint == '\uFEFF';
	}

	/** Newlines inside a value are legitimate (PEM keys); other control characters are not. */
	private static boolean hasControlCharacter(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != '\n' && (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
				return true;
			}
		}
		return false;
	}

}
