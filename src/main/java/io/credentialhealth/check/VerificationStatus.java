package io.credentialhealth.check;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.credentialhealth.broker.VerificationResult;

/**
 * What live verification knows about an account's current credentials, as of the check that built
 * the snapshot. Carries no value. Absent (null in {@link AccountStatus}) when live verification is
 * off for the account.
 *
 * @param result the outcome for the current values; UNVERIFIED while none has been attempted yet
 * @param reason one sentence for operators
 * @param lastAttempt when the last verification of this account finished, null if none yet
 * @param lastVerified when the broker last accepted this account's credentials, null if never since
 * start-up
 * @param nextAttempt when the next verification is due, null when none is scheduled
 * @param permissions what the broker reported about the key's permissions, empty when it does not say
 * @param warnings things to look at next to a VERIFIED result, e.g. a missing permission
 */
public record VerificationStatus(VerificationResult result, String reason, Instant lastAttempt, Instant lastVerified,
		Instant nextAttempt, Map<String, Boolean> permissions, List<String> warnings) {

	public VerificationStatus {
		Objects.requireNonNull(result, "result");
		Objects.requireNonNull(reason, "reason");
		permissions = (permissions != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(permissions)) : Map.of();
		warnings = (warnings != null) ? List.copyOf(warnings) : List.of();
	}

}
