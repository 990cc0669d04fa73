package io.credentialhealth.check;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.credentialhealth.state.InMemoryStateStore;
import io.credentialhealth.state.StoreStatus;
import io.credentialhealth.state.StoredState;
import io.credentialhealth.support.MutableClock;
import io.credentialhealth.support.TestCheckers;
import io.credentialhealth.support.TestCredentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the checker writes the store: every change but "last seen valid" at once, "last seen valid"
 * alone once per save interval, what is left at {@link CredentialChecker#flush()}. The stores' side
 * (what a restart finds) is in {@code StateStoreContract}.
 */
class StateSavingTest {

	private static final Instant T0 = Instant.parse("2026-01-16T20:45:00Z");

	private final MutableClock clock = new MutableClock(T0);

	private final Map<String, String> env = new HashMap<>(TestCredentials.kraken("KRAKEN_USER_TANIA"));

	private final CountingStore store = new CountingStore();

	@Test
	void checksThatOnlyMoveLastSeenValidWriteOncePerSaveInterval() {
		CredentialChecker checker = checker(Duration.ofMinutes(15));
		checker.check();
		for (int i = 0; i < 14; i++) {
			this.clock.advance(Duration.ofMinutes(1));
			checker.check();
		}
		assertThat(this.store.saves).as("the first check, then nothing for 14 minutes").isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(1));
		checker.check();
		assertThat(this.store.saves).isEqualTo(2);
	}

	@Test
	void aCheckThatChangesNothingWritesNothingAndNeitherDoesAFlush() {
		CredentialChecker checker = checker(Duration.ZERO);
		checker.check();
		checker.check();
		checker.flush();
		assertThat(this.store.saves).as("same clock, same values: nothing moved").isEqualTo(1);
	}

	@Test
	void aZeroIntervalWritesAfterEveryCheckThatMovedSomething() {
		CredentialChecker checker = checker(Duration.ZERO);
		for (int i = 0; i < 3; i++) {
			checker.check();
			this.clock.advance(Duration.ofSeconds(1));
		}
		assertThat(this.store.saves).isEqualTo(3);
	}

	@Test
	void aDegradedStoreIsTriedAgainAtEveryCheckUntilItRecovers() {
		CredentialChecker checker = checker(Duration.ofMinutes(15));
		this.store.degraded = true;
		checker.check();
		this.clock.advance(Duration.ofMinutes(1));
		checker.check();
		assertThat(this.store.saves).isEqualTo(2);
		this.store.degraded = false;
		this.clock.advance(Duration.ofMinutes(1));
		checker.check();
		assertThat(this.store.saves).isEqualTo(3);
		this.clock.advance(Duration.ofMinutes(1));
		checker.check();
		assertThat(this.store.saves).as("persisted now: back to the interval").isEqualTo(3);
		assertThat(this.store.load().variables().get("KRAKEN_USER_TANIA_API_KEY").lastSeenValid())
			.isEqualTo(T0.plusSeconds(120));
	}

	private CredentialChecker checker(Duration saveInterval) {
		return TestCheckers.checker(TestCheckers.registry(TestCheckers.krakenUser("tania")), this.env)
			.store(this.store)
			.deployment("d41c")
			.clock(this.clock)
			.saveInterval(saveInterval)
			.build();
	}

	/** Counts saves; while degraded it keeps nothing, as a store that cannot write. */
	private static final class CountingStore extends InMemoryStateStore {

		int saves;

		volatile boolean degraded;

		@Override
		public void save(StoredState state) {
			this.saves++;
			if (!this.degraded) {
				super.save(state);
			}
		}

		@Override
		public StoreStatus status() {
			return this.degraded ? new StoreStatus("memory", "test", true, "cannot write") : super.status();
		}

	}

}
