package io.credentialhealth.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.credentialhealth.broker.Broker;
import io.credentialhealth.platform.Platform;
import io.credentialhealth.platform.PlatformInfo;
import io.credentialhealth.registry.Account;
import io.credentialhealth.registry.Role;
import io.credentialhealth.registry.Variable;
import io.credentialhealth.registry.VariableRole;
import io.credentialhealth.source.Classification;
import io.credentialhealth.state.Condition;
import io.credentialhealth.state.StoreStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Snapshot.account(id) is a map lookup now; it must answer exactly as the search in list order did. */
class SnapshotTest {

	static final Instant NOW = Instant.parse("2026-01-16T20:45:00Z");

	@Test
	void findsEveryAccountByIdAmongMany() {
		List<AccountStatus> statuses = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			statuses.add(status("user-" + i, (i % 3 == 0) ? AccountState.LOST : AccountState.CONFIGURED));
		}
		Snapshot snapshot = snapshot(statuses);

		for (int i = 0; i < 10_000; i++) {
			assertThat(snapshot.account("user-" + i)).containsSame(statuses.get(i));
		}
		assertThat(snapshot.account("user-10000")).isEmpty();
		assertThat(snapshot.account(null)).isEmpty();
	}

	@Test
	void theFirstOfDuplicateIdsWinsAsInListOrder() {
		AccountStatus first = status("kraken-master", AccountState.CONFIGURED);
		AccountStatus second = status("kraken-master", AccountState.LOST);

		assertThat(snapshot(List.of(first, second)).account("kraken-master")).containsSame(first);
	}

	@Test
	void accountsStayAnImmutableListInRegistryOrder() {
		AccountStatus a = status("a", AccountState.CONFIGURED);
		AccountStatus b = status("b", AccountState.NOT_CONFIGURED);
		List<AccountStatus> given = new ArrayList<>(List.of(a, b));
		Snapshot snapshot = snapshot(given);
		given.clear();

		assertThat(snapshot.accounts()).containsExactly(a, b).isEqualTo(List.of(a, b));
		assertThat(snapshot.accounts().hashCode()).isEqualTo(List.of(a, b).hashCode());
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> snapshot.accounts().add(a));
		assertThat(snapshot(snapshot.accounts()).accounts()).isSameAs(snapshot.accounts());
		assertThat(snapshot).isEqualTo(snapshot(List.of(a, b)));
	}

	static Snapshot snapshot(List<AccountStatus> statuses) {
		return new Snapshot(1, NOW, Duration.ofMillis(5), statuses,
				new PlatformInfo(Platform.LOCAL, "local", "credential-health", null, null, null, null), List.of(),
				List.of(), new StoreStatus("memory", "memory", false, null));
	}

	static AccountStatus status(String id, AccountState state) {
		Account account = new Account(id, Broker.GENERIC, Role.USER, "Owner", null, true, true,
				List.of(new Variable(id.toUpperCase().replace('-', '_') + "_API_KEY", VariableRole.KEY)));
		VariableStatus key = new VariableStatus(account.variables().get(0).name(), VariableRole.KEY,
				Classification.PRESENT, Condition.VALID, "environment", null, null, null, null, null, null);
		return new AccountStatus(account, state, List.of(key), List.of(), List.of(), List.of(), null, NOW, NOW, null,
				null);
	}

}
