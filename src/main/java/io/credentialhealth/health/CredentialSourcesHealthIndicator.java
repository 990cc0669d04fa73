package io.credentialhealth.health;

import io.credentialhealth.check.CurrentSnapshot;
import io.credentialhealth.check.Snapshot;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether every credential source could be read at the last check (a secret-files directory that
 * vanished, an unreadable .env file). WARNING, outside readiness: the accounts it affects already
 * say what they miss; this says why.
 */
public class CredentialSourcesHealthIndicator implements HealthIndicator {

	private final CurrentSnapshot snapshot;

	public CredentialSourcesHealthIndicator(CurrentSnapshot snapshot) {
		this.snapshot = snapshot;
	}

	@Override
	public Health health() {
		if (!this.snapshot.isAvailable()) {
			return Health.unknown().build();
		}
		Snapshot current = this.snapshot.get();
		if (current.sourceProblems().isEmpty() && current.warnings().isEmpty()) {
			return Health.up().build();
		}
		return Health.status(AccountHealthIndicator.WARNING)
			.withDetail("problems", current.sourceProblems())
			.withDetail("warnings", current.warnings())
			.build();
	}

}
