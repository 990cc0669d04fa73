package io.credentialhealth.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.credentialhealth.support.PromtoolCheck;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code promtool check metrics} on the metric families of issue 4, written the way Micrometer's Prometheus 1.x
 * registry writes them, and the names the alert rules read. The app's real output is checked where the
 * MeterBinder is tested; this pins the naming rules it relies on (dots become underscores, a base unit of
 * seconds appends {@code _seconds}, counters get {@code _total}, every meter needs a description or promtool
 * reports "no help text").
 */
class MetricFamiliesLintIT {

	static final List<String> STATES = List.of("configured", "not_configured", "lost", "invalid", "rejected",
			"disabled");

	@Test
	void sampleExpositionHasNoFindings() throws IOException {
		assertThat(PromtoolCheck.metrics(sample())).isEmpty();
	}

	@Test
	void micrometerExpositionOfTheIssueFamiliesHasNoFindings() {
		String exposition = PromtoolCheck.only(registry(true).scrape(), "credentials_");

		assertThat(exposition).contains("# TYPE credentials_account_state gauge\n")
			.contains("# TYPE credentials_transitions_total counter\n")
			.contains("# TYPE credentials_check_duration_seconds summary\n")
			.contains("credentials_account_state{account=\"kraken-master\",broker=\"kraken\",environment=\"local\","
					+ "required=\"true\",role=\"master\",service=\"credential-health\",state=\"not_configured\"} 1");
		assertThat(PromtoolCheck.metrics(exposition)).isEmpty();
	}

	@Test
	void everyMetricTheRulesReadIsInTheMicrometerExposition() throws IOException {
		Set<String> written = new TreeSet<>();
		Matcher sample = Pattern.compile("(?m)^(credentials_[a-z_]+)[{ ]").matcher(registry(true).scrape());
		while (sample.find()) {
			written.add(sample.group(1));
		}
		Set<String> read = new TreeSet<>();
		Matcher name = Pattern.compile("\\bcredentials_[a-z_]+\\b")
			.matcher(Files.readString(AlertRulesIT.RULES));
		while (name.find()) {
			read.add(name.group());
		}

		assertThat(read).containsExactlyInAnyOrder("credentials_account_state", "credentials_transitions_total",
				"credentials_check_last_run_timestamp_seconds", "credentials_check_interval_seconds",
				"credentials_account_key_first_seen_timestamp_seconds");
		assertThat(written).containsAll(read);
	}

	@Test
	void meterWithoutDescriptionIsAFinding() {
		List<String> findings = PromtoolCheck.metrics(PromtoolCheck.only(registry(false).scrape(), "credentials_"));

		assertThat(findings).contains("credentials_account_last_valid_timestamp_seconds no help text",
				"credentials_notifications_total no help text");
	}

	@Test
	void counterWithoutTotalIsAFinding() {
		String exposition = """
				# HELP credentials_transitions Transitions.
				# TYPE credentials_transitions counter
				credentials_transitions{account="kraken-master",transition="lost"} 1.0
				""";

		assertThat(PromtoolCheck.metrics(exposition))
			.containsExactly("credentials_transitions counter metrics should have \"_total\" suffix");
	}

	@Test
	void unparsableInputIsAFindingNotACrash() {
		assertThat(PromtoolCheck.metrics("credentials_account_state{account=\"x\" 1\n"))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.startsWith("error while linting");
		assertThat(PromtoolCheck.metrics("")).isEmpty();
	}

	static String sample() throws IOException {
		try (InputStream in = MetricFamiliesLintIT.class.getResourceAsStream("credentials-exposition.txt")) {
			assertThat(in).as("credentials-exposition.txt").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** The meters of issue 4 (plus the interval and key-age gauges the rules read), as a MeterBinder would. */
	static PrometheusMeterRegistry registry(boolean described) {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		registry.config().commonTags("environment", "local", "service", "credential-health");
		for (String state : STATES) {
			Gauge.builder("credentials.account.state", () -> state.equals("not_configured") ? 1 : 0)
				.description(described ? "1 for the current state of the account, 0 for the other states" : null)
				.tags("account", "kraken-master", "broker", "kraken", "role", "master", "required", "true", "state",
						state)
				.register(registry);
		}
		gauge(registry, "credentials.account.last.valid.timestamp", described ? "Last time the key was valid" : null, 0);
		gauge(registry, "credentials.account.last.change.timestamp", described ? "Last state change" : null, 1.7e9);
		gauge(registry, "credentials.account.key.first.seen.timestamp", described ? "First sight of the key" : null,
				1.6e9);
		for (String transition : List.of("lost", "restored", "rotated", "invalid", "rejected")) {
			Counter.builder("credentials.transitions")
				.description(described ? "Credential state transitions" : null)
				.tags("account", "kraken-master", "transition", transition)
				.register(registry);
		}
		Gauge.builder("credentials.check.last.run.timestamp", () -> 1.7e9)
			.description(described ? "End of the last completed check" : null)
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder("credentials.check.interval", () -> 300)
			.description(described ? "Configured check interval" : null)
			.baseUnit("seconds")
			.register(registry);
		Timer.builder("credentials.check.duration")
			.description(described ? "Duration of a check" : null)
			.register(registry)
			.record(12, TimeUnit.MILLISECONDS);
		Counter.builder("credentials.notifications")
			.description(described ? "Notifications by result" : null)
			.tag("result", "sent")
			.register(registry);
		Gauge.builder("credentials.deployment.info", () -> 1)
			.description(described ? "Deployment and commit of this instance" : null)
			.tags("deployment", "d-1", "commit", "0123abc", "instance_id", "r-1", "platform", "railway")
			.register(registry);
		return registry;
	}

	static void gauge(PrometheusMeterRegistry registry, String name, String description, double value) {
		Gauge.builder(name, () -> value)
			.description(description)
			.baseUnit("seconds")
			.tag("account", "kraken-master")
			.register(registry);
	}

}
