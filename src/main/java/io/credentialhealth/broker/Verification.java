package io.credentialhealth.broker;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one live verification found. Carries no value: the reason is written from fixed text and
 * the broker's error code, scrubbed of anything that looks like the credential.
 *
 * @param result the outcome
 * @param reason an operator-friendly sentence; never contains a value
 * @param verifiedAt when this verification finished (whatever its result)
 * @param permissions what the broker reported about the key's permissions, e.g.
 * {@code can_view=true}; empty when the broker does not say
 * @param warnings things to show next to a VERIFIED result, e.g. a missing permission
 * @param retryAfter the shortest delay before this credential should be verified again, or
 * {@code null} for the normal schedule; set after rate limits, lockouts and nonce errors so that
 * the scheduler never retries in a tight loop
 */
public record Verification(VerificationResult result, String reason, Instant verifiedAt,
		Map<String, Boolean> permissions, List<String> warnings, Duration retryAfter) {

	public Verification {
		Objects.requireNonNull(result, "result");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(verifiedAt, "verifiedAt");
		permissions = (permissions != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(permissions)) : Map.of();
		warnings = (warnings != null) ? List.copyOf(warnings) : List.of();
	}

	public static Verification verified(String reason, Instant at, Map<String, Boolean> permissions,
			List<String> warnings) {
		return new Verification(VerificationResult.VERIFIED, reason, at, permissions, warnings, null);
	}

	public static Verification rejected(String reason, Instant at, Duration retryAfter) {
		return new Verification(VerificationResult.REJECTED, reason, at, Map.of(), List.of(), retryAfter);
	}

	public static Verification unverified(String reason, Instant at, Duration retryAfter) {
		return new Verification(VerificationResult.UNVERIFIED, reason, at, Map.of(), List.of(), retryAfter);
	}

	public static Verification unreachable(String reason, Instant at, Duration retryAfter) {
		return new Verification(VerificationResult.UNREACHABLE, reason, at, Map.of(), List.of(), retryAfter);
	}

}
