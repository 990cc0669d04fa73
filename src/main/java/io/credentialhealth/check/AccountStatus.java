package io.credentialhealth.check;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.credentialhealth.registry.Account;

/**
 * One account after a check: its state, variables, what is wrong and how to fix it.
 *
 * @param account the registered account
 * @param state the verdict
 * @param variables its variables in registry order
 * @param problems one sentence per problem
 * @param warnings things to look at that do not change the state
 * @param fixes exact fix commands for the detected platform
 * @param keyPreview first 4 characters of the key, rest masked; null when unset or too short
 * @param checkedAt when the check ran
 * @param lastChange when any variable last changed
 * @param lostSince when the first of its lost variables went missing
 * @param lastSeenValid the last time every variable was valid, null if never
 * @param verification what live verification knows about the current values, null when it is off
 */
public record AccountStatus(Account account, AccountState state, List<VariableStatus> variables, List<String> problems,
		List<String> warnings, List<String> fixes, String keyPreview, Instant checkedAt, Instant lastChange,
		Instant lostSince, Instant lastSeenValid, VerificationStatus verification) {

	public AccountStatus {
		Objects.requireNonNull(account);
		Objects.requireNonNull(state);
		variables = List.copyOf(variables);
		problems = List.copyOf(problems);
		warnings = List.copyOf(warnings);
		fixes = List.copyOf(fixes);
	}

	/** Without live verification (the shape before it existed). */
	public AccountStatus(Account account, AccountState state, List<VariableStatus> variables, List<String> problems,
			List<String> warnings, List<String> fixes, String keyPreview, Instant checkedAt, Instant lastChange,
			Instant lostSince, Instant lastSeenValid) {
		this(account, state, variables, problems, warnings, fixes, keyPreview, checkedAt, lastChange, lostSince,
				lastSeenValid, null);
	}

	public String id() {
		return this.account.id();
	}

	/** Healthy, or failing readiness? Optional accounts never fail it. */
	public boolean isBlocking() {
		return this.account.required() && !this.state.isHealthy();
	}

	/** The key variable's status, e.g. for its fingerprint and age. */
	public VariableStatus key() {
		return this.variables.get(0);
	}

}
