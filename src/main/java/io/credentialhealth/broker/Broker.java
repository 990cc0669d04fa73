package io.credentialhealth.broker;

import java.util.Locale;

/**
 * The brokers whose credentials we know how to check. {@code GENERIC} accounts get the
 * generic presence and hygiene checks only.
 */
public enum Broker {

	COINBASE, KRAKEN, ALPACA, GENERIC;

	/** Lower-case id as used in configuration, metrics labels and JSON. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
