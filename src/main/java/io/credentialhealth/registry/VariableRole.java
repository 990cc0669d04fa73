package io.credentialhealth.registry;

import java.util.Locale;

/** What a variable carries for its account. */
public enum VariableRole {

	KEY("API_KEY"), SECRET("API_SECRET"), PAPER("PAPER");

	private final String suffix;

	VariableRole(String suffix) {
		this.suffix = suffix;
	}

	/** Suffix of the conventional variable name, e.g. {@code API_KEY}. */
	public String suffix() {
		return this.suffix;
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
