package io.credentialhealth.state;

import java.time.Instant;
import java.util.Objects;

/**
 * What the store remembers of one variable. Never its value: only an HMAC fingerprint.
 *
 * @param firstSeen when the current value (fingerprint) was first seen valid: the key's age
 * @param lastSeenValid the last check that saw it valid
 * @param fingerprint truncated HMAC-SHA256 of the last valid value
 * @param deployment the deployment that last saw it valid
 * @param commit the git commit of that deployment
 * @param lastCondition the condition at the last check
 * @param lostSince when it went missing after having been valid, null while valid
 * @param lastChange when its condition or fingerprint last changed
 */
public record VariableMemory(Instant firstSeen, Instant lastSeenValid, String fingerprint, String deployment,
		String commit, Condition lastCondition, Instant lostSince, Instant lastChange) {

	public boolean wasEverValid() {
		return this.lastSeenValid != null;
	}

	/** Whether the two differ at most in "last seen valid", which every check that sees the value moves. */
	public boolean equalsIgnoringLastSeenValid(VariableMemory other) {
		return Objects.equals(this.firstSeen, other.firstSeen) && Objects.equals(this.fingerprint, other.fingerprint)
				&& Objects.equals(this.deployment, other.deployment) && Objects.equals(this.commit, other.commit)
				&& this.lastCondition == other.lastCondition && Objects.equals(this.lostSince, other.lostSince)
				&& Objects.equals(this.lastChange, other.lastChange);
	}

}
