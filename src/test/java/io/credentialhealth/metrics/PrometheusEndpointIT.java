package io.credentialhealth.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.credentialhealth.source.EnvironmentVariables;
import io.credentialhealth.support.Canary;
import io.credentialhealth.support.PromtoolCheck;
import io.credentialhealth.support.TestCredentials;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's real {@code /actuator/prometheus} (metrics export is off in Boot tests unless
 * {@link AutoConfigureMetrics} switches it on): our families pass {@code promtool check metrics} with no findings,
 * every account has exactly one state at 1, a check triggered over HTTP moves it, and no planted secret shows.
 * An IT because it runs promtool.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "credentials.state-file=target/test-state/${random.uuid}.json", "credentials.check-interval=1h",
				"credentials.platform.environment=staging" })
@AutoConfigureMetrics
@ExtendWith(OutputCaptureExtension.class)
@Import(PrometheusEndpointIT.Environment.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusEndpointIT {

	static final Map<String, String> PLANTED = TestCredentials.all();

	static final String MISSING = "KRAKEN_MASTER_API_SECRET";

	static final List<String> ACCOUNTS = List.of("coinbase-master", "kraken-master", "alpaca-master",
			"kraken-user-daivon", "kraken-user-tania", "alpaca-user-tania");

	static final Pattern STATE_SAMPLE = Pattern
		.compile("(?m)^credentials_account_state\\{(?<labels>[^}]*)\\} (?<value>\\S+)$");

	private static final HttpClient http = HttpClient.newHttpClient();

	private final List<String> responses = new ArrayList<>();

	@LocalServerPort
	int port;

	@Autowired
	Variables variables;

	@Test
	@Order(1)
	void ourFamiliesPassPromtoolWithNoFindings() throws Exception {
		String body = scrape("text/plain");

		// Only credentials_*: Micrometer's own JVM, process and HTTP families have promtool findings of their own
		// (e.g. counters without _total from FunctionCounters of the JVM binders) that are not ours to fix.
		String ours = PromtoolCheck.only(body, "credentials_");
		assertThat(ours).isNotEmpty();
		assertThat(PromtoolCheck.metrics(ours)).isEmpty();
		assertThat(families(ours)).containsExactlyInAnyOrder("credentials_account_state",
				"credentials_account_last_valid_timestamp_seconds", "credentials_account_last_change_timestamp_seconds",
				"credentials_account_key_first_seen_timestamp_seconds", "credentials_transitions_total",
				"credentials_check_last_run_timestamp_seconds", "credentials_check_interval_seconds",
				"credentials_check_duration_seconds", "credentials_check_duration_seconds_max",
				"credentials_notifications_total", "credentials_deployment_info");
	}

	@Test
	@Order(2)
	void everySeriesCarriesEnvironmentAndServiceAndOneStatePerAccount(CapturedOutput output) throws Exception {
		String body = scrape("text/plain");

		List<String> samples = PromtoolCheck.only(body, "credentials_").lines().filter((line) -> !line.startsWith("#")).toList();
		assertThat(samples).allSatisfy((line) -> assertThat(line).contains("environment=\"staging\"")
			.contains("service=\"credential-health\""));
		// The deployment goes on one series only, never on every series.
		assertThat(samples).filteredOn((line) -> line.contains("deployment=\""))
			.singleElement()
			.satisfies((line) -> assertThat(line).startsWith("credentials_deployment_info{").endsWith(" 1"));
		assertThat(currentStates(body)).containsExactlyInAnyOrderEntriesOf(Map.of("coinbase-master", "configured",
				"kraken-master", "not_configured", "alpaca-master", "configured", "kraken-user-daivon", "configured",
				"kraken-user-tania", "configured", "alpaca-user-tania", "configured"));
		for (String account : ACCOUNTS) {
			assertThat(body).contains("credentials_transitions_total{account=\"" + account
					+ "\",environment=\"staging\",service=\"credential-health\",transition=\"lost\"} 0.0");
		}
		assertThat(body).contains("credentials_check_interval_seconds{environment=\"staging\",service=\"credential-health\"} 3600.0");
		assertNothingLeaked(output);
	}

	/** Last: it changes the environment of the shared context (the account is LOST afterwards, not NOT_CONFIGURED). */
	@Test
	@Order(3)
	void aCheckOverHttpMovesTheStateAndOpenMetricsIsCleanToo(CapturedOutput output) throws Exception {
		this.variables.map().put(MISSING, PLANTED.get(MISSING));
		HttpResponse<String> checked = send(HttpRequest.newBuilder(uri("/actuator/credentials"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(checked.statusCode()).isEqualTo(200);

		assertThat(currentStates(scrape("text/plain"))).containsEntry("kraken-master", "configured");
		String openMetrics = scrape("application/openmetrics-text; version=1.0.0");
		assertThat(openMetrics).contains("# TYPE credentials_deployment info")
			.contains("credentials_account_state{account=\"kraken-master\"")
			.endsWith("# EOF\n");
		assertNothingLeaked(output);
	}

	/** account -> the state whose series is 1; fails when an account has none or two. */
	static Map<String, String> currentStates(String exposition) {
		Map<String, List<String>> ones = new TreeMap<>();
		Map<String, Integer> series = new HashMap<>();
		Matcher sample = STATE_SAMPLE.matcher(exposition);
		while (sample.find()) {
			Map<String, String> labels = labels(sample.group("labels"));
			series.merge(labels.get("account"), 1, Integer::sum);
			if (Double.parseDouble(sample.group("value")) == 1.0) {
				ones.computeIfAbsent(labels.get("account"), (a) -> new ArrayList<>()).add(labels.get("state"));
			}
			else {
				assertThat(Double.parseDouble(sample.group("value"))).isZero();
			}
		}
		assertThat(series).as("six state series per account").allSatisfy((account, count) -> assertThat(count).isEqualTo(6));
		assertThat(ones.keySet()).as("accounts with a state at 1").isEqualTo(series.keySet());
		Map<String, String> states = new TreeMap<>();
		ones.forEach((account, list) -> {
			assertThat(list).as(account).hasSize(1);
			states.put(account, list.get(0));
		});
		return states;
	}

	static Map<String, String> labels(String text) {
		Map<String, String> labels = new HashMap<>();
		Matcher label = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(text);
		while (label.find()) {
			labels.put(label.group(1), label.group(2));
		}
		return labels;
	}

	static TreeSet<String> families(String exposition) {
		TreeSet<String> names = new TreeSet<>();
		exposition.lines()
			.filter((line) -> line.startsWith("# TYPE "))
			.forEach((line) -> names.add(line.split(" ")[2]));
		return names;
	}

	private String scrape(String accept) throws IOException, InterruptedException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/actuator/prometheus")).header("Accept", accept).GET().build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		this.responses.add(response.body());
		return response;
	}

	private void assertNothingLeaked(CapturedOutput output) {
		String everything = String.join("\n", this.responses) + "\n" + output.getAll();
		Canary.assertPlantedSafe(everything, PLANTED);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Environment {

		@Bean
		Variables variables() {
			Map<String, String> env = new ConcurrentHashMap<>(PLANTED);
			env.remove(MISSING);
			return new Variables(env);
		}

		@Bean
		@Primary
		EnvironmentVariables testEnvironment(Variables variables) {
			return () -> new HashMap<>(variables.map());
		}

	}

	/** The process environment the application sees; tests change it and trigger a check. */
	record Variables(Map<String, String> map) {
	}

}
