package io.credentialhealth.metrics;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.credentialhealth.support.Canary;
import io.credentialhealth.support.PrometheusServer;
import io.credentialhealth.support.PrometheusServer.Alert;
import io.credentialhealth.support.PrometheusServer.Sample;
import io.credentialhealth.support.RunningJar;
import io.credentialhealth.support.TestCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar scraped by a real Prometheus with the shipped rules ({@code for:} shortened to
 * {@value #FOR_SECONDS} s in a copy): a required variable missing makes {@code RequiredCredentialUnavailable} fire
 * for its account; the variable written into the secret-files directory and a check triggered over HTTP resolve it.
 */
class PrometheusEndToEndIT {

	static final int FOR_SECONDS = 2;

	static final Duration WAIT = Duration.ofSeconds(30);

	static final String MISSING = "KRAKEN_MASTER_API_SECRET";

	static final Map<String, String> KRAKEN = Map.of("account", "kraken-master");

	@TempDir
	Path workDir;

	@Test
	void requiredCredentialUnavailableFiresAndResolves() throws Exception {
		Map<String, String> planted = TestCredentials.all();
		Path secrets = Files.createDirectory(this.workDir.resolve("secrets"));
		planted.forEach((name, value) -> {
			if (!name.equals(MISSING)) {
				write(secrets.resolve(name), value);
			}
		});
		Map<String, String> env = Map.of("RAILWAY_ENVIRONMENT_NAME", "staging", "RAILWAY_SERVICE_NAME",
				"credential-health", "RAILWAY_PROJECT_NAME", "trading-bot", "RAILWAY_DEPLOYMENT_ID",
				"7f3c2a1e-5b0d-4c38-9d7e-0a1b2c3d4e5f", "RAILWAY_REPLICA_ID", "replica-1");
		List<String> args = List.of("--credentials.secret-files-dir=" + secrets, "--credentials.check-interval=1h",
				"--credentials.state-file=" + this.workDir.resolve("state/credential-state.json"));
		StringBuilder outputs = new StringBuilder();
		long started = System.nanoTime();
		try (RunningJar jar = RunningJar.start(env, args, this.workDir);
				PrometheusServer prometheus = PrometheusServer.scraping("127.0.0.1:" + jar.port())
					.forDurations(Duration.ofSeconds(FOR_SECONDS))
					.start()) {
			phase("jar and prometheus started", started);
			try {
				prometheus.awaitQuery("credentials_account_state{account=\"kraken-master\",state=\"not_configured\"} == 1",
						(samples) -> samples.size() == 1, WAIT);
				assertSeriesExist(prometheus);
				phase("series scraped", started);

				Alert firing = prometheus.awaitAlert("RequiredCredentialUnavailable", "firing", KRAKEN, WAIT);
				phase("RequiredCredentialUnavailable firing", started);
				assertThat(firing.labels()).containsEntry("severity", "critical")
					.containsEntry("environment", "staging")
					.containsEntry("service", "credential-health")
					.containsEntry("broker", "kraken")
					.containsEntry("required", "true")
					.doesNotContainKey("state");
				assertThat(firing.annotations().get("description")).contains(" is not_configured ");
				assertThat(prometheus.alerts()).filteredOn((alert) -> alert.name().equals("RequiredCredentialUnavailable"))
					.as("only the account with the missing variable")
					.extracting((alert) -> alert.labels().get("account"))
					.containsOnly("kraken-master");

				write(secrets.resolve(MISSING), planted.get(MISSING));
				HttpResponse<String> checked = jar.post("/actuator/credentials");
				assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
				outputs.append(checked.body());

				prometheus.awaitNoAlert("RequiredCredentialUnavailable", KRAKEN, WAIT);
				phase("RequiredCredentialUnavailable resolved", started);
				assertThat(prometheus.query("credentials_account_state{account=\"kraken-master\",state=\"configured\"}"))
					.singleElement()
					.satisfies((sample) -> assertThat(sample.value()).isEqualTo(1.0));

				outputs.append(jar.get("/actuator/prometheus").body());
				outputs.append(prometheus.query("{__name__=~\"credentials_.+\"}")
					.stream()
					.map(Sample::labels)
					.map(Object::toString)
					.collect(Collectors.joining("\n")));
				outputs.append(prometheus.alerts());
			}
			catch (AssertionError | RuntimeException ex) {
				throw new AssertionError(ex.getMessage() + "\n--- app ---\n" + jar.output() + "\n--- prometheus ---\n"
						+ prometheus.log(), ex);
			}
			jar.close();
			outputs.append(jar.output());
		}
		Canary.assertPlantedSafe(outputs.toString(), planted);
	}

	/** What the rules and dashboards read, as Prometheus stored it. */
	private static void assertSeriesExist(PrometheusServer prometheus) {
		assertThat(single(prometheus, "count(credentials_account_state)")).isEqualTo(6 * 6);
		assertThat(single(prometheus, "count(credentials_account_state == 1)")).as("one state per account").isEqualTo(6);
		assertThat(single(prometheus, "count(credentials_transitions_total)")).as("lost, at 0, for every account")
			.isEqualTo(6);
		assertThat(single(prometheus, "count(credentials_account_last_valid_timestamp_seconds)")).isEqualTo(6);
		assertThat(single(prometheus, "count(credentials_account_last_change_timestamp_seconds)")).isEqualTo(6);
		assertThat(single(prometheus, "count(credentials_account_key_first_seen_timestamp_seconds > 0)"))
			.as("every key is present (kraken-master misses its secret, not its key)").isEqualTo(6);
		assertThat(single(prometheus, "time() - credentials_check_last_run_timestamp_seconds")).isBetween(0.0, 120.0);
		assertThat(single(prometheus, "credentials_check_interval_seconds")).isEqualTo(3600.0);
		assertThat(single(prometheus, "credentials_check_duration_seconds_count")).isGreaterThanOrEqualTo(1.0);
		assertThat(single(prometheus, "count(credentials_notifications_total)")).isEqualTo(3);
		assertThat(prometheus.query("credentials_deployment_info")).singleElement()
			.satisfies((sample) -> assertThat(sample.labels()).containsEntry("deployment", "7f3c2a1e-5b0d-4c38-9d7e-0a1b2c3d4e5f")
				.containsEntry("instance_id", "replica-1")
				.containsEntry("platform", "railway")
				.containsEntry("environment", "staging")
				.containsEntry("job", PrometheusServer.JOB));
		assertThat(prometheus.query("{__name__=~\"credentials_.+\", deployment!=\"\"}"))
			.as("deployment is a label of the info series only")
			.extracting((sample) -> sample.labels().get("__name__"))
			.containsOnly("credentials_deployment_info");
	}

	/** Elapsed time per phase in the test output, to keep an eye on the runtime. */
	private static void phase(String what, long started) {
		System.out.printf("PrometheusEndToEndIT: %s after %.1f s%n", what, (System.nanoTime() - started) / 1e9);
	}

	private static double single(PrometheusServer prometheus, String promql) {
		List<Sample> samples = prometheus.query(promql);
		assertThat(samples).as(promql).hasSize(1);
		return samples.get(0).value();
	}

	private static void write(Path file, String value) {
		try {
			Files.writeString(file, value + "\n");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
