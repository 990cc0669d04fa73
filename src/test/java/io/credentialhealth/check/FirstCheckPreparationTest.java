package io.credentialhealth.check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.credentialhealth.state.InMemoryStateStore;
import io.credentialhealth.state.StoredState;
import io.credentialhealth.support.Canary;
import io.credentialhealth.support.MutableClock;
import io.credentialhealth.support.TestCheckers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * {@link CredentialChecker#prepare()} does the first check's costly part ahead of it and nothing
 * else: no events, no saved state, no snapshot; the first check then reuses that work and reports
 * exactly what it would have reported without it.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstCheckPreparationTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-16T20:45:00Z"));

	private final Map<String, String> env = new HashMap<>();

	private final List<String> inspected = new ArrayList<>();

	private final List<Object> events = new ArrayList<>();

	private final CountingStore store = new CountingStore();

	private final CurrentSnapshot current = new CurrentSnapshot();

	@BeforeEach
	void setUp() {
		this.env.put("KRAKEN_USER_TANIA_API_KEY", "tania-key-1");
		this.env.put("KRAKEN_USER_TANIA_API_SECRET", "tania-secret-1");
		this.env.put("KRAKEN_USER_DAIVON_API_KEY", " padded ");
	}

	@Test
	void preparationHasNoEffectsOfACheck() {
		CredentialChecker checker = prepared();
		assertThat(this.inspected).containsExactlyInAnyOrder("kraken-user-tania", "kraken-user-daivon");
		assertThat(this.events).isEmpty();
		assertThat(this.store.saves).hasValue(0);
		assertThat(this.current.isAvailable()).isFalse();
	}

	@Test
	void preparationReadiesTheStoresFirstSaveOnce() {
		CredentialChecker checker = prepared();
		assertThat(this.store.savesPrepared).hasValue(1);
		checker.check();
		checker.prepare();
		assertThat(this.store.savesPrepared).hasValue(1);
	}

	@Test
	void theFirstCheckReusesThePreparationAndReportsWhatAnUnpreparedCheckReports() {
		CredentialChecker prepared = prepared();
		this.inspected.clear();
		Snapshot afterPreparation = prepared.check();
		assertThat(this.inspected).isEmpty();
		List<Object> preparedEvents = List.copyOf(this.events);

		this.events.clear();
		Snapshot unprepared = checker(new CountingStore(), new CurrentSnapshot()).check();
		assertThat(this.inspected).containsExactlyInAnyOrder("kraken-user-tania", "kraken-user-daivon");
		assertThat(afterPreparation.accounts()).hasSize(2);
		// Another store, another salt: fingerprints differ by design.
		SameReport.assertSameReport(afterPreparation, unprepared, false);
		assertThat(afterPreparation.account("kraken-user-daivon").orElseThrow().state())
			.isEqualTo(AccountState.INVALID);
		assertThat(preparedEvents).extracting(Object::getClass).isEqualTo(this.events.stream()
			.map(Object::getClass)
			.toList());
		assertThat(this.store.saves).hasValue(1);
	}

	@Test
	void valuesChangedSincePreparationAreDerivedAgain() {
		CredentialChecker checker = prepared();
		this.inspected.clear();
		this.env.put("KRAKEN_USER_TANIA_API_KEY", "tania-key-2");
		Snapshot snapshot = checker.check();
		assertThat(this.inspected).containsExactly("kraken-user-tania");
		assertThat(snapshot.account("kraken-user-tania").orElseThrow().keyPreview())
			.isEqualTo(checker(new CountingStore(), new CurrentSnapshot()).check()
				.account("kraken-user-tania")
				.orElseThrow()
				.keyPreview());
	}

	/** A database that is down must not be waited for twice at start-up: the first check takes the prepared memory as it is. */
	@Test
	void theStoreIsReadOncePerStartAndReconciledFromTheSecondCheckOn() {
		CredentialChecker checker = prepared();
		checker.check();
		assertThat(this.store.loads).hasValue(1);
		assertThat(this.store.reconciles).hasValue(0);
		checker.check();
		assertThat(this.store.loads).hasValue(1);
		assertThat(this.store.reconciles).hasValue(1);
	}

	@Test
	void preparingAfterACheckDoesNothing() {
		CredentialChecker checker = checker(this.store, this.current);
		checker.check();
		this.inspected.clear();
		checker.prepare();
		assertThat(this.inspected).isEmpty();
		assertThat(this.store.loads).hasValue(1);
	}

	@Test
	void aFailingStoreLeavesPreparationQuietAndTheCheckReportsIt() {
		this.store.failLoads = true;
		CredentialChecker checker = checker(this.store, this.current);
		assertThatNoException().isThrownBy(checker::prepare);
		assertThat(this.events).isEmpty();
		this.store.failLoads = false;
		Snapshot snapshot = checker.check();
		assertThat(snapshot.accounts()).hasSize(2);
		assertThat(this.store.loads).hasValue(2);
	}

	/** The preparation reports failures by their type alone: messages may echo values. */
	@Test
	void failuresWhilePreparingNameNoValue(CapturedOutput output) {
		String secret = "c2VjcmV0LWNhbmFyeS1mb3ItcHJlcGFyYXRpb24tMDE=";
		String key = "kQH5canaryKeyForThePreparation0123456789";
		this.env.put("KRAKEN_USER_TANIA_API_KEY", key);
		this.env.put("KRAKEN_USER_TANIA_API_SECRET", secret);
		CredentialInspector echoing = (account, values, reading) -> {
			throw new IllegalStateException("cannot read " + values);
		};
		InMemoryStateStore failing = new InMemoryStateStore() {
			@Override
			public void prepareSave() {
				throw new IllegalStateException("cannot prepare " + secret + " " + key);
			}
		};
		CredentialChecker checker = TestCheckers.checker(registry(), this.env)
			.store(failing)
			.inspectors(echoing)
			.current(this.current)
			.events(this.events::add)
			.clock(this.clock)
			.build();
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel(CredentialChecker.class.getName(), LogLevel.DEBUG);
		try {
			assertThatNoException().isThrownBy(checker::prepare);
		}
		finally {
			logging.setLogLevel(CredentialChecker.class.getName(), null);
		}
		Snapshot snapshot = checker.check();
		assertThat(snapshot.accounts()).hasSize(2);
		assertThat(output).contains("Preparing the first check failed (java.lang.IllegalStateException)");
		String everything = output.getAll() + this.events + snapshot;
		Canary.assertNoLeak(everything, List.of(secret));
		Canary.assertKeyMasked(everything, key);
	}

	@Test
	void aCheckArrivingDuringPreparationWaitsForItAndReusesIt() throws Exception {
		CountDownLatch inspecting = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger inspections = new AtomicInteger();
		CredentialInspector slow = (account, values, reading) -> {
			inspections.incrementAndGet();
			inspecting.countDown();
			await(release);
			return List.of();
		};
		CredentialChecker checker = TestCheckers.checker(registry(), this.env)
			.store(this.store)
			.inspectors(slow)
			.current(this.current)
			.events(this.events::add)
			.clock(this.clock)
			.build();
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			Future<?> preparing = executor.submit(checker::prepare);
			assertThat(inspecting.await(10, TimeUnit.SECONDS)).isTrue();
			Future<Snapshot> checking = executor.submit(checker::check);
			Thread.sleep(100);
			assertThat(checking).isNotDone();
			release.countDown();
			preparing.get(10, TimeUnit.SECONDS);
			assertThat(checking.get(10, TimeUnit.SECONDS).accounts()).hasSize(2);
			assertThat(inspections).hasValue(2);
		}
		finally {
			release.countDown();
			executor.shutdownNow();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A checker over {@link #store} whose first check has been prepared. */
	private CredentialChecker prepared() {
		CredentialChecker checker = checker(this.store, this.current);
		checker.prepare();
		return checker;
	}

	private CredentialChecker checker(InMemoryStateStore store, CurrentSnapshot current) {
		CredentialInspector noting = (account, values, reading) -> {
			this.inspected.add(account.id());
			return List.of();
		};
		return TestCheckers.checker(registry(), this.env)
			.store(store)
			.inspectors(noting)
			.current(current)
			.events(this.events::add)
			.clock(this.clock)
			.build();
	}

	private static io.credentialhealth.registry.CredentialRegistry registry() {
		Map<String, String> properties = new HashMap<>();
		properties.putAll(TestCheckers.krakenUser("tania"));
		properties.putAll(TestCheckers.krakenUser("daivon"));
		return TestCheckers.registry(properties);
	}

	/** Counts loads, reconciliations and saves; can fail its loads. */
	private static final class CountingStore extends InMemoryStateStore {

		final AtomicInteger loads = new AtomicInteger();

		final AtomicInteger saves = new AtomicInteger();

		final AtomicInteger reconciles = new AtomicInteger();

		final AtomicInteger savesPrepared = new AtomicInteger();

		volatile boolean failLoads;

		@Override
		public StoredState load() {
			this.loads.incrementAndGet();
			if (this.failLoads) {
				throw new IllegalStateException("store unreachable");
			}
			return super.load();
		}

		@Override
		public StoredState reconcile(StoredState current) {
			this.reconciles.incrementAndGet();
			return super.reconcile(current);
		}

		@Override
		public void prepareSave() {
			this.savesPrepared.incrementAndGet();
		}

		@Override
		public void save(StoredState state) {
			this.saves.incrementAndGet();
			super.save(state);
		}

	}

}
