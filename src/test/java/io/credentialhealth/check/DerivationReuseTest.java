package io.credentialhealth.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.credentialhealth.state.InMemoryStateStore;
import io.credentialhealth.support.MutableClock;
import io.credentialhealth.support.TestCheckers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A check re-derives (classifies, fingerprints, inspects) only the accounts whose values changed,
 * and still reports exactly what a check from scratch reports.
 */
class DerivationReuseTest {

	private static final String TANIA_KEY = "KRAKEN_USER_TANIA_API_KEY";

	private static final String TANIA_SECRET = "KRAKEN_USER_TANIA_API_SECRET";

	private static final String DAIVON_KEY = "KRAKEN_USER_DAIVON_API_KEY";

	private static final String DAIVON_SECRET = "KRAKEN_USER_DAIVON_API_SECRET";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-16T20:45:00Z"));

	private final Map<String, String> env = new HashMap<>();

	private final List<String> inspected = new ArrayList<>();

	private final List<Object> events = new ArrayList<>();

	private final InMemoryStateStore store = new InMemoryStateStore();

	private CredentialChecker checker;

	@BeforeEach
	void setUp() {
		this.env.put(TANIA_KEY, "tania-key-1");
		this.env.put(TANIA_SECRET, "tania-secret-1");
		this.env.put(DAIVON_KEY, "daivon-key-1");
		this.env.put(DAIVON_SECRET, "daivon-secret-1");
		this.checker = checker();
	}

	@Test
	void unchangedAccountsAreNotInspectedAgain() {
		this.checker.check();
		assertThat(this.inspected).containsExactlyInAnyOrder("kraken-user-tania", "kraken-user-daivon");
		this.inspected.clear();
		this.clock.advance(Duration.ofMinutes(5));
		this.checker.check();
		assertThat(this.inspected).isEmpty();
	}

	@Test
	void aChangedValueReDerivesItsAccountOnly() {
		this.checker.check();
		this.inspected.clear();
		this.env.put(TANIA_KEY, "tania-key-2");
		Snapshot rotated = this.checker.check();
		assertThat(this.inspected).containsExactly("kraken-user-tania");
		assertThat(transitions()).extracting(CredentialTransition::transition, CredentialTransition::variable)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Transition.ROTATED, TANIA_KEY));
		assertThat(variable(rotated, "kraken-user-tania", TANIA_KEY).fingerprint())
			.isEqualTo(variable(checker().check(), "kraken-user-tania", TANIA_KEY).fingerprint());
	}

	@Test
	void aNewVariableNameReDerivesEveryAccountBecauseInspectorsLookAtNames() {
		this.checker.check();
		this.inspected.clear();
		this.env.put("KRAKEN_USER_TANIA_APIKEY", "typo");
		this.checker.check();
		assertThat(this.inspected).containsExactlyInAnyOrder("kraken-user-tania", "kraken-user-daivon");
	}

	@Test
	void reusedDerivationsGiveWhatACheckFromScratchGives() {
		this.checker.check();
		this.env.remove(DAIVON_SECRET);
		this.env.put(TANIA_SECRET, " padded ");
		this.checker.check();
		this.clock.advance(Duration.ofMinutes(5));
		Snapshot reused = this.checker.check();
		Snapshot fresh = checker().check();
		assertThat(reused.accounts()).hasSize(2);
		SameReport.assertSameReport(reused, fresh, true);
		assertThat(reused.account("kraken-user-daivon").orElseThrow().state()).isEqualTo(AccountState.LOST);
		assertThat(reused.account("kraken-user-tania").orElseThrow().state()).isEqualTo(AccountState.INVALID);
	}

	@Test
	void aReusedAccountStillMovesLastSeenValid() {
		this.checker.check();
		this.clock.advance(Duration.ofMinutes(5));
		Snapshot later = this.checker.check();
		assertThat(later.account("kraken-user-tania").orElseThrow().checkedAt())
			.isEqualTo(Instant.parse("2026-01-16T20:50:00Z"));
		assertThat(variable(later, "kraken-user-tania", TANIA_KEY).lastSeenValid())
			.isEqualTo(Instant.parse("2026-01-16T20:50:00Z"));
	}

	private static VariableStatus variable(Snapshot snapshot, String account, String name) {
		return snapshot.account(account)
			.orElseThrow()
			.variables()
			.stream()
			.filter((v) -> v.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private List<CredentialTransition> transitions() {
		return this.events.stream()
			.filter(CredentialTransition.class::isInstance)
			.map(CredentialTransition.class::cast)
			.toList();
	}

	/** A checker over the same environment and store (so the same salt and memory), with an inspector that notes whom it inspected. */
	private CredentialChecker checker() {
		Map<String, String> properties = new HashMap<>();
		properties.putAll(TestCheckers.krakenUser("tania"));
		properties.putAll(TestCheckers.krakenUser("daivon"));
		CredentialInspector noting = (account, values, reading) -> {
			this.inspected.add(account.id());
			return List.of();
		};
		return TestCheckers.checker(TestCheckers.registry(properties), this.env)
			.store(this.store)
			.inspectors(noting)
			.deployment("7f3c2a1")
			.events(this.events::add)
			.clock(this.clock)
			.build();
	}

}
