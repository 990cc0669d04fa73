package io.credentialhealth.state.jdbc;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import io.credentialhealth.check.CredentialChecker;
import io.credentialhealth.check.Snapshot;
import io.credentialhealth.check.VariableStatus;
import io.credentialhealth.state.Condition;
import io.credentialhealth.state.FleetEntry;
import io.credentialhealth.state.StateStoreContract;
import io.credentialhealth.state.StoredState;
import io.credentialhealth.state.VariableMemory;
import io.credentialhealth.support.Canary;
import io.credentialhealth.support.TestCredentials;
import io.credentialhealth.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** What only a shared store must do: several writers, one salt per service, the fleet, outages. */
@ExtendWith(OutputCaptureExtension.class)
class JdbcStateStoreTest {

	private static final Instant T0 = Instant.parse("2026-01-16T20:45:00Z");

	private static TestDatabase database;

	private final List<HikariDataSource> pools = new ArrayList<>();

	private String service;

	@BeforeAll
	static void startDatabase() {
		database = TestDatabase.start("pw-" + UUID.randomUUID().toString().replace("-", ""));
	}

	@AfterAll
	static void stopDatabase() {
		if (database != null) {
			database.close();
		}
	}

	@BeforeEach
	void newService() {
		this.service = "service-" + UUID.randomUUID();
	}

	@AfterEach
	void closePools() {
		this.pools.forEach(HikariDataSource::close);
	}

	/** A store as one replica runs it: its own pool, like a separate process. */
	private JdbcStateStore replica(String environment) {
		HikariDataSource pool = database.pool();
		this.pools.add(pool);
		return new JdbcStateStore(pool, database.jdbcUrl(), environment, this.service, Clock.systemUTC());
	}

	private JdbcTemplate admin() {
		return new JdbcTemplate(database.admin());
	}

