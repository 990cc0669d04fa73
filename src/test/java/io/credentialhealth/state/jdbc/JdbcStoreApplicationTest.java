package io.credentialhealth.state.jdbc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.credentialhealth.CredentialHealthApplication;
import io.credentialhealth.registry.CredentialRegistry;
import io.credentialhealth.source.EnvironmentVariables;
import io.credentialhealth.state.Condition;
import io.credentialhealth.state.FileStateStore;
import io.credentialhealth.state.StateStore;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.credentialhealth.support.InventoryJson.account;
import static io.credentialhealth.support.InventoryJson.variable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The application with and without a database: which store runs, what health, the inventory and
 * the tables show, and what happens when the database goes away and comes back. Every response,
 * log line and table row is searched for the planted secrets and the database password.
 */
@ExtendWith(OutputCaptureExtension.class)
class JdbcStoreApplicationTest {

	private static final Map<String, String> PLANTED = TestCredentials.all();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static TestDatabase database;

	private final Map<String, String> env = new ConcurrentHashMap<>(PLANTED);

	private final List<String> responses = new ArrayList<>();

	private final List<String> metrics = new ArrayList<>();

	private String service;

	private ConfigurableApplicationContext context;

	@BeforeAll
	static void startDatabase() {
		database = TestDatabase.start("Pw" + UUID.randomUUID().toString().replace("-", ""));
	}

	@AfterAll
	static void stopDatabase() {
		if (database != null) {
			database.close();
		}
	}

