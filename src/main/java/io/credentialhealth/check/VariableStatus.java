package io.credentialhealth.check;

import java.time.Instant;

import io.credentialhealth.registry.VariableRole;
import io.credentialhealth.source.Classification;
import io.credentialhealth.state.Condition;

/**
 * One variable as the last check saw it, with what the store remembers. No value.
 *
 * @param name the variable name
 * @param role key, secret or paper
 * @param classification what the value looks like
 * @param condition valid, absent or unusable (format rules included)
 * @param origin the source that supplied it, null when missing
 * @param fingerprint short fingerprint of the current value, null when missing
 * @param firstSeen when the current valid value was first seen
 * @param lastSeenValid last check that saw it valid
 * @param lostSince when it went missing after having been valid
 * @param lastChange when its condition or value last changed
 * @param lastDeployment the deployment that last saw it valid
 */
public record VariableStatus(String name, VariableRole role, Classification classification, Condition condition,
		String origin, String fingerprint, Instant firstSeen, Instant lastSeenValid, Instant lostSince,
		Instant lastChange, String lastDeployment) {

	public boolean isLost() {
		return this.condition == Condition.ABSENT && this.lastSeenValid != null;
	}

}