	@Test
	void twoReplicasWritingAtOnceNeverLoseTheNewestSighting() throws Exception {
		JdbcStateStore a = replica("production");
		JdbcStateStore b = replica("production");
		StoredState stateA = a.load();
		StoredState stateB = b.load();
		int saves = 150;
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < saves; i++) {
			order.add(i);
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			// Each replica writes its sightings in random order: the newest must win whatever the interleaving.
			List<Future<?>> writers = new ArrayList<>();
			for (JdbcStateStore store : List.of(a, b)) {
				boolean first = store == a;
				StoredState state = first ? stateA : stateB;
				List<Integer> shuffled = new ArrayList<>(order);
				Collections.shuffle(shuffled);
				writers.add(executor.submit((Callable<Void>) () -> {
					start.await();
					for (int i : shuffled) {
						Instant seen = T0.plusSeconds(2L * i + (first ? 0 : 1));
						store.save(state.with(sighting(seen, first ? "aaaaaaaaaaaaaaaa" : "bbbbbbbbbbbbbbbb",
								first ? "deploy-a" : "deploy-b")));
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> writer : writers) {
				writer.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(a.status().degraded()).isFalse();
		assertThat(b.status().degraded()).isFalse();
		Instant newest = T0.plusSeconds(2L * (saves - 1) + 1);
		Map<String, VariableMemory> stored = replica("production").load().variables();
		assertThat(stored).hasSize(15);
		assertThat(stored.values()).allSatisfy((memory) -> {
			assertThat(memory.lastSeenValid()).isEqualTo(newest);
			assertThat(memory.fingerprint()).isEqualTo("bbbbbbbbbbbbbbbb");
			assertThat(memory.deployment()).isEqualTo("deploy-b");
		});
	}

	@Test
	void twoReplicasCheckingAtOnceLoseNothing() throws Exception {
		Map<String, String> env = new HashMap<>(TestCredentials.kraken("KRAKEN_USER_TANIA"));
		List<Object> events = Collections.synchronizedList(new ArrayList<>());
		CredentialChecker one = StateStoreContract.checker(replica("production"), "replica-1", env, events,
				Clock.systemUTC());
		CredentialChecker two = StateStoreContract.checker(replica("production"), "replica-2", env, events,
				Clock.systemUTC());
		ExecutorService executor = Executors.newFixedThreadPool(2);
		List<Future<Snapshot>> last = new ArrayList<>();
		try {
			for (CredentialChecker checker : List.of(one, two)) {
				last.add(executor.submit(() -> {
					Snapshot snapshot = null;
					for (int i = 0; i < 60; i++) {
						snapshot = checker.check();
					}
					return snapshot;
				}));
			}
			Instant newest = null;
			for (Future<Snapshot> snapshot : last) {
				Instant seen = snapshot.get().accounts().get(0).variables().stream()
					.map(VariableStatus::lastSeenValid)
					.max(Instant::compareTo)
					.orElseThrow();
				newest = (newest == null || seen.isAfter(newest)) ? seen : newest;
			}
			Map<String, VariableMemory> stored = replica("production").load().variables();
			assertThat(stored.get("KRAKEN_USER_TANIA_API_KEY").lastSeenValid()).isEqualTo(
					newest.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
			assertThat(events).as("no transition between two replicas that see the same values")
				.noneMatch(io.credentialhealth.check.CredentialTransition.class::isInstance);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void anOlderSightingNeverMovesLastSeenBackButTheEarliestFirstSeenOfOneValueIsKept() {
		JdbcStateStore newer = replica("production");
		JdbcStateStore older = replica("production");
		newer.save(newer.load().with(Map.of("A_KEY", new VariableMemory(T0.plusSeconds(100), T0.plusSeconds(300),
				"aaaaaaaaaaaaaaaa", "new", "c2", Condition.VALID, null, T0.plusSeconds(100)))));
		older.save(older.load().with(Map.of("A_KEY", new VariableMemory(T0, T0.plusSeconds(200), "aaaaaaaaaaaaaaaa",
				"old", "c1", Condition.VALID, null, T0))));
		VariableMemory stored = replica("production").load().variables().get("A_KEY");
		assertThat(stored.lastSeenValid()).isEqualTo(T0.plusSeconds(300));
		assertThat(stored.deployment()).isEqualTo("new");
		assertThat(stored.commit()).isEqualTo("c2");
		assertThat(stored.firstSeen()).as("same value, seen first by the older replica").isEqualTo(T0);

		older.save(older.load().with(Map.of("A_KEY", new VariableMemory(T0, T0.plusSeconds(250), "cccccccccccccccc",
				"old", "c1", Condition.VALID, null, T0))));
		assertThat(replica("production").load().variables().get("A_KEY").fingerprint()).isEqualTo("aaaaaaaaaaaaaaaa");
	}

	@Test
	void theSaltIsOnePerServiceSharedByItsEnvironments() {
		String production = replica("production").load().salt();
		String staging = replica("staging").load().salt();
		assertThat(staging).isEqualTo(production);
		this.service = "another-" + UUID.randomUUID();
		assertThat(replica("production").load().salt()).isNotEqualTo(production);
	}

	@Test
	void theFleetShowsTheOtherEnvironmentsOfTheSameServiceOnly() {
		JdbcStateStore staging = replica("staging");
		staging.save(staging.load().with(sighting(T0, "aaaaaaaaaaaaaaaa", "d41c")));
		JdbcStateStore dev = replica("dev");
		dev.save(dev.load().with(Map.of("KRAKEN_USER_TANIA_API_KEY", new VariableMemory(T0, T0, "bbbbbbbbbbbbbbbb",
				"a1b2", null, Condition.ABSENT, T0.plusSeconds(60), T0.plusSeconds(60)))));
		String mine = this.service;
		this.service = "another-" + UUID.randomUUID();
		JdbcStateStore otherService = replica("staging");
		otherService.save(otherService.load().with(sighting(T0, "cccccccccccccccc", "zzzz")));
		this.service = mine;

		JdbcStateStore production = replica("production");
		production.save(production.load().with(sighting(T0.plusSeconds(5), "aaaaaaaaaaaaaaaa", "e52d")));
		Map<String, List<FleetEntry>> fleet = production.fleet();
		assertThat(fleet).hasSize(15);
		assertThat(fleet.get("KRAKEN_USER_TANIA_API_KEY")).containsExactly(
				new FleetEntry("dev", Condition.ABSENT, T0, "a1b2", "bbbbbbbbbbbbbbbb"),
				new FleetEntry("staging", Condition.VALID, T0, "d41c", "aaaaaaaaaaaaaaaa"));
		assertThat(fleet.get("VARIABLE_3")).containsExactly(
				new FleetEntry("staging", Condition.VALID, T0, "d41c", "aaaaaaaaaaaaaaaa"));
	}

	@Test
	void aSaveIsWrittenWholeOrNotAtAll() {
		admin().execute("""
				CREATE OR REPLACE FUNCTION refuse_boom() RETURNS trigger AS $$
				BEGIN
				    IF NEW.variable = 'BOOM' THEN RAISE EXCEPTION 'refused'; END IF;
				    RETURN NEW;
				END $$ LANGUAGE plpgsql""");
		admin().execute("CREATE TRIGGER refuse_boom BEFORE INSERT ON credential_health_variable "
				+ "FOR EACH ROW EXECUTE FUNCTION refuse_boom()");
		try {
			JdbcStateStore store = replica("production");
			StoredState state = store.load();
			VariableMemory memory = new VariableMemory(T0, T0, "aaaaaaaaaaaaaaaa", "d", null, Condition.VALID, null, T0);
			store.save(state.with(Map.of("A_FIRST", memory, "BOOM", memory, "Z_LAST", memory)));
			assertThat(store.status().degraded()).isTrue();
			assertThat(store.status().problem()).contains("could not be written").contains("P0001");
			assertThat(replica("production").load().variables()).isEmpty();
		}
		finally {
			admin().execute("DROP TRIGGER refuse_boom ON credential_health_variable");
		}
	}

	@Test
	void theDatabaseGoingAwayDegradesOnceAndWritesResumeWhenItIsBack(CapturedOutput output) {
		JdbcStateStore store = replica("production");
		StoredState state = store.load();
		store.save(state.with(sighting(T0, "aaaaaaaaaaaaaaaa", "d1")));
		database.stop();
		try {
			store.reconcile(state);
			store.save(state.with(sighting(T0.plusSeconds(60), "aaaaaaaaaaaaaaaa", "d1")));
			store.fleet();
			store.reconcile(state);
			store.save(state.with(sighting(T0.plusSeconds(120), "aaaaaaaaaaaaaaaa", "d1")));
			assertThat(store.status().degraded()).isTrue();
			assertThat(store.status().type()).isEqualTo("jdbc");
			assertThat(store.status().problem()).contains("could not be written").contains("memory");
			assertThat(output.getAll().split("State store degraded", -1)).as("one warning per outage").hasSize(2);
		}
		finally {
			database.restart();
		}
		for (int check = 0; check < 5 && (check == 0 || store.status().degraded()); check++) {
			// One check after the database is back may still fail while the pool replaces its connections.
			store.reconcile(state);
			store.save(state.with(sighting(T0.plusSeconds(180 + check), "aaaaaaaaaaaaaaaa", "d1")));
		}
		assertThat(store.status().degraded()).isFalse();
		assertThat(output).contains("State store recovered");
		assertThat(replica("production").load().variables().get("VARIABLE_0").lastSeenValid())
			.isAfterOrEqualTo(T0.plusSeconds(180));
		assertNoPassword(output.getAll() + store.status());
	}

	@Test
	void aStartWithoutTheDatabaseContinuesFromItsMemoryOnceItAnswers(CapturedOutput output) {
		JdbcStateStore earlier = replica("production");
		StoredState remembered = earlier.load();
		earlier.save(remembered.with(sighting(T0, "aaaaaaaaaaaaaaaa", "d41c")));

		JdbcStateStore store = replica("production");
		database.stop();
		StoredState provisional;
		try {
			provisional = store.load();
			assertThat(provisional.variables()).isEmpty();
			assertThat(provisional.salt()).isNotEqualTo(remembered.salt());
			assertThat(store.status().degraded()).isTrue();
			assertThat(store.status().problem()).contains("could not be read");
			store.save(provisional.with(sighting(T0.plusSeconds(60), "ffffffffffffffff", "e52d")));
			assertThat(store.fleet()).isEmpty();
		}
		finally {
			database.restart();
		}
		StoredState reconciled = provisional;
		for (int check = 0; check < 5 && reconciled == provisional; check++) {
			// One check after the database is back may still fail while the pool replaces its connections.
			reconciled = store.reconcile(provisional);
		}
		assertThat(reconciled.salt()).isEqualTo(remembered.salt());
		assertThat(reconciled.variables().get("VARIABLE_0").deployment()).isEqualTo("d41c");
		assertThat(store.status().degraded()).isFalse();
		assertThat(replica("production").load().variables().get("VARIABLE_0").fingerprint())
			.as("nothing fingerprinted with the provisional salt was written")
			.isEqualTo("aaaaaaaaaaaaaaaa");
		assertNoPassword(output.getAll());
	}

	@Test
	void aWrongPasswordIsReportedWithoutAnyPassword(CapturedOutput output) {
		String canary = "Canary-" + UUID.randomUUID();
		HikariDataSource pool = database.pool();
		pool.setPassword(canary);
		this.pools.add(pool);
		JdbcStateStore store = new JdbcStateStore(pool, database.jdbcUrl(), "production", this.service,
				Clock.systemUTC());
		store.load();
		assertThat(store.status().degraded()).isTrue();
		assertThat(store.status().problem()).contains("28P01");
		String everything = output.getAll() + store.status() + database.serverLog();
		Canary.assertNoLeak(everything, List.of(canary, database.password()));
	}

	private static void assertNoPassword(String output) {
		Canary.assertNoLeak(output, List.of(database.password()));
	}

	/** All 15 variables seen valid at one moment, as one check of all accounts writes them. */
	private static Map<String, VariableMemory> sighting(Instant seen, String fingerprint, String deployment) {
		Map<String, VariableMemory> memory = new TreeMap<>();
		for (int v = 0; v < 14; v++) {
			memory.put("VARIABLE_" + v, new VariableMemory(T0, seen, fingerprint, deployment, null, Condition.VALID, null,
					T0));
		}
		memory.put("KRAKEN_USER_TANIA_API_KEY", new VariableMemory(T0, seen, fingerprint, deployment, null,
				Condition.VALID, null, T0));
		return memory;
	}

}
