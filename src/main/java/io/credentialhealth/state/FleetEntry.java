package io.credentialhealth.state;

import java.time.Instant;

/**
 * What another environment of the same service remembers of a variable, as a shared store sees
 * it: "present in staging (deployment d41c, 3 min ago)". Never a value.
 *
 * @param environment the other environment, e.g. "staging"
 * @param condition its condition at that environment's last check
 * @param lastSeenValid when that environment last saw it valid
 * @param deployment the deployment there that last saw it valid
 * @param fingerprint fingerprint of the value it last saw valid (the salt is shared per service, so
 * equal fingerprints mean equal values)
 */
public record FleetEntry(String environment, Condition condition, Instant lastSeenValid, String deployment,
		String fingerprint) {
}
