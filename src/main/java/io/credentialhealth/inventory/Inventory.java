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
import io.credentialhealth.state.Condition;
import io.credentialhealth.state.FleetEntry;

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
				snapshot.accounts().stream().map((status) -> account(status, snapshot)).toList(), problems);
	}

	private static Account account(AccountStatus status, Snapshot snapshot) {
		return new Account(status.id(), status.account().broker().id(), status.account().role().id(),
				status.account().owner(), status.account().required(), status.account().enabled(),
				status.state().name(), status.keyPreview(), status.lastSeenValid(), status.lostSince(),
				status.lastChange(), status.problems(), status.warnings(), status.fixes(),
				status.variables().stream().map((variable) -> variable(variable, snapshot)).toList(),
				verification(status.verification()));
	}

	private static Verification verification(VerificationStatus status) {
		if (status == null) {
			return null;
		}
		return new Verification(status.result().name(), status.reason(), status.lastVerified(), status.lastAttempt(),
				status.nextAttempt(), status.permissions(), status.warnings());
	}

	private static Variable variable(VariableStatus status, Snapshot snapshot) {
		return new Variable(status.name(), status.role().id(), status.classification().id(),
				status.condition().name().toLowerCase(java.util.Locale.ROOT), status.origin(), status.fingerprint(),
				status.firstSeen(), status.lastSeenValid(), status.lostSince(), status.lastChange(),
				status.lastDeployment(), Fleet.of(status, snapshot.fleet(status.name()), snapshot.checkedAt()));
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

	/**
	 * One variable.
	 *
	 * @param fleet the other environments of this service that remember it (a shared store only),
	 * e.g. "present in staging (deployment d41c, 3 min ago), missing here"; empty otherwise
	 */
	public record Variable(String name, String role, String classification, String condition, String source,
			String fingerprint, Instant firstSeen, Instant lastSeenValid, Instant lostSince, Instant lastChange,
			String lastDeployment, List<Fleet> fleet) {

		public Variable {
			fleet = (fleet != null) ? List.copyOf(fleet) : List.of();
		}

		public Variable(String name, String role, String classification, String condition, String source,
				String fingerprint, Instant firstSeen, Instant lastSeenValid, Instant lostSince, Instant lastChange,
				String lastDeployment) {
			this(name, role, classification, condition, source, fingerprint, firstSeen, lastSeenValid, lostSince,
					lastChange, lastDeployment, List.of());
		}

	}

	/**
	 * How another environment of the same service sees a variable.
	 *
	 * @param environment the other environment
	 * @param condition valid, absent or unusable at its last check
	 * @param lastSeenValid when it last saw the variable valid
	 * @param deployment the deployment there that last saw it valid
	 * @param fingerprint fingerprint of the value it last saw valid
	 * @param sameValue whether that value equals the one here (null when either side has none)
	 * @param summary one line for people, e.g. "present in staging (deployment d41c, 3 min ago), missing here"
	 */
	public record Fleet(String environment, String condition, Instant lastSeenValid, String deployment,
			String fingerprint, Boolean sameValue, String summary) {

		static List<Fleet> of(VariableStatus here, List<FleetEntry> entries, Instant checkedAt) {
			return entries.stream()
				.sorted(java.util.Comparator.comparing(FleetEntry::environment))
				.map((entry) -> of(here, entry, checkedAt))
				.toList();
		}

		private static Fleet of(VariableStatus here, FleetEntry entry, Instant checkedAt) {
			Boolean same = (here.condition() == Condition.VALID && here.fingerprint() != null
					&& entry.fingerprint() != null) ? here.fingerprint().equals(entry.fingerprint()) : null;
			String seen = "deployment " + entry.deployment() + ", " + ago(entry.lastSeenValid(), checkedAt);
			String there = switch (entry.condition()) {
				case VALID -> "present in " + entry.environment() + " (" + seen + ")";
				case ABSENT -> "missing in " + entry.environment() + " (last valid: " + seen + ")";
				case UNUSABLE -> "unusable in " + entry.environment() + " (last valid: " + seen + ")";
			};
			String local = switch (here.condition()) {
				case VALID -> (same == null) ? "valid here" : same ? "same value here" : "different value here";
				case ABSENT -> "missing here";
				case UNUSABLE -> "unusable here";
			};
			return new Fleet(entry.environment(), entry.condition().name().toLowerCase(java.util.Locale.ROOT),
					entry.lastSeenValid(), entry.deployment(), entry.fingerprint(), same, there + ", " + local);
		}

		static String ago(Instant then, Instant now) {
			if (then == null) {
				return "never";
			}
			long seconds = java.time.Duration.between(then, now).getSeconds();
			if (seconds < 60) {
				return (seconds < 0) ? "just now" : seconds + " s ago";
			}
			if (seconds < 3600) {
				return (seconds / 60) + " min ago";
			}
			if (seconds < 48 * 3600) {
				return (seconds / 3600) + " h ago";
			}
			return (seconds / 86400) + " days ago";
		}

	}

}
