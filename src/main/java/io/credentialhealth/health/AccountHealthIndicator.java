package io.credentialhealth.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.credentialhealth.check.AccountStatus;
import io.credentialhealth.check.CurrentSnapshot;
import io.credentialhealth.check.VariableStatus;
import io.credentialhealth.check.VerificationStatus;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of one account, read from the last check's snapshot: no I/O here. A required account that
 * is not configured is DOWN; an optional one is {@code WARNING}. Details are built field by field so
 * that nothing but names, classifications, times and a masked key prefix can appear.
 */
public class AccountHealthIndicator implements HealthIndicator {

	/** Between OUT_OF_SERVICE and UP; answers 200 (see application.yaml). */
	public static final Status WARNING = new Status("WARNING");

	private final String accountId;

	private final CurrentSnapshot snapshot;

	public AccountHealthIndicator(String accountId, CurrentSnapshot snapshot) {
		this.accountId = accountId;
		this.snapshot = snapshot;
	}

	@Override
	public Health health() {
		if (!this.snapshot.isAvailable()) {
			return Health.unknown().withDetail("state", "NOT_CHECKED").build();
		}
		AccountStatus status = this.snapshot.get().account(this.accountId).orElse(null);
		if (status == null) {
			return Health.unknown().withDetail("state", "NOT_REGISTERED").build();
		}
		return Health.status(status(status)).withDetails(details(status)).build();
	}

	static Status status(AccountStatus status) {
		if (status.state().isHealthy()) {
			return Status.UP;
		}
		return status.account().required() ? Status.DOWN : WARNING;
	}

	static Map<String, Object> details(AccountStatus status) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("state", status.state().name());
		details.put("broker", status.account().broker().id());
		details.put("role", status.account().role().id());
		details.put("owner", status.account().owner());
		details.put("required", status.account().required());
		Map<String, Object> variables = new LinkedHashMap<>();
		for (VariableStatus variable : status.variables()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("classification", variable.classification().id());
			putIfPresent(entry, "source", variable.origin());
			putIfPresent(entry, "fingerprint", variable.fingerprint());
			putIfPresent(entry, "firstSeen", variable.firstSeen());
			putIfPresent(entry, "lastSeenValid", variable.lastSeenValid());
			putIfPresent(entry, "lostSince", variable.lostSince());
			putIfPresent(entry, "lastDeployment", variable.lastDeployment());
			variables.put(variable.name(), entry);
		}
		details.put("variables", variables);
		details.put("problems", status.problems());
		if (!status.warnings().isEmpty()) {
			details.put("warnings", status.warnings());
		}
		if (!status.fixes().isEmpty()) {
			details.put("fixes", status.fixes());
		}
		putIfPresent(details, "keyPreview", status.keyPreview());
		putIfPresent(details, "fingerprint", status.key().fingerprint());
		putIfPresent(details, "firstSeen", status.key().firstSeen());
		putIfPresent(details, "lastSeenValid", status.lastSeenValid());
		putIfPresent(details, "lostSince", status.lostSince());
		putIfPresent(details, "lastChange", status.lastChange());
		details.put("checkedAt", status.checkedAt().toString());
		if (status.verification() != null) {
			details.put("verification", verification(status.verification()));
		}
		return details;
	}

	/** Live verification as of the snapshot: result, reason, times, permissions and warnings. */
	static Map<String, Object> verification(VerificationStatus verification) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("result", verification.result().name());
		entry.put("reason", verification.reason());
		putIfPresent(entry, "lastVerified", verification.lastVerified());
		putIfPresent(entry, "lastAttempt", verification.lastAttempt());
		putIfPresent(entry, "nextAttempt", verification.nextAttempt());
		if (!verification.permissions().isEmpty()) {
			entry.put("permissions", verification.permissions());
		}
		if (!verification.warnings().isEmpty()) {
			entry.put("warnings", verification.warnings());
		}
		return entry;
	}

	private static void putIfPresent(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, (value instanceof Instant) ? value.toString() : value);
		}
	}

}