	@BeforeEach
	void newService() {
		this.service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@AfterEach
	void closeContext() {
		if (this.context != null) {
			this.context.close();
		}
	}

	private ConfigurableApplicationContext run(String... args) {
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--credentials.check-interval=1h",
				"--credentials.state-file=target/test-state/" + UUID.randomUUID() + ".json",
				"--credentials.platform.environment=production", "--spring.application.name=" + this.service,
				// Don't wait 5 s for a connection each time the database is stopped on purpose.
				"--spring.datasource.hikari.connection-timeout=1000"));
		all.addAll(List.of(args));
		this.context = new SpringApplicationBuilder(CredentialHealthApplication.class)
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton("plantedEnvironment", (EnvironmentVariables) () -> Map.copyOf(this.env)))
			.run(all.toArray(String[]::new));
		return this.context;
	}

	@Test
	void withoutADatabaseTheFileStoreRunsAndNoDataSourceExists() {
		run();
		assertThat(this.context.getBean(StateStore.class)).isInstanceOf(FileStateStore.class);
		assertThat(this.context.getBeanNamesForType(DataSource.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(JdbcTemplate.class)).isEmpty();
	}

	@Test
	void databaseUrlSwitchesToPostgresWithoutEverShowingThePassword(CapturedOutput output) throws Exception {
		run("--DATABASE_URL=" + database.databaseUrl());
		assertThat(this.context.getBean(StateStore.class)).isInstanceOf(JdbcStateStore.class);
		assertThat(this.context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class);

		JsonNode health = get("/actuator/health").json();
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").has("db")).as("the stateStore component reports the database").isFalse();
		JsonNode store = health.get("components").get("stateStore");
		assertThat(store.get("status").asString()).isEqualTo("UP");
		assertThat(store.get("details").get("type").asString()).isEqualTo("jdbc");
		assertThat(store.get("details").get("location").asString()).isEqualTo(database.jdbcUrl());

		JdbcTemplate admin = new JdbcTemplate(database.admin());
		assertThat(admin.queryForObject("SELECT count(*) FROM credential_health_variable WHERE service = ?",
				Integer.class, this.service)).isEqualTo(variableCount());
		assertThat(admin.queryForList("SELECT application_name FROM pg_stat_activity WHERE usename = ?", String.class,
				TestDatabase.USER)).contains("credential-health");
		get("/actuator/credentials");
		assertThat(prometheus().code()).isEqualTo(200);
		assertNothingLeaked(output);
	}

	@Test
	void theInventoryShowsTheOtherEnvironmentsOfTheService(CapturedOutput output) throws Exception {
		HikariDataSource pool = database.pool();
		try {
			JdbcStateStore staging = new JdbcStateStore(pool, "test", "staging", this.service, Clock.systemUTC());
			Instant seen = Instant.now().minusSeconds(180);
			Map<String, VariableMemory> memory = new TreeMap<>();
			memory.put("KRAKEN_USER_DAIVON_API_KEY",
					new VariableMemory(seen, seen, "0123456789abcdef", "d41c", null, Condition.VALID, null, seen));
			staging.save(staging.load().with(memory));
		}
		finally {
			pool.close();
		}
		this.env.remove("KRAKEN_USER_DAIVON_API_KEY");
		run("--DATABASE_URL=" + database.databaseUrl());
		JsonNode daivon = account(get("/actuator/credentials").json(), "kraken-user-daivon");
		JsonNode key = variable(daivon, "KRAKEN_USER_DAIVON_API_KEY");
		assertThat(key.get("fleet")).hasSize(1);
		JsonNode staging = key.get("fleet").get(0);
		assertThat(staging.get("environment").asString()).isEqualTo("staging");
		assertThat(staging.get("condition").asString()).isEqualTo("valid");
		assertThat(staging.get("deployment").asString()).isEqualTo("d41c");
		assertThat(staging.get("summary").asString()).isEqualTo("present in staging (deployment d41c, 3 min ago), missing here");
		assertThat(variable(daivon, "KRAKEN_USER_DAIVON_API_SECRET").get("fleet")).isEmpty();
		assertNothingLeaked(output);
	}

	@Test
	void theDatabaseGoingAwayMidRunDegradesToMemoryAndWritesResume(CapturedOutput output) throws Exception {
		run("--DATABASE_URL=" + database.databaseUrl());
		database.stop();
		try {
			Response check = post("/actuator/credentials");
			assertThat(check.code()).isEqualTo(200);
			assertThat(check.json().get("problems").toString()).contains("keeping state in memory only");
			assertThat(get("/actuator/health/readiness").code()).as("the store is outside readiness").isEqualTo(200);
			JsonNode store = get("/actuator/health").json().get("components").get("stateStore");
			assertThat(store.get("status").asString()).isEqualTo("WARNING");
			// This check moved only "last seen valid", which waits for credentials.state-save-interval: it writes
			// nothing, and the outage shows when it reads the fleet view.
			assertThat(store.get("details").get("problem").asString()).contains("could not be read");
			assertThat(prometheus().code()).isEqualTo(200);

			this.env.remove("KRAKEN_USER_TANIA_API_SECRET");
			check = post("/actuator/credentials");
			assertThat(account(check.json(), "kraken-user-tania").get("state").asString()).isEqualTo("LOST");
			assertThat(output.getAll().split("State store degraded", -1)).as("one warning per outage").hasSize(2);
			assertThat(output.getAll().lines().filter((line) -> line.contains(" WARN ") && line.contains("hikari")))
				.as("no warnings from the pool about the same outage")
				.isEmpty();
		}
		finally {
			database.restart();
		}
		checkUntilTheStoreIsUp();
		Map<String, Object> row = new JdbcTemplate(database.admin()).queryForMap(
				"SELECT last_condition, lost_since FROM credential_health_variable WHERE service = ? AND variable = ?",
				this.service, "KRAKEN_USER_TANIA_API_SECRET");
		assertThat(row.get("last_condition")).isEqualTo("ABSENT");
		assertThat(row.get("lost_since")).isNotNull();
		assertNothingLeaked(output);
	}

	@Test
	void aDatabaseThatIsDownAtStartDoesNotStopTheService(CapturedOutput output) throws Exception {
		database.stop();
		try {
			run("--DATABASE_URL=" + database.databaseUrl());
			assertThat(get("/actuator/health/readiness").code()).isEqualTo(200);
			assertThat(get("/actuator/health").json().get("components").get("stateStore").get("status").asString())
				.isEqualTo("WARNING");
		}
		finally {
			database.restart();
		}
		checkUntilTheStoreIsUp();
		assertThat(new JdbcTemplate(database.admin()).queryForObject(
				"SELECT count(*) FROM credential_health_variable WHERE service = ?", Integer.class, this.service))
			.isEqualTo(variableCount());
		assertNothingLeaked(output);
	}

	@Test
	void jdbcWithoutADatabaseStopsWithAClearMessage(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--credentials.state-store=jdbc"));
		assertThat(output).contains("The credential state store is misconfigured: credentials.state-store is jdbc but no database is configured")
			.contains("Set DATABASE_URL");
	}

	@Test
	void aDatabaseUrlOfAnotherKindStopsWithAClearMessageWithoutThePassword(CapturedOutput output) {
		String canary = "Canary" + UUID.randomUUID().toString().replace("-", "");
		assertThatException().isThrownBy(() -> run("--DATABASE_URL=mysql://root:" + canary + "@db:3306/bot"));
		assertThat(output).contains("DATABASE_URL must start with postgresql://");
		Canary.assertNoLeak(output.getAll(), List.of(canary));
	}

	/**
	 * Writes resume at the first check after the database answers; the pool may need one more check
	 * to replace the connections it lost, so a few are allowed.
	 */
	private void checkUntilTheStoreIsUp() throws IOException, InterruptedException {
		JsonNode store = null;
		for (int i = 0; i < 5; i++) {
			post("/actuator/credentials");
			store = get("/actuator/health").json().get("components").get("stateStore");
			if ("UP".equals(store.get("status").asString())) {
				return;
			}
			Thread.sleep(500);
		}
		throw new AssertionError("the store did not recover: " + store);
	}

	private int variableCount() {
		return this.context.getBean(CredentialRegistry.class)
			.accounts()
			.stream()
			.mapToInt((account) -> account.variables().size())
			.sum();
	}

	private void assertNothingLeaked(CapturedOutput output) {
		String everything = String.join("\n", this.responses) + "\n" + output.getAll() + "\n" + database.dump() + "\n"
				+ database.serverLog();
		List<String> secrets = new ArrayList<>(Canary.secretsOf(PLANTED));
		secrets.add(database.password());
		Canary.assertNoLeak(everything + String.join("\n", this.metrics), secrets);
		// Metrics are searched for secrets only: names such as spring_security_authorizations_* contain
		// pieces of the Coinbase key's fixed "organizations/" prefix, which says nothing about the key.
		PLANTED.forEach((name, value) -> {
			if (name.endsWith("_API_KEY")) {
				Canary.assertKeyMasked(everything, value);
			}
		});
	}

	private Response get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).GET().build(), this.responses);
	}

	private Response post(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build(), this.responses);
	}

	private Response prometheus() throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET().build(), this.metrics);
	}

	private URI uri(String path) {
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private Response send(HttpRequest request, List<String> bodies) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		bodies.add(response.body());
		JsonNode body = response.body().startsWith("{") ? json.readTree(response.body()) : null;
		return new Response(response.statusCode(), body, response.body());
	}

	record Response(int code, JsonNode json, String body) {
	}

}
