package io.credentialhealth.web;

import java.time.Instant;

/**
 * Where the status page learns when an account was last verified live with its broker. Provided
 * by the broker verification feature; without such a bean the page shows "not enabled".
 */
@FunctionalInterface
public interface LastVerification {

	/** The latest live verification of the account, or null when it has never been verified. */
	Verified of(String accountId);

	/**
	 * One live verification.
	 *
	 * @param at when the broker answered
	 * @param outcome a short word such as "accepted" or "rejected"; never a broker message that
	 * could echo a value
	 */
	record Verified(Instant at, String outcome) {
	}

}
