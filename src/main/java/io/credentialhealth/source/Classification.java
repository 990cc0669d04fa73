package io.credentialhealth.source;

import java.util.Locale;

/**
 * What a value looks like, judged without knowing the broker. Only {@link #PRESENT} is usable;
 * {@link #MISSING} means no source defines the variable.
 */
public enum Classification {

	PRESENT("is set"),

	MISSING("is not set"),

	EMPTY("is set but empty"),

	WHITESPACE_ONLY("contains only whitespace"),

	SURROUNDING_WHITESPACE("has leading or trailing whitespace (a space, tab, newline or stray \\r): remove it"),

	QUOTED("is wrapped in quotes: remove them, platforms keep quotes as part of the value"),

	PLACEHOLDER("still holds a placeholder instead of the real value"),

	CONTROL_CHARACTERS("contains control characters");

	private final String sentence;

	Classification(String sentence) {
		this.sentence = sentence;
	}

	/** One sentence describing the problem, e.g. "KRAKEN_MASTER_API_KEY is not set". */
	public String describe(String variable) {
		return variable + " " + this.sentence;
	}

	/** Missing or blank: the value is gone rather than wrong. */
	public boolean isAbsent() {
		return this == MISSING || this == EMPTY || this == WHITESPACE_ONLY;
	}

	public boolean isUsable() {
		return this == PRESENT;
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
