package io.credentialhealth.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.credentialhealth.check.AccountState;
import io.credentialhealth.check.AccountStatus;
import io.credentialhealth.check.CredentialChecker;
import io.credentialhealth.check.CredentialTransition;
import io.credentialhealth.check.Transition;
import io.credentialhealth.check.VariableStatus;
import io.credentialhealth.support.MutableClock;
import io.credentialhealth.support.TestCheckers;
import io.credentialhealth.support.TestCredentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link StateStore} promises, run against each implementation: memory (first seen,
 * last seen valid, fingerprint, deployment) survives a restart, so a loss after a restart is
 * reported with the deployment that last saw the variable; the salt survives too, so fingerprints
 * agree; and every write is atomic: a reader sees one whole save, never a mix of two.
 * <p>
 * A "restart" is a new store instance on the same storage ({@link #newStore()}).
 */
public abstract class StateStoreContract {

	protected static final String ENVIRONMENT = "production";

	private static final Instant T0 = Instant.parse("2026-01-16T20:45:00Z");

	private static final String KEY = "KRAKEN_USER_TANIA_API_KEY";

	private static final String SECRET = "KRAKEN_USER_TANIA_API_SECRET";

	private static final Duration SAVE_INTERVAL = Duration.ofMinutes(15);

	/** A new store instance on this test's storage, as after a restart of the service. */
	protected abstract StateStore newStore();

	@Test
	void aFreshStoreHasASaltAndNoMemory() {
		StoredState state = newStore().load();
		assertThat(state.salt()).isNotBlank();
		assertThat(state.variables()).isEmpty();
		assertThat(newStore().status().degraded()).isFalse();
	}

	@Test
	void everythingRememberedSurvivesARestart() {
		StateStore store = newStore();
		StoredState loaded = store.load();
		Map<String, VariableMemory> memory = new TreeMap<>();
		memory.put("A_KEY", new VariableMemory(T0, T0.plusSeconds(300), "0123456789abcdef", "d41c", "abc123",
				Condition.VALID, null, T0));
		memory.put("B_SECRET", new VariableMemory(T0, T0.plusSeconds(60), "fedcba9876543210", "7f3c2a1", null,
				Condition.ABSENT, T0.plusSeconds(120), T0.plusSeconds(120)));
		memory.put("C_PAPER", new VariableMemory(null, null, null, null, null, Condition.UNUSABLE, null, T0));
		store.save(loaded.with(memory));
		assertThat(store.status().degraded()).isFalse();

		StoredState restarted = newStore().load();
		assertThat(restarted.salt()).isEqualTo(loaded.salt());
		assertThat(restarted.variables()).isEqualTo(memory);
	}

	@Test
	void laterSavesReplaceEarlierOnes() {
		StateStore store = newStore();
		StoredState state = store.load();
		VariableMemory valid = new VariableMemory(T0, T0, "0123456789abcdef", "d41c", "abc", Condition.VALID, null, T0);
		store.save(state.with(Map.of("A_KEY", valid)));
		VariableMemory later = new VariableMemory(T0, T0.plusSeconds(300), "0123456789abcdef", "e52d", "def",
				Condition.VALID, null, T0);
		store.save(state.with(Map.of("A_KEY", later)));
		VariableMemory lost = new VariableMemory(T0, T0.plusSeconds(300), "0123456789abcdef", "e52d", "def",
				Condition.ABSENT, T0.plusSeconds(600), T0.plusSeconds(600));
		store.save(state.with(Map.of("A_KEY", lost)));
		assertThat(newStore().load().variables()).containsExactlyEntriesOf(Map.of("A_KEY", lost));
	}

	@Test
	void aLossAfterARestartIsReportedWithTheDeploymentThatLastSawTheVariable() {
		Map<String, String> env = new HashMap<>(TestCredentials.kraken("KRAKEN_USER_TANIA"));
		List<Object> events = new ArrayList<>();
		MutableClock clock = new MutableClock(T0);
		checker(newStore(), "d41c0ffee", env, events, clock).check();

		env.remove(SECRET);
		clock.advance(Duration.ofMinutes(7));
		AccountStatus tania = checker(newStore(), "e52d0ffee", env, events, clock).check()
			.account("kraken-user-tania")
			.orElseThrow();

		assertThat(tania.state()).isEqualTo(AccountState.LOST);
		assertThat(tania.variables()).filteredOn((v) -> v.name().equals(SECRET))
			.singleElement()
			.satisfies((secret) -> {
				assertThat(secret.lastSeenValid()).isEqualTo(T0);
				assertThat(secret.lastDeployment()).isEqualTo("d41c0ffee");
				assertThat(secret.firstSeen()).isEqualTo(T0);
			});
		assertThat(events).filteredOn(CredentialTransition.class::isInstance)
			.map(CredentialTransition.class::cast)
			.singleElement()
			.satisfies((lost) -> {
				assertThat(lost.transition()).isEqualTo(Transition.LOST);
				assertThat(lost.variable()).isEqualTo(SECRET);
				assertThat(lost.lastDeployment()).isEqualTo("d41c0ffee");
				assertThat(lost.deployment()).isEqualTo("e52d0ffee");
				assertThat(lost.elapsed()).isEqualTo(Duration.ofMinutes(7));
			});
	}

	@Test
	void fingerprintsAgreeAcrossARestartSoOnlyARealRotationIsReported() {
		Map<String, String> env = new HashMap<>(TestCredentials.kraken("KRAKEN_USER_TANIA"));
		List<Object> events = new ArrayList<>();
		MutableClock clock = new MutableClock(T0);
		String before = fingerprint(checker(newStore(), "d41c", env, events, clock).check().account("kraken-user-tania")
			.orElseThrow(), KEY);

		clock.advance(Duration.ofMinutes(5));
		AccountStatus same = checker(newStore(), "e52d", env, events, clock).check()
			.account("kraken-user-tania")
			.orElseThrow();
		assertThat(fingerprint(same, KEY)).isEqualTo(before);
		assertThat(events).noneMatch(CredentialTransition.class::isInstance);

		env.put(KEY, TestCredentials.base64(42));
		clock.advance(Duration.ofMinutes(5));
		checker(newStore(), "f63e", env, events, clock).check();
		assertThat(events).filteredOn(CredentialTransition.class::isInstance)
			.map((event) -> ((CredentialTransition) event).transition())
			.containsExactly(Transition.ROTATED);
	}

	@Test
	void eachWriteIsAtomicReadersSeeOneWholeSave() throws Exception {
		StateStore writer = newStore();
		StoredState state = writer.load();
		StateStore reader = newStore();
		int saves = 40;
		AtomicBoolean done = new AtomicBoolean();
		List<String> torn = new CopyOnWriteArrayList<>();
		Set<Instant> seen = ConcurrentHashMap.newKeySet();
		Thread readerThread = new Thread(() -> {
			while (!done.get()) {
				Map<String, VariableMemory> variables = reader.load().variables();
				Set<Instant> times = variables.values().stream().map(VariableMemory::lastSeenValid).collect(Collectors.toSet());
				if (times.size() > 1 || (!variables.isEmpty() && variables.size() != 15)) {
					torn.add(variables.size() + " variables with " + times);
				}
				seen.addAll(times);
			}
		});
		readerThread.start();
		for (int i = 0; i < saves; i++) {
			Instant at = T0.plusSeconds(i);
			Map<String, VariableMemory> memory = new TreeMap<>();
			for (int v = 0; v < 15; v++) {
				memory.put("VARIABLE_" + v, new VariableMemory(T0, at, "0123456789abcdef", "d" + i, null,
						Condition.VALID, null, T0));
			}
			writer.save(state.with(memory));
		}
		done.set(true);
		readerThread.join(30_000);
		assertThat(torn).as("loads that saw parts of two saves").isEmpty();
		assertThat(newStore().load().variables().values()).allMatch((m) -> m.lastSeenValid().equals(T0.plusSeconds(saves - 1)));
	}

	@Test
	void whenOnlyLastSeenValidMovedTheStoreIsWrittenOnceTheSaveIntervalHasPassedAndAtShutdown() {
		Map<String, String> env = new HashMap<>(TestCredentials.kraken("KRAKEN_USER_TANIA"));
		MutableClock clock = new MutableClock(T0);
		CredentialChecker checker = checker(newStore(), "d41c", env, new ArrayList<>(), clock, SAVE_INTERVAL);
		checker.check();
		assertThat(storedLastSeenValid(KEY)).as("the first check saves").isEqualTo(T0);

		clock.advance(Duration.ofMinutes(5));
		AccountStatus tania = checker.check().account("kraken-user-tania").orElseThrow();
		assertThat(tania.key().lastSeenValid()).as("the check itself shows the new time").isEqualTo(T0.plusSeconds(300));
		assertThat(storedLastSeenValid(KEY)).as("only last seen valid moved: not written").isEqualTo(T0);

		clock.advance(Duration.ofMinutes(10));
		checker.check();
		assertThat(storedLastSeenValid(KEY)).as("the save interval has passed").isEqualTo(T0.plus(SAVE_INTERVAL));

		clock.advance(Duration.ofMinutes(5));
		checker.check();
		assertThat(storedLastSeenValid(KEY)).isEqualTo(T0.plus(SAVE_INTERVAL));
		checker.flush();
		assertThat(storedLastSeenValid(KEY)).as("shutdown writes what was held back")
			.isEqualTo(T0.plus(SAVE_INTERVAL).plusSeconds(300));
	}

	@Test
	void anyChangeBesidesLastSeenValidIsWrittenAtOnce() {
		Map<String, String> env = new HashMap<>(TestCredentials.kraken("KRAKEN_USER_TANIA"));
		MutableClock clock = new MutableClock(T0);
		CredentialChecker checker = checker(newStore(), "d41c", env, new ArrayList<>(), clock, SAVE_INTERVAL);
		String fingerprint = checker.check().account("kraken-user-tania").orElseThrow().key().fingerprint();

		clock.advance(Duration.ofMinutes(1));
		env.remove(SECRET);
		checker.check();
		VariableMemory secret = newStore().load().variables().get(SECRET);
		assertThat(secret.lastCondition()).isEqualTo(Condition.ABSENT);
		assertThat(secret.lostSince()).isEqualTo(T0.plusSeconds(60));
		assertThat(storedLastSeenValid(KEY)).as("the whole memory is written").isEqualTo(T0.plusSeconds(60));

		clock.advance(Duration.ofMinutes(1));
		env.put(KEY, TestCredentials.base64(42));
		checker.check();
		VariableMemory key = newStore().load().variables().get(KEY);
		assertThat(key.fingerprint()).as("a rotation").isNotEqualTo(fingerprint);
		assertThat(key.firstSeen()).isEqualTo(T0.plusSeconds(120));
	}

	@Test
	void afterACrashALossReportsTheLastSavedSightingAtMostOneSaveIntervalOld() {
		Map<String, String> env = new HashMap<>(TestCredentials.kraken("KRAKEN_USER_TANIA"));
		MutableClock clock = new MutableClock(T0);
		CredentialChecker crashing = checker(newStore(), "d41c", env, new ArrayList<>(), clock, SAVE_INTERVAL);
		crashing.check();
		clock.advance(Duration.ofMinutes(5));
		crashing.check();
		clock.advance(Duration.ofMinutes(5));
		crashing.check();
		// No flush(): the process died.

		env.remove(SECRET);
		clock.advance(Duration.ofMinutes(1));
		AccountStatus tania = checker(newStore(), "e52d", env, new ArrayList<>(), clock, SAVE_INTERVAL).check()
			.account("kraken-user-tania")
			.orElseThrow();
		assertThat(tania.state()).isEqualTo(AccountState.LOST);
		VariableStatus secret = tania.variables().stream().filter((v) -> v.name().equals(SECRET)).findFirst().orElseThrow();
		assertThat(secret.lastSeenValid()).as("10 minutes stale, within the 15-minute interval").isEqualTo(T0);
		assertThat(secret.lastDeployment()).isEqualTo("d41c");
	}

	private Instant storedLastSeenValid(String variable) {
		return newStore().load().variables().get(variable).lastSeenValid();
	}

	private static String fingerprint(AccountStatus status, String variable) {
		return status.variables().stream().filter((v) -> v.name().equals(variable)).findFirst().orElseThrow().fingerprint();
	}

	/** A checker for one Kraken user account that saves after every check that changed anything. */
	public static CredentialChecker checker(StateStore store, String deployment, Map<String, String> env,
			List<Object> events, Clock clock) {
		return checker(store, deployment, env, events, clock, Duration.ZERO);
	}

	/** A checker for one Kraken user account, as a deployment of the service on Railway would run it. */
	public static CredentialChecker checker(StateStore store, String deployment, Map<String, String> env,
			List<Object> events, Clock clock, Duration saveInterval) {
		return TestCheckers.checker(TestCheckers.registry(TestCheckers.krakenUser("tania")), env)
			.store(store)
			.deployment(deployment)
			.events(events::add)
			.clock(clock)
			.saveInterval(saveInterval)
			.build();
	}

}
