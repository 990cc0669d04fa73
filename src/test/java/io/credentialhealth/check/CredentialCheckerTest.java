package io.credentialhealth.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.credentialhealth.platform.Platform;
import io.credentialhealth.platform.PlatformInfo;
import io.credentialhealth.registry.CredentialRegistry;
import io.credentialhealth.state.InMemoryStateStore;
import io.credentialhealth.state.StateStore;
import io.credentialhealth.support.MutableClock;
import io.credentialhealth.support.TestCheckers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The transition matrix, with a clock and an environment the test controls. */
class CredentialCheckerTest {

	private static final String KEY = "KRAKEN_USER_TANIA_API_KEY";

	private static final String SECRET = "KRAKEN_USER_TANIA_API_SECRET";

	private static final PlatformInfo LOCAL = new PlatformInfo(Platform.LOCAL, "local", "svc", "d", "i", "c", "p");

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-16T20:45:00Z"));

	private final Map<String, String> env = new HashMap<>();

	private final List<Object> events = new ArrayList<>();

	private StateStore store;

	private CredentialChecker checker;

	@BeforeEach
	void setUp() {
		this.store = new InMemoryStateStore();
		this.checker = checker("7f3c2a1");
	}

	private CredentialChecker checker(String deployment) {
		Map<String, String> tania = new HashMap<>(TestCheckers.krakenUser("tania"));
		tania.put("credentials.accounts.kraken-user-tania.owner", "Tania Gilbert");
		return checker(TestCheckers.registry(tania)).deployment(deployment).build();
	}

	/** A checker on this test's environment, store, events and clock. */
	private TestCheckers.Builder checker(CredentialRegistry registry) {
		return TestCheckers.checker(registry, this.env).store(this.store).events(this.events::add).clock(this.clock);
	}

	private List<CredentialTransition> transitions() {
		List<CredentialTransition> transitions = this.events.stream()
			.filter(CredentialTransition.class::isInstance)
			.map(CredentialTransition.class::cast)
			.toList();
		this.events.clear();
		return transitions;
	}

	private AccountStatus tania() {
		return this.checker.check().account("kraken-user-tania").orElseThrow();
	}

	@Test
	void neverSeenIsNotConfiguredAndSilent() {
		assertThat(tania().state()).isEqualTo(AccountState.NOT_CONFIGURED);
		assertThat(tania().problems()).containsExactly(KEY + " is not set", SECRET + " is not set");
		assertThat(transitions()).isEmpty();
	}

	@Test
	void firstConfigurationIsNotATransitionAndSteadyStatesStaySilent() {
		setBoth("key-1", "secret-1");
		assertThat(tania().state()).isEqualTo(AccountState.CONFIGURED);
		for (int i = 0; i < 3; i++) {
			this.clock.advance(Duration.ofMinutes(5));
			assertThat(tania().state()).isEqualTo(AccountState.CONFIGURED);
		}
		assertThat(transitions()).isEmpty();
	}

