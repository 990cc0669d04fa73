package io.credentialhealth.health;

import java.util.ArrayList;
import java.util.List;

import io.credentialhealth.check.AccountStatus;
import io.credentialhealth.check.CurrentSnapshot;
import io.credentialhealth.check.Snapshot;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code credentials} as one indicator, for registries of thousands of accounts
 * ({@code credentials.health.per-account=false}). The per-account composite costs Boot a
 * descriptor, or at least a group-membership test, per account on every health request, readiness
 * included (10,000 accounts: tens of milliseconds; docs/benchmarks.md); this is computed once per
 * snapshot. Same status as the composite: DOWN when a required account is unhealthy, WARNING when
 * only optional ones are. Details count them and name the first few; per-account details are in
 * the inventory ({@code /actuator/credentials}).
 */
public class CredentialsSummaryHealthIndicator implements HealthIndicator {

	/** false: {@code credentials} is this summary instead of one indicator per account. */
	public static final String PER_ACCOUNT = "credentials.health.per-account";

	/** Accounts named per status in the details; the rest are counted. */
	static final int LISTED = 10;

	private final CurrentSnapshot snapshot;

	private volatile Summary last;

	public CredentialsSummaryHealthIndicator(CurrentSnapshot snapshot) {
		this.snapshot = snapshot;
	}

	@Override
	public Health health() {
		if (!this.snapshot.isAvailable()) {
			return Health.unknown().withDetail("state", "NOT_CHECKED").build();
		}
		Snapshot current = this.snapshot.get();
		Summary summary = this.last;
		if (summary == null || summary.snapshot() != current) {
			summary = new Summary(current, summarize(current));
			this.last = summary;
		}
		return summary.health();
	}

	static Health summarize(Snapshot snapshot) {
		List<String> down = new ArrayList<>();
		List<String> warning = new ArrayList<>();
		int downCount = 0;
		int warningCount = 0;
		for (AccountStatus account : snapshot.accounts()) {
			Status status = AccountHealthIndicator.status(account);
			if (Status.DOWN.equals(status)) {
				downCount++;
				addListed(down, account.id());
			}
			else if (AccountHealthIndicator.WARNING.equals(status)) {
				warningCount++;
				addListed(warning, account.id());
			}
		}
		Status status = (downCount > 0) ? Status.DOWN : (warningCount > 0) ? AccountHealthIndicator.WARNING : Status.UP;
		Health.Builder builder = Health.status(status)
			.withDetail("accounts", snapshot.accounts().size())
			.withDetail("down", downCount)
			.withDetail("warning", warningCount);
		if (!down.isEmpty()) {
			builder.withDetail("downAccounts", down);
		}
		if (!warning.isEmpty()) {
			builder.withDetail("warningAccounts", warning);
		}
		return builder.withDetail("checkedAt", snapshot.checkedAt().toString()).build();
	}

	private static void addListed(List<String> listed, String id) {
		if (listed.size() < LISTED) {
			listed.add(id);
		}
	}

	private record Summary(Snapshot snapshot, Health health) {
	}

}
