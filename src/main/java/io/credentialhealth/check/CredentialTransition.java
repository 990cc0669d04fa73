package io.credentialhealth.check;

import java.time.Duration;
import java.time.Instant;

/**
 * The one event type for every transition, so logs, notifications, metrics and the store cannot
 * disagree about what happened. Carries no value.
 *
 * @param transition what happened
 * @param account account id
 * @param owner account owner
 * @param broker broker id
 * @param variable the variable concerned, or null for the account as a whole
 * @param at when the check noticed it
 * @param lastSeenValid when the variable was last seen valid
 * @param lastDeployment the deployment where it was last seen valid
 * @param detail what it is now, e.g. "missing", or fingerprints for a rotation
 * @param deployment the deployment that noticed it
 */
public record CredentialTransition(Transition transition, String account, String owner, String broker,
		String variable, Instant at, Instant lastSeenValid, String lastDeployment, String detail, String deployment) {

	/** Time since the variable was last seen valid, zero when unknown. */
	public Duration elapsed() {
		return (this.lastSeenValid != null) ? Duration.between(this.lastSeenValid, this.at) : Duration.ZERO;
	}

}