	@Test
	void lostThenRestored() {
		setBoth("key-1", "secret-1");
		tania();
		this.clock.advance(Duration.ofSeconds(300));
		this.env.remove(KEY);
		AccountStatus lost = tania();
		assertThat(lost.state()).isEqualTo(AccountState.LOST);
		assertThat(lost.lostSince()).isEqualTo(Instant.parse("2026-01-16T20:50:00Z"));
		List<CredentialTransition> transitions = transitions();
		assertThat(transitions).singleElement().satisfies((t) -> {
			assertThat(t.transition()).isEqualTo(Transition.LOST);
			assertThat(t.variable()).isEqualTo(KEY);
			assertThat(t.account()).isEqualTo("kraken-user-tania");
			assertThat(t.owner()).isEqualTo("Tania Gilbert");
			assertThat(t.lastSeenValid()).isEqualTo(Instant.parse("2026-01-16T20:45:00Z"));
			assertThat(t.lastDeployment()).isEqualTo("7f3c2a1");
			assertThat(t.elapsed()).isEqualTo(Duration.ofSeconds(300));
		});
		assertThat(TransitionLogger.format(transitions.get(0))).isEqualTo(
				"CREDENTIAL LOST: KRAKEN_USER_TANIA_API_KEY (kraken-user-tania, Tania Gilbert) was valid, now missing; "
						+ "last seen valid 2026-01-16T20:45:00Z in deployment 7f3c2a1, elapsed 300s");
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(tania().state()).isEqualTo(AccountState.LOST);
		assertThat(transitions()).as("still lost: no new line").isEmpty();
		this.clock.advance(Duration.ofMinutes(5));
		this.env.put(KEY, "key-1");
		assertThat(tania().state()).isEqualTo(AccountState.CONFIGURED);
		assertThat(transitions()).singleElement().satisfies((t) -> {
			assertThat(t.transition()).isEqualTo(Transition.RESTORED);
			assertThat(t.variable()).isEqualTo(KEY);
			assertThat(t.elapsed()).isEqualTo(Duration.ofMinutes(15));
		});
	}

	@Test
	void emptiedIsLostToo() {
		setBoth("key-1", "secret-1");
		tania();
		this.env.put(SECRET, "");
		assertThat(tania().state()).isEqualTo(AccountState.LOST);
		assertThat(transitions()).singleElement()
			.satisfies((t) -> assertThat(TransitionLogger.format(t)).startsWith("CREDENTIAL LOST: " + SECRET)
				.contains("now empty"));
	}

	@Test
	void rotatedKeepsTheAccountConfiguredAndResetsTheKeyAge() {
		setBoth("key-1", "secret-1");
		AccountStatus before = tania();
		this.clock.advance(Duration.ofDays(30));
		this.env.put(KEY, "key-2");
		AccountStatus after = tania();
		assertThat(after.state()).isEqualTo(AccountState.CONFIGURED);
		assertThat(after.key().fingerprint()).isNotEqualTo(before.key().fingerprint());
		assertThat(after.key().firstSeen()).isEqualTo(this.clock.instant());
		assertThat(transitions()).singleElement().satisfies((t) -> {
			assertThat(t.transition()).isEqualTo(Transition.ROTATED);
			assertThat(TransitionLogger.format(t)).startsWith("CREDENTIAL ROTATED: " + KEY)
				.contains(before.key().fingerprint())
				.contains(after.key().fingerprint());
		});
	}

	@Test
	void becomingUnusableIsInvalid() {
		setBoth("key-1", "secret-1");
		tania();
		this.env.put(KEY, "\"key-1\"");
		AccountStatus status = tania();
		assertThat(status.state()).isEqualTo(AccountState.INVALID);
		assertThat(status.problems()).containsExactly(KEY + " is wrapped in quotes: remove them, platforms keep quotes as part of the value");
		assertThat(transitions()).singleElement().satisfies((t) -> {
			assertThat(t.transition()).isEqualTo(Transition.INVALID);
			assertThat(TransitionLogger.format(t)).startsWith("CREDENTIAL INVALID: " + KEY).contains("now quoted");
		});
		this.env.put(KEY, "key-1");
		assertThat(tania().state()).isEqualTo(AccountState.CONFIGURED);
		assertThat(transitions()).extracting(CredentialTransition::transition).containsExactly(Transition.RESTORED);
	}

	@Test
	void neverValidButEmptyIsInvalidNotLost() {
		this.env.put(KEY, "");
		this.env.put(SECRET, "secret-1");
		assertThat(tania().state()).isEqualTo(AccountState.INVALID);
		assertThat(transitions()).isEmpty();
	}

