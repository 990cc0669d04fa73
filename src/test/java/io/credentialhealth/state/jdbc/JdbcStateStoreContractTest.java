package io.credentialhealth.state.jdbc;

import java.time.Clock;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import io.credentialhealth.state.StateStore;
import io.credentialhealth.state.StateStoreContract;
import io.credentialhealth.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The store contract against a real PostgreSQL server; each test is its own service. */
class JdbcStateStoreContractTest extends StateStoreContract {

	private static TestDatabase database;

	private static HikariDataSource pool;

	private String service;

	@BeforeAll
	static void startDatabase() {
		database = TestDatabase.start("contract-" + UUID.randomUUID().toString().substring(0, 8));
		pool = database.pool();
	}

	@AfterAll
	static void stopDatabase() {
		if (pool != null) {
			pool.close();
		}
		if (database != null) {
			database.close();
		}
	}

	@BeforeEach
	void newService() {
		this.service = "service-" + UUID.randomUUID();
	}

	@Override
	protected StateStore newStore() {
		return new JdbcStateStore(pool, database.jdbcUrl(), ENVIRONMENT, this.service, Clock.systemUTC());
	}

}
