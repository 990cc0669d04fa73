package io.credentialhealth.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.credentialhealth.support.PrometheusServer.Alert;
import io.credentialhealth.support.PrometheusServer.Rule;
import io.credentialhealth.support.PrometheusServer.Sample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The harness against a fake {@code /actuator/prometheus} (no app needed): a real Prometheus scrapes it with the
 * shipped rules, whose {@code for:} durations are shortened to {@value #FOR_SECONDS} s in a copy so the test takes
 * seconds, not minutes (the shipped durations are covered by {@code AlertRulesIT}).
 */
class PrometheusServerIT {

	static final int FOR_SECONDS = 3;

	static final Duration WAIT = Duration.ofSeconds(30);

	static final String TOKEN = "test-scrape-token";

	static final Map<String, String> KRAKEN = Map.of("account", "kraken-master");

	final AtomicReference<String> krakenState = new AtomicReference<>("not_configured");

	HttpServer target;

	String targetAddress;

	@BeforeEach
	void startTarget() throws IOException {
		this.target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.target.createContext("/actuator/prometheus", this::scrape);
		this.target.start();
		this.targetAddress = "127.0.0.1:" + this.target.getAddress().getPort();
	}

	@AfterEach
	void stopTarget() {
		this.target.stop(0);
	}

	@Test
	void requiredCredentialAlertFiresAndResolvesThroughARealPrometheus(@TempDir Path dir) throws IOException {
		Path token = Files.writeString(dir.resolve("token"), TOKEN);
		try (PrometheusServer prometheus = PrometheusServer.scraping(this.targetAddress)
			.forDurations(Duration.ofSeconds(FOR_SECONDS))
			.bearerTokenFile(token)
			.start()) {

			List<Sample> series = prometheus.awaitQuery(
					"credentials_account_state{account=\"kraken-master\",state=\"not_configured\"} == 1",
					(result) -> !result.isEmpty(), WAIT);
			assertThat(series).singleElement()
				.satisfies((sample) -> assertThat(sample.labels()).containsEntry("job", PrometheusServer.JOB)
					.containsEntry("instance", this.targetAddress)
					.containsEntry("environment", "local")
					.containsEntry("service", "credential-health")
					.containsEntry("required", "true"));
			assertThat(prometheus.query("count(credentials_account_state)")).singleElement()
				.extracting(Sample::value)
				.isEqualTo(12.0);
			assertThat(prometheus.query("up{job=\"credential-health\"}")).singleElement()
				.extracting(Sample::value)
				.as("scrape with the bearer token succeeds")
				.isEqualTo(1.0);

			prometheus.awaitAlert("RequiredCredentialUnavailable", "pending", KRAKEN, WAIT);
			Alert firing = prometheus.awaitAlert("RequiredCredentialUnavailable", "firing", KRAKEN, WAIT);
			assertThat(firing.labels()).containsEntry("severity", "critical").containsEntry("environment", "local");
			assertThat(firing.annotations().get("description")).contains("is not_configured");
			assertThat(firing.annotations().get("runbook")).contains("/actuator/health/credentials/kraken-master");
			assertThat(prometheus.alerts()).extracting(Alert::name)
				.as("the optional, configured account and the fresh check raise nothing")
				.containsOnly("RequiredCredentialUnavailable");

			List<Rule> rules = prometheus.rules();
			assertThat(rules).extracting(Rule::name)
				.contains("RequiredCredentialUnavailable", "CredentialLost", "CredentialCheckStale",
						"CredentialHealthAbsent", "CredentialDriftAcrossEnvironments", "CredentialNotRotated");
			assertThat(rules).filteredOn((rule) -> rule.name().equals("RequiredCredentialUnavailable"))
				.singleElement()
				.extracting(Rule::forDuration)
				.isEqualTo(Duration.ofSeconds(FOR_SECONDS));
			assertThat(rules).allSatisfy((rule) -> assertThat(rule.health()).as(rule.name() + ": " + rule.lastError())
				.isEqualTo("ok"));

			this.krakenState.set("configured");
			prometheus.awaitNoAlert("RequiredCredentialUnavailable", KRAKEN, WAIT);

			this.target.stop(0);
			prometheus.awaitAlert("CredentialHealthAbsent", "firing", Map.of("instance", this.targetAddress), WAIT);
		}
	}

	@Test
	void brokenRulesFileFailsTheStartWithPrometheusMessage(@TempDir Path dir) throws IOException {
		// Skip here when prometheus is missing: inside isThrownBy the skip would count as the wrong exception.
		ExternalTool.require("prometheus", PrometheusServer.INSTALL_HINT);
		Path rules = Files.writeString(dir.resolve("broken.yml"), """
				groups:
				  - name: broken
				    rules:
				      - alert: Broken
				        expr: max without (state (up)
				""");

		assertThatIllegalStateException()
			.isThrownBy(() -> PrometheusServer.scraping(this.targetAddress).rules(rules).start().close())
			.withMessageContaining("prometheus exited")
			.withMessageContaining("broken.yml");
	}

	@Test
	void targetMustBeHostAndPort() {
		assertThatIllegalArgumentException().isThrownBy(() -> PrometheusServer.scraping("http://localhost:8080/x"))
			.withMessageContaining("host:port");
		assertThatIllegalArgumentException().isThrownBy(() -> PrometheusServer.scraping(null));
	}

	void scrape(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				exchange.sendResponseHeaders(401, -1);
				return;
			}
			byte[] body = exposition().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	/** What the app would write: kraken-master (required) in the state under test, coinbase-master (optional) configured. */
	String exposition() {
		String common = "environment=\"local\",service=\"credential-health\"";
		StringBuilder text = new StringBuilder();
		text.append("# HELP credentials_account_state 1 for the current state of the account, 0 for the other states\n");
		text.append("# TYPE credentials_account_state gauge\n");
		for (String state : List.of("configured", "not_configured", "lost", "invalid", "rejected", "disabled")) {
			text.append(state("kraken-master", "kraken", "true", state, this.krakenState.get(), common));
			text.append(state("coinbase-master", "coinbase", "false", state, "configured", common));
		}
		double now = System.currentTimeMillis() / 1000.0;
		text.append("# HELP credentials_transitions_total Credential state transitions\n");
		text.append("# TYPE credentials_transitions_total counter\n");
		text.append("credentials_transitions_total{account=\"kraken-master\",").append(common)
			.append(",transition=\"lost\"} 0.0\n");
		text.append("# HELP credentials_check_last_run_timestamp_seconds When the last check completed\n");
		text.append("# TYPE credentials_check_last_run_timestamp_seconds gauge\n");
		text.append("credentials_check_last_run_timestamp_seconds{").append(common).append("} ").append(now).append('\n');
		text.append("# HELP credentials_check_interval_seconds Check interval\n");
		text.append("# TYPE credentials_check_interval_seconds gauge\n");
		text.append("credentials_check_interval_seconds{").append(common).append("} 300.0\n");
		text.append("# HELP credentials_account_key_first_seen_timestamp_seconds First sight of the key\n");
		text.append("# TYPE credentials_account_key_first_seen_timestamp_seconds gauge\n");
		text.append("credentials_account_key_first_seen_timestamp_seconds{account=\"coinbase-master\",").append(common)
			.append("} ").append(now - 86400).append('\n');
		return text.toString();
	}

	static String state(String account, String broker, String required, String state, String current, String common) {
		return "credentials_account_state{account=\"" + account + "\",broker=\"" + broker + "\"," + common
				+ ",required=\"" + required + "\",role=\"master\",state=\"" + state + "\"} "
				+ (state.equals(current) ? "1.0" : "0.0") + "\n";
	}

}