	@Test
	void aRestartRemembersWhatTheLastDeploymentSaw() {
		setBoth("key-1", "secret-1");
		tania();
		this.clock.advance(Duration.ofHours(2));
		this.env.clear();
		this.checker = checker("9d8e7f6");
		AccountStatus status = tania();
		assertThat(status.state()).isEqualTo(AccountState.LOST);
		assertThat(status.key().lastSeenValid()).isEqualTo(Instant.parse("2026-01-16T20:45:00Z"));
		assertThat(status.key().lastDeployment()).isEqualTo("7f3c2a1");
		assertThat(transitions()).hasSize(2).allSatisfy((t) -> {
			assertThat(t.transition()).isEqualTo(Transition.LOST);
			assertThat(t.lastDeployment()).isEqualTo("7f3c2a1");
			assertThat(t.deployment()).isEqualTo("9d8e7f6");
			assertThat(t.elapsed()).isEqualTo(Duration.ofHours(2));
		});
		this.checker = checker("aaaaaaa");
		assertThat(tania().state()).as("still lost after another restart").isEqualTo(AccountState.LOST);
		assertThat(transitions()).as("and not announced twice").isEmpty();
	}

	@Test
	void anExceptionInOneAccountSparesTheOthers() {
		CredentialRegistry registry = TestCheckers.registry(Map.of(
				"credentials.accounts.a.broker", "generic", "credentials.accounts.a.role", "master",
				"credentials.accounts.a.key-variable", "A_KEY", "credentials.accounts.a.secret-variable", "A_SECRET",
				"credentials.accounts.b.broker", "generic", "credentials.accounts.b.role", "master",
				"credentials.accounts.b.key-variable", "B_KEY", "credentials.accounts.b.secret-variable", "B_SECRET"));
		CredentialInspector exploding = (account, values, reading) -> {
			if (account.id().equals("a")) {
				throw new IllegalStateException("boom with a value-ish message");
			}
			return List.of();
		};
		this.env.putAll(Map.of("A_KEY", "aaaaaaaa", "A_SECRET", "aaaaaaaa", "B_KEY", "bbbbbbbb", "B_SECRET", "bbbbbbbb"));
		CredentialChecker checker = checker(registry).platform(LOCAL).inspectors(exploding).build();
		Snapshot snapshot = checker.check();
		assertThat(snapshot.account("a").orElseThrow().state()).isEqualTo(AccountState.INVALID);
		assertThat(snapshot.account("a").orElseThrow().problems()).singleElement()
			.asString()
			.contains("IllegalStateException")
			.doesNotContain("boom");
		assertThat(snapshot.account("b").orElseThrow().state()).isEqualTo(AccountState.CONFIGURED);
	}

	@Test
	void aRejectionFromLiveVerificationMakesAConfiguredAccountRejected() {
		setBoth("key-1", "secret-1");
		CredentialRegistry registry = TestCheckers.registry(
				Map.of("credentials.accounts.k.broker", "kraken", "credentials.accounts.k.role", "master"));
		this.env.putAll(Map.of("KRAKEN_MASTER_API_KEY", "key-1", "KRAKEN_MASTER_API_SECRET", "secret-1"));
		CredentialChecker checker = checker(registry).platform(LOCAL)
			.verdicts((id) -> "Kraken refused the key: EAPI:Invalid key")
			.build();
		AccountStatus status = checker.check().account("k").orElseThrow();
		assertThat(status.state()).isEqualTo(AccountState.REJECTED);
		assertThat(status.problems()).containsExactly("Kraken refused the key: EAPI:Invalid key");
		assertThat(transitions()).singleElement()
			.satisfies((t) -> assertThat(TransitionLogger.format(t)).startsWith(
					"CREDENTIAL REJECTED: KRAKEN_MASTER_API_KEY (k, Master) was refused by the broker: Kraken refused the key"));
		checker.check();
		assertThat(transitions()).as("still rejected: announced once").isEmpty();
	}

	private void setBoth(String key, String secret) {
		this.env.put(KEY, key);
		this.env.put(SECRET, secret);
	}

}
