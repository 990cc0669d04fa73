package io.credentialhealth.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.credentialhealth.check.AccountStatus;
import io.credentialhealth.check.Snapshot;
import io.credentialhealth.check.VariableStatus;
import io.credentialhealth.check.VerificationStatus;
import io.credentialhealth.platform.PlatformInfo;
import io.credentialhealth.registry.Role;

/**
 * The safe export of every credential: names, states, times and fingerprints, never a value. Keep
 * it as a backup before platform changes and diff it between deployments. Its JSON shape is stable:
 * fields are only ever added.
 *
 * @param schemaVersion 1
 * @param checkedAt when the check ran
 * @param ready whether every required account is configured
 * @param platform where the service runs
 * @param totals configured and total counts for master and user accounts
 * @param accounts every account in registry order
 * @param problems source and store problems
 */
public record Inventory(int schemaVersion, Instant checkedAt, boolean ready, Platform platform, Totals totals,
		List<Account> accounts, List<String> problems) {

	public static Inventory of(Snapshot snapshot) {
		PlatformInfo info = snapshot.platform();
		Platform platform = new Platform(info.platform().id(), info.environment(), info.service(), info.deploymentId(),
				info.instanceId(), info.commit());
		Totals totals = new Totals(new Count(snapshot.configured(Role.MASTER), snapshot.total(Role.MASTER)),
				new Count(snapshot.configured(Role.USER), snapshot.total(Role.USER)));
		List<String> problems = new java.util.ArrayList<>(snapshot.sourceProblems());
		problems.addAll(snapshot.warnings());
		if (snapshot.store().degraded()) {
			problems.add(snapshot.store().problem());
		}
		return new Inventory(1, snapshot.checkedAt(), snapshot.isReady(), platform, totals,
				snapshot.accounts().stream().map(Inventory::account).toList(), problems);
	}

	private static Account account(AccountStatus status) {
		return new Account(status.id(), status.account().broker().id(), status.account().role().id(),
				status.account().owner(), status.account().required(), status.account().enabled(),
				status.state().name(), status.keyPreview(), status.lastSeenValid(), status.lostSince(),
				status.lastChange(), status.problems(), status.warnings(), status.fixes(),
				status.variables().stream().map(Inventory::variable).toList(), verification(status.verification()));
	}

	private static Verification verification(VerificationStatus status) {
		if (status == null) {
			return null;
		}
		return new Verification(status.result().name(), status.reason(), status.lastVerified(), status.lastAttempt(),
				status.nextAttempt(), status.permissions(), status.warnings());
	}

	private static Variable variable(VariableStatus status) {
		return new Variable(status.name(), status.role().id(), status.classification().id(),
				status.condition().name().toLowerCase(java.util.Locale.ROOT), status.origin(), status.fingerprint(),
				status.firstSeen(), status.lastSeenValid(), status.lostSince(), status.lastChange(),
				status.lastDeployment());
	}

	public record Platform(String name, String environment, String service, String deployment, String instance,
			String commit) {
	}

	public record Totals(Count master, Count user) {
	}

	public record Count(long configured, long total) {
	}

	/**
	 * @param verification live verification of the current values, null when it is off for the account
	 */
	public record Account(String id, String broker, String role, String owner, boolean required, boolean enabled,
			String state, String keyPreview, Instant lastSeenValid, Instant lostSince, Instant lastChange,
			List<String> problems, List<String> warnings, List<String> fixes, List<Variable> variables,
			Verification verification) {

		/** Without live verification (the shape before it existed). */
		public Account(String id, String broker, String role, String owner, boolean required, boolean enabled,
				String state, String keyPreview, Instant lastSeenValid, Instant lostSince, Instant lastChange,
				List<String> problems, List<String> warnings, List<String> fixes, List<Variable> variables) {
			this(id, broker, role, owner, required, enabled, state, keyPreview, lastSeenValid, lostSince, lastChange,
					problems, warnings, fixes, variables, null);
		}

	}

	/**
	 * Live verification of an account's current values.
	 *
	 * @param result VERIFIED, REJECTED, UNVERIFIED or UNREACHABLE
	 * @param reason one sentence for operators
	 * @param lastVerified when the broker last accepted the account's credentials
	 * @param lastAttempt when the last verification finished
	 * @param nextAttempt when the next one is due
	 * @param permissions what the broker reported about the key's permissions
	 * @param warnings things to look at next to a VERIFIED result
	 */
	public record Verification(String result, String reason, Instant lastVerified, Instant lastAttempt,
			Instant nextAttempt, Map<String, Boolean> permissions, List<String> warnings) {
	}

	public record Variable(String name, String role, String classification, String condition, String source,
			String fingerprint, Instant firstSeen, Instant lastSeenValid, Instant lostSince, Instant lastChange,
			String lastDeployment) {
	}

}
