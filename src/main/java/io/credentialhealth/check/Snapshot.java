package io.credentialhealth.check;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.credentialhealth.platform.PlatformInfo;
import io.credentialhealth.registry.Role;
import io.credentialhealth.state.FleetEntry;
import io.credentialhealth.state.StoreStatus;

/**
 * The immutable result of one check, read by health, metrics, the inventory and the status page.
 *
 * @param sequence 1 for the first check, then counting up
 * @param checkedAt when the check started
 * @param duration how long it took
 * @param accounts every account in registry order
 * @param platform where we run
 * @param sourceProblems sources that could not be read
 * @param warnings global warnings (e.g. a .env file on a platform)
 * @param store the state store's status
 * @param fleet what other environments of this service remember, by variable (empty unless the
 * store is shared)
 */
public record Snapshot(long sequence, Instant checkedAt, Duration duration, List<AccountStatus> accounts,
		PlatformInfo platform, List<String> sourceProblems, List<String> warnings, StoreStatus store,
		Map<String, List<FleetEntry>> fleet) {

	public Snapshot {
		accounts = AccountList.of(accounts);
		sourceProblems = List.copyOf(sourceProblems);
		warnings = List.copyOf(warnings);
		fleet = (fleet != null) ? Map.copyOf(fleet) : Map.of();
	}

	/** A snapshot without a fleet view (a store that only knows this instance). */
	public Snapshot(long sequence, Instant checkedAt, Duration duration, List<AccountStatus> accounts,
			PlatformInfo platform, List<String> sourceProblems, List<String> warnings, StoreStatus store) {
		this(sequence, checkedAt, duration, accounts, platform, sourceProblems, warnings, store, Map.of());
	}

	/** The other environments' memory of one variable, empty when none. */
	public List<FleetEntry> fleet(String variable) {
		return this.fleet.getOrDefault(variable, List.of());
	}

	/** The account with this id: a map lookup, as health asks for every account on each request. */
	public Optional<AccountStatus> account(String id) {
		return Optional.ofNullable(((AccountList) this.accounts).byId(id));
	}

	/** Whether every required account is configured: the readiness verdict. */
	public boolean isReady() {
		return this.accounts.stream().noneMatch(AccountStatus::isBlocking);
	}

	public long configured(Role role) {
		return this.accounts.stream()
			.filter((status) -> status.account().role() == role && status.state() == AccountState.CONFIGURED)
			.count();
	}

	public long total(Role role) {
		return this.accounts.stream().filter((status) -> status.account().role() == role).count();
	}

}
