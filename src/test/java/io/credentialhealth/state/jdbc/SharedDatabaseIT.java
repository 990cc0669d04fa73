package io.credentialhealth.state.jdbc;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.credentialhealth.support.Canary;
import io.credentialhealth.support.RunningJar;
import io.credentialhealth.support.TestCredentials;
import io.credentialhealth.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

import static io.credentialhealth.support.InventoryJson.account;
import static io.credentialhealth.support.InventoryJson.variable;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three processes of the packaged jar on one PostgreSQL, as Railway runs them: deployment A of
 * production sees every variable; deployment B of production starts (while A still runs, as in a
 * zero-downtime deploy) without one secret and reports it LOST with A's deployment; a staging
 * instance sees in its inventory what production has, with fingerprints that agree. A and B check every 2 seconds side by side
 * and lose nothing. No secret and no database password in any log, response or table row.
 */
class SharedDatabaseIT {

	private static final Map<String, String> PLANTED = TestCredentials.all();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String LOST_SECRET = "KRAKEN_USER_TANIA_API_SECRET";

	private static TestDatabase database;

	@TempDir
	Path workDir;

	private final List<String> outputs = new ArrayList<>();

	@BeforeAll
	static void startDatabase() {
		database = TestDatabase.start("It" + UUID.randomUUID().toString().replace("-", ""));
	}

	@AfterAll
	static void stopDatabase() {
		if (database != null) {
			database.close();
		}
	}

	private RunningJar start(String environment, String deployment, Map<String, String> credentials) throws IOException {
		Map<String, String> env = new HashMap<>(credentials);
		env.put("DATABASE_URL", database.databaseUrl());
		env.put("RAILWAY_ENVIRONMENT_NAME", environment);
		env.put("RAILWAY_SERVICE_NAME", "credential-health");
		env.put("RAILWAY_PROJECT_NAME", "trading-bot");
		env.put("RAILWAY_DEPLOYMENT_ID", deployment);
		env.put("RAILWAY_REPLICA_ID", "replica-" + deployment.substring(0, 4));
		Path dir = Files.createDirectories(this.workDir.resolve(deployment));
		// Every check writes, "last seen valid" included (interval 0): this test is about two writers at once.
		return RunningJar.start(env, List.of("--credentials.check-interval=2s", "--credentials.state-save-interval=0s"),
				dir);
	}

	@Test
	void aSecondDeploymentReportsTheLossWithTheFirstOnesDeploymentAndStagingSeesProduction() throws Exception {
		String deploymentA = UUID.randomUUID().toString();
		String deploymentB = UUID.randomUUID().toString();
		String labelA = deploymentA.substring(0, 7);
		List<String> responses = new ArrayList<>();
		List<String> metrics = new ArrayList<>();
		try (RunningJar a = start("production", deploymentA, PLANTED)) {
			Map<String, String> withoutSecret = new HashMap<>(PLANTED);
			withoutSecret.remove(LOST_SECRET);
			try (RunningJar b = start("production", deploymentB, withoutSecret)) {
				HttpResponse<String> inventory = b.get("/actuator/credentials");
				responses.add(inventory.body());
				JsonNode tania = account(json.readTree(inventory.body()), "kraken-user-tania");
				assertThat(tania.get("state").asString()).isEqualTo("LOST");
				JsonNode secret = variable(tania, LOST_SECRET);
				assertThat(secret.get("lastDeployment").asString()).isEqualTo(labelA);
				assertThat(b.output()).contains("CREDENTIAL LOST: " + LOST_SECRET)
					.contains("in deployment " + labelA);

				// Both check every 2 s, side by side: the newest sighting of each variable is always kept.
				Thread.sleep(6000);
				Instant newest = lastSeenValid("production", "KRAKEN_MASTER_API_KEY");
				assertThat(Duration.between(newest, Instant.now())).isLessThan(Duration.ofSeconds(5));
				for (RunningJar jar : List.of(a, b)) {
					HttpResponse<String> health = jar.get("/actuator/health");
					responses.add(health.body());
					assertThat(json.readTree(health.body()).get("components").get("stateStore").get("status").asString())
						.isEqualTo("UP");
				}
				metrics.add(b.get("/actuator/prometheus").body());
				this.outputs.add(b.output());
			}
			this.outputs.add(a.output());
		}

		Map<String, String> staging = new HashMap<>(PLANTED);
		staging.remove("KRAKEN_USER_DAIVON_API_KEY");
		try (RunningJar c = start("staging", UUID.randomUUID().toString(), staging)) {
			HttpResponse<String> inventory = c.get("/actuator/credentials");
			responses.add(inventory.body());
			JsonNode daivonKey = variable(account(json.readTree(inventory.body()), "kraken-user-daivon"),
					"KRAKEN_USER_DAIVON_API_KEY");
			assertThat(daivonKey.get("condition").asString()).isEqualTo("absent");
			assertThat(daivonKey.get("fleet")).hasSize(1);
			assertThat(daivonKey.get("fleet").get(0).get("summary").asString()).startsWith("present in production (deployment ")
				.endsWith("), missing here");
			// A, still running beside B, saw it last; one salt per service, so staging recognises the value.
			JsonNode taniaSecret = variable(account(json.readTree(inventory.body()), "kraken-user-tania"), LOST_SECRET);
			assertThat(taniaSecret.get("fleet").get(0).get("summary").asString())
				.startsWith("present in production (deployment " + labelA)
				.endsWith("same value here");
			this.outputs.add(c.output());
		}

		String everything = String.join("\n", this.outputs) + String.join("\n", responses) + database.dump()
				+ database.serverLog();
		List<String> secrets = new ArrayList<>(Canary.secretsOf(PLANTED));
		secrets.add(database.password());
		Canary.assertNoLeak(everything + String.join("\n", metrics), secrets);
		// Metrics are searched for secrets only: names such as spring_security_authorizations_* contain
		// pieces of the Coinbase key's fixed "organizations/" prefix, which says nothing about the key.
		PLANTED.forEach((name, value) -> {
			if (name.endsWith("_API_KEY")) {
				Canary.assertKeyMasked(everything, value);
			}
		});
	}

	private static Instant lastSeenValid(String environment, String variable) {
		return new JdbcTemplate(database.admin()).queryForObject(
				"SELECT last_seen_valid FROM credential_health_variable WHERE environment = ? AND variable = ?",
				java.time.OffsetDateTime.class, environment, variable)
			.toInstant();
	}

}
