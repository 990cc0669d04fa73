package io.credentialhealth.registry;

import java.util.Locale;

/** Whether an account is one of the bot's master accounts or belongs to a user. */
public enum Role {

	MASTER, USER;

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
