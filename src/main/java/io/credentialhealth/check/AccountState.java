package io.credentialhealth.check;

import java.util.Locale;

/** The verdict on one account after a check. */
public enum AccountState {

	/** Every variable present, clean and well-formed (and not refused by the broker). */
	CONFIGURED("ready"),

	/** A variable has never been seen. */
	NOT_CONFIGURED("NOT CONFIGURED"),

	/** A variable that was valid is now missing or empty. */
	LOST("LOST"),

	/** A variable is present but unusable. */
	INVALID("INVALID"),

	/** The broker refused the key (live verification). */
	REJECTED("REJECTED"),

	/** Switched off in the registry. */
	DISABLED("disabled");

	private final String label;

	AccountState(String label) {
		this.label = label;
	}

	/** As operators know it from the bot's logs: "ready", "NOT CONFIGURED"... */
	public String label() {
		return this.label;
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Whether the account can trade: configured, or deliberately switched off. */
	public boolean isHealthy() {
		return this == CONFIGURED || this == DISABLED;
	}

}
