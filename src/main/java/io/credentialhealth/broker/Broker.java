package io.credentialhealth.broker;

import java.util.Locale;

/**
 * The brokers whose credentials this service understands. {@link #GENERIC} covers any other
 * credential: it is watched for presence only, with no format rules and no live check.
 */
public enum Broker {

	COINBASE, KRAKEN, ALPACA, GENERIC;

	/**
	 * The lower-case id used in configuration, metrics tags and health details.
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
