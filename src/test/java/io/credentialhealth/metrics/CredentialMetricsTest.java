package io.credentialhealth.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.credentialhealth.check.AccountState;
import io.credentialhealth.check.CheckCompleted;
import io.credentialhealth.check.CredentialChecker;
import io.credentialhealth.check.CredentialTransition;
import io.credentialhealth.check.CurrentSnapshot;
import io.credentialhealth.platform.Platform;
import io.credentialhealth.platform.PlatformInfo;
import io.credentialhealth.registry.CredentialRegistry;
import io.credentialhealth.support.Canary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.credentialhealth.support.MutableClock;
import io.credentialhealth.support.TestCheckers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The binder against snapshots of a real {@link CredentialChecker} with an environment and a clock the test
 * controls; the checker's events are delivered to the binder as Spring would.
 */
class CredentialMetricsTest {

	static final String KRAKEN_KEY = "KRAKEN_MASTER_API_KEY";

	static final String KRAKEN_SECRET = "KRAKEN_MASTER_API_SECRET";

	static final String TANIA_KEY = "KRAKEN_USER_TANIA_API_KEY";

	static final String TANIA_SECRET = "KRAKEN_USER_TANIA_API_SECRET";

	static final Instant START = Instant.parse("2026-01-16T20:45:00Z");

	static final PlatformInfo PLATFORM = new PlatformInfo(Platform.RAILWAY, "production", "credential-health",
			"7f3c2a1e-5b0d-4c38-9d7e-0a1b2c3d4e5f", "replica-1", "0123abcdef", "bot");

	final MutableClock clock = new MutableClock(START);

	final Map<String, String> env = new HashMap<>();

	final AtomicReference<String> rejection = new AtomicReference<>();

	final CurrentSnapshot current = new CurrentSnapshot();

	final CredentialRegistry registry = registry(true);

	final CredentialMetrics metrics = new CredentialMetrics(this.registry, this.current, PLATFORM, Duration.ofMinutes(5));

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final CredentialChecker checker = checker(this.registry);

	/** kraken-master (required master), kraken-user-tania (optional user) and, if wanted, a disabled alpaca-master. */
	static CredentialRegistry registry(boolean withTania) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("credentials.accounts.kraken-master.broker", "kraken");
		properties.put("credentials.accounts.kraken-master.role", "master");
		properties.put("credentials.accounts.alpaca-master.broker", "alpaca");
		properties.put("credentials.accounts.alpaca-master.role", "master");
		properties.put("credentials.accounts.alpaca-master.enabled", "false");
		if (withTania) {
			properties.put("credentials.accounts.kraken-user-tania.broker", "kraken");
			properties.put("credentials.accounts.kraken-user-tania.role", "user");
			properties.put("credentials.accounts.kraken-user-tania.user", "tania");
			properties.put("credentials.accounts.kraken-user-tania.required", "false");
		}
		return TestCheckers.registry(properties);
	}

	CredentialChecker checker(CredentialRegistry accounts) {
		return TestCheckers.checker(accounts, this.env)
			.verdicts((account) -> "kraken-master".equals(account) ? this.rejection.get() : null)
			.platform(PLATFORM)
			.current(this.current)
			.events(this::deliver)
			.clock(this.clock)
			.build();
	}

	void deliver(Object event) {
		if (event instanceof CredentialTransition transition) {
			this.metrics.transition(transition);
		}
		else if (event instanceof CheckCompleted completed) {
			this.metrics.checkCompleted(completed);
		}
	}

	void setKraken() {
		this.env.put(KRAKEN_KEY, "kraken-key-1");
		this.env.put(KRAKEN_SECRET, "kraken-secret-1");
	}

	@Test
	void beforeTheFirstCheckEveryAccountHasItsSeriesButNoValue() {
		this.metrics.bindTo(this.meters);

		assertThat(this.meters.find(CredentialMetrics.ACCOUNT_STATE).gauges()).hasSize(3 * 6);
		assertThat(stateGauge("kraken-master", "configured").value()).isNaN();
		assertThat(gauge(CredentialMetrics.LAST_RUN).value()).isZero();
		assertThat(transitions("kraken-master", "lost")).isZero();
	}

	@Test
	void exactlyOneStatePerAccountIsOne() {
		this.metrics.bindTo(this.meters);
		setKraken();
		this.rejection.set(null);
		this.checker.check();

		assertThat(currentStates()).containsExactlyInAnyOrderEntriesOf(Map.of("kraken-master", "configured",
				"kraken-user-tania", "not_configured", "alpaca-master", "disabled"));
		for (String account : List.of("kraken-master", "kraken-user-tania", "alpaca-master")) {
			assertThat(this.meters.find(CredentialMetrics.ACCOUNT_STATE).tag("account", account).gauges())
				.hasSize(AccountState.values().length)
				.extracting(Gauge::value)
				.containsOnly(0.0, 1.0)
				.filteredOn((value) -> value == 1.0)
				.hasSize(1);
		}
		Gauge kraken = stateGauge("kraken-master", "configured");
		assertThat(kraken.getId().getTag("broker")).isEqualTo("kraken");
		assertThat(kraken.getId().getTag("role")).isEqualTo("master");
		assertThat(kraken.getId().getTag("required")).isEqualTo("true");
		assertThat(stateGauge("kraken-user-tania", "not_configured").getId().getTag("required")).isEqualTo("false");
		assertThat(stateGauge("kraken-user-tania", "not_configured").getId().getTag("role")).isEqualTo("user");
	}

	@Test
	void stateChangesAreReflectedAfterEachCheck() {
		this.metrics.bindTo(this.meters);
		setKraken();
		this.checker.check();
		assertThat(currentStates()).containsEntry("kraken-master", "configured");

		this.clock.advance(Duration.ofMinutes(5));
		this.env.remove(KRAKEN_SECRET);
		this.checker.check();
		assertThat(currentStates()).containsEntry("kraken-master", "lost");

		this.env.put(KRAKEN_SECRET, "\"kraken-secret-1\"");
		this.checker.check();
		assertThat(currentStates()).containsEntry("kraken-master", "invalid");

		this.env.put(KRAKEN_SECRET, "kraken-secret-1");
		this.rejection.set("EAPI:Invalid key");
		this.checker.check();
		assertThat(currentStates()).containsEntry("kraken-master", "rejected");

		this.rejection.set(null);
		this.checker.check();
		assertThat(currentStates()).containsEntry("kraken-master", "configured");
	}

	@Test
	void transitionsAreCountedPerAccountAndKind() {
		this.metrics.bindTo(this.meters);
		setKraken();
		this.checker.check();
		this.env.remove(KRAKEN_KEY);
		this.env.remove(KRAKEN_SECRET);
		this.checker.check();
		this.checker.check();
		setKraken();
		this.checker.check();
		this.env.put(KRAKEN_KEY, "kraken-key-2");
		this.checker.check();
		this.rejection.set("refused");
		this.checker.check();
		this.env.put(KRAKEN_SECRET, "'kraken-secret-1'");
		this.checker.check();

		// Two variables lost at once are two transitions; a steady loss counts once.
		assertThat(transitions("kraken-master", "lost")).isEqualTo(2);
		assertThat(transitions("kraken-master", "restored")).isEqualTo(2);
		assertThat(transitions("kraken-master", "rotated")).isEqualTo(1);
		assertThat(transitions("kraken-master", "rejected")).isEqualTo(1);
		assertThat(transitions("kraken-master", "invalid")).isEqualTo(1);
		assertThat(transitions("kraken-user-tania", "lost")).isZero();
		// lost for every account from the start; the other kinds only where they happened.
		assertThat(this.meters.find(CredentialMetrics.TRANSITIONS).counters()).hasSize(3 + 4);
	}

	@Test
	void lostExistsAtZeroForEveryAccountFromTheStartAndTheOtherKindsFromTheirFirstOccurrence() {
		this.metrics.bindTo(this.meters);
		assertThat(this.meters.find(CredentialMetrics.TRANSITIONS).counters())
			.extracting((counter) -> counter.getId().getTag("account") + "/" + counter.getId().getTag("transition"))
			.containsExactlyInAnyOrder("kraken-master/lost", "kraken-user-tania/lost", "alpaca-master/lost");
		setKraken();
		this.checker.check();
		this.env.put(KRAKEN_KEY, "kraken-key-2");
		this.checker.check();
		assertThat(transitions("kraken-master", "rotated")).isEqualTo(1);
		assertThat(this.meters.find(CredentialMetrics.TRANSITIONS).tag("transition", "restored").counters()).isEmpty();
	}

	@Test
	void timestampsComeFromTheSnapshot() {
		this.metrics.bindTo(this.meters);
		setKraken();
		this.checker.check();
		double start = START.getEpochSecond();
		assertThat(accountGauge(CredentialMetrics.LAST_VALID, "kraken-master")).isEqualTo(start);
		assertThat(accountGauge(CredentialMetrics.LAST_CHANGE, "kraken-master")).isEqualTo(start);
		assertThat(accountGauge(CredentialMetrics.KEY_FIRST_SEEN, "kraken-master")).isEqualTo(start);
		assertThat(accountGauge(CredentialMetrics.LAST_VALID, "kraken-user-tania")).as("never seen").isZero();
		assertThat(accountGauge(CredentialMetrics.KEY_FIRST_SEEN, "kraken-user-tania")).as("no key").isZero();
		assertThat(gauge(CredentialMetrics.LAST_RUN).value()).isCloseTo(start, within(1.0));

		this.clock.advance(Duration.ofMinutes(5));
		this.checker.check();
		assertThat(accountGauge(CredentialMetrics.LAST_VALID, "kraken-master")).isEqualTo(start + 300);
		assertThat(accountGauge(CredentialMetrics.LAST_CHANGE, "kraken-master")).as("nothing changed").isEqualTo(start);
		assertThat(gauge(CredentialMetrics.LAST_RUN).value()).isCloseTo(start + 300, within(1.0));

		this.clock.advance(Duration.ofMinutes(5));
		this.env.put(KRAKEN_KEY, "kraken-key-2");
		this.checker.check();
		assertThat(accountGauge(CredentialMetrics.KEY_FIRST_SEEN, "kraken-master")).as("rotated").isEqualTo(start + 600);
		assertThat(accountGauge(CredentialMetrics.LAST_CHANGE, "kraken-master")).isEqualTo(start + 600);

		this.clock.advance(Duration.ofMinutes(5));
		this.env.remove(KRAKEN_KEY);
		this.checker.check();
		assertThat(accountGauge(CredentialMetrics.KEY_FIRST_SEEN, "kraken-master")).as("lost: no key").isZero();
		assertThat(accountGauge(CredentialMetrics.LAST_VALID, "kraken-master")).isEqualTo(start + 600);
	}

	@Test
	void checksAreTimedAndTheIntervalIsPublished() {
		this.metrics.bindTo(this.meters);
		this.checker.check();
		this.checker.check();

		Timer timer = this.meters.find(CredentialMetrics.DURATION).timer();
		assertThat(timer).isNotNull();
		assertThat(timer.count()).isEqualTo(2);
		assertThat(gauge(CredentialMetrics.INTERVAL).value()).isEqualTo(300.0);
	}

	@Test
	void seriesOfAccountsThatLeaveTheSnapshotDisappear() {
		this.metrics.bindTo(this.meters);
		this.checker.check();
		assertThat(this.meters.find(CredentialMetrics.ACCOUNT_STATE).tag("account", "kraken-user-tania").gauges())
			.hasSize(6);

		// A later check that no longer knows kraken-user-tania (same snapshot holder, smaller registry).
		checker(registry(false)).check();

		assertThat(this.meters.find(CredentialMetrics.ACCOUNT_STATE).tag("account", "kraken-user-tania").gauges())
			.isEmpty();
		for (String name : List.of(CredentialMetrics.LAST_VALID, CredentialMetrics.LAST_CHANGE,
				CredentialMetrics.KEY_FIRST_SEEN)) {
			assertThat(this.meters.find(name).tag("account", "kraken-user-tania").gauges()).as(name).isEmpty();
			assertThat(this.meters.find(name).tag("account", "kraken-master").gauges()).as(name).hasSize(1);
		}
		assertThat(this.meters.find(CredentialMetrics.ACCOUNT_STATE).gauges()).hasSize(2 * 6);
	}

	@Test
	void existingSeriesSurviveARefresh() {
		this.metrics.bindTo(this.meters);
		this.checker.check();
		Gauge before = stateGauge("kraken-master", "not_configured");
		setKraken();
		this.checker.check();

		assertThat(stateGauge("kraken-master", "not_configured")).isSameAs(before);
		assertThat(before.value()).isZero();
	}

	@Test
	void theNotifiersOwnCountersAreKeptAndMissingResultsAreFilledIn() {
		AtomicLong sent = new AtomicLong(3);
		FunctionCounter.builder(CredentialMetrics.NOTIFICATIONS, sent, AtomicLong::doubleValue)
			.tag("result", "sent")
			.description("Notifications the webhook accepted")
			.register(this.meters);
		this.metrics.bindTo(this.meters);
		this.checker.check();

		assertThat(this.meters.find(CredentialMetrics.NOTIFICATIONS).meters())
			.extracting((meter) -> meter.getId().getTag("result"))
			.containsExactlyInAnyOrder("sent", "failed", "dropped");
		assertThat(this.meters.find(CredentialMetrics.NOTIFICATIONS).tag("result", "sent").functionCounter().count())
			.isEqualTo(3.0);
		assertThat(this.meters.find(CredentialMetrics.NOTIFICATIONS).tag("result", "failed").counter().count()).isZero();
	}

	/** The notifier's binder may run after ours: binding leaves the name free, the first check fills it in. */
	@Test
	void theNotifierMayBindAfterUs() {
		this.metrics.bindTo(this.meters);
		for (String result : CredentialMetrics.NOTIFICATION_RESULTS) {
			FunctionCounter.builder(CredentialMetrics.NOTIFICATIONS, new AtomicLong(1), AtomicLong::doubleValue)
				.tag("result", result)
				.register(this.meters);
		}
		this.checker.check();

		assertThat(this.meters.find(CredentialMetrics.NOTIFICATIONS).functionCounters()).hasSize(3);
		assertThat(this.meters.find(CredentialMetrics.NOTIFICATIONS).counters()).isEmpty();
	}

	@Test
	void withoutANotifierTheResultsExistAtZeroFromTheFirstCheck() {
		this.metrics.bindTo(this.meters);
		this.checker.check();

		assertThat(this.meters.find(CredentialMetrics.NOTIFICATIONS).counters()).hasSize(3)
			.allSatisfy((counter) -> assertThat(counter.count()).isZero());
	}

	@Test
	void deploymentIsOneGaugeAndNotALabelOfEverySeries() {
		this.metrics.bindTo(this.meters);
		this.checker.check();

		Gauge deployment = gauge(CredentialMetrics.DEPLOYMENT);
		assertThat(deployment.value()).isEqualTo(1.0);
		assertThat(deployment.getId().getTags()).extracting((tag) -> tag.getKey() + "=" + tag.getValue())
			.containsExactlyInAnyOrder("deployment=7f3c2a1e-5b0d-4c38-9d7e-0a1b2c3d4e5f", "commit=0123abcdef",
					"instance_id=replica-1", "platform=railway");
		assertThat(this.meters.getMeters()).filteredOn((meter) -> meter != deployment)
			.allSatisfy((meter) -> assertThat(meter.getId().getTag("deployment")).isNull());
	}

	@Test
	void prometheusExpositionHasTheNamesTheRulesReadAndNoValues() {
		PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		prometheus.config().commonTags(MetricsConfiguration.platformTags(PLATFORM, new MetricsProperties()));
		this.metrics.bindTo(prometheus);
		String secret = "kR4k3n-S3cr3t-" + "Zq9fW2mXy7Lp";
		this.env.put(KRAKEN_KEY, "kraK3yPr3v13wXYZabc");
		this.env.put(KRAKEN_SECRET, secret);
		this.checker.check();
		this.env.put(KRAKEN_SECRET, secret + " ");
		this.checker.check();

		String exposition = prometheus.scrape();

		assertThat(exposition).contains("# TYPE credentials_account_state gauge")
			.contains("credentials_account_state{account=\"kraken-master\",broker=\"kraken\",environment=\"production\","
					+ "required=\"true\",role=\"master\",service=\"credential-health\",state=\"invalid\"} 1")
			.contains("# TYPE credentials_transitions_total counter")
			.contains("credentials_transitions_total{account=\"kraken-master\",environment=\"production\","
					+ "service=\"credential-health\",transition=\"invalid\"} 1")
			.contains("credentials_account_last_valid_timestamp_seconds{")
			.contains("credentials_account_last_change_timestamp_seconds{")
			.contains("credentials_account_key_first_seen_timestamp_seconds{")
			.contains("credentials_check_last_run_timestamp_seconds{")
			.contains("credentials_check_interval_seconds{environment=\"production\",service=\"credential-health\"} 300")
			.contains("# TYPE credentials_check_duration_seconds summary")
			.contains("credentials_check_duration_seconds_count{environment=\"production\",service=\"credential-health\"} 2")
			.contains("credentials_notifications_total{environment=\"production\",result=\"dropped\",service=\"credential-health\"} 0")
			.contains("credentials_deployment_info{commit=\"0123abcdef\",deployment=\"7f3c2a1e-5b0d-4c38-9d7e-0a1b2c3d4e5f\","
					+ "environment=\"production\",instance_id=\"replica-1\",platform=\"railway\",service=\"credential-health\"} 1");
		assertThat(exposition).doesNotContain("exported_");
		Canary.assertNoLeak(exposition, List.of(secret));
		Canary.assertKeyMasked(exposition, "kraK3yPr3v13wXYZabc");
	}

	/**
	 * Micrometer keeps {@code _info} on a gauge name: a gauge in the text format, an OpenMetrics {@code info}
	 * family (which Prometheus asks for first) with the same series name.
	 */
	@Test
	void deploymentIsAnInfoMetricInBothFormats() {
		PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		this.metrics.bindTo(prometheus);

		assertThat(prometheus.scrape()).contains("# TYPE credentials_deployment_info gauge\n")
			.contains("\ncredentials_deployment_info{commit=\"0123abcdef\",");
		assertThat(prometheus.scrape("application/openmetrics-text; version=1.0.0; charset=utf-8"))
			.contains("# TYPE credentials_deployment info\n")
			.contains("\ncredentials_deployment_info{commit=\"0123abcdef\",");
	}

	@Test
	void configuredCommonTagsWinOverThePlatform() {
		MetricsProperties properties = new MetricsProperties();
		properties.getTags().put("environment", "prod-eu");

		assertThat(MetricsConfiguration.platformTags(PLATFORM, properties))
			.extracting((tag) -> tag.getKey() + "=" + tag.getValue())
			.containsExactly("service=credential-health");
		assertThat(MetricsConfiguration.platformTags(PLATFORM, null)).hasSize(2);
	}

	Map<String, String> currentStates() {
		Map<String, String> states = new HashMap<>();
		for (Gauge gauge : this.meters.find(CredentialMetrics.ACCOUNT_STATE).gauges()) {
			if (gauge.value() == 1.0) {
				assertThat(states.put(gauge.getId().getTag("account"), gauge.getId().getTag("state")))
					.as("second state at 1 for " + gauge.getId().getTag("account"))
					.isNull();
			}
		}
		return states;
	}

	Gauge stateGauge(String account, String state) {
		Gauge gauge = this.meters.find(CredentialMetrics.ACCOUNT_STATE).tag("account", account).tag("state", state).gauge();
		assertThat(gauge).as(account + " " + state).isNotNull();
		return gauge;
	}

	double accountGauge(String name, String account) {
		Gauge gauge = this.meters.find(name).tag("account", account).gauge();
		assertThat(gauge).as(name + " " + account).isNotNull();
		return gauge.value();
	}

	Gauge gauge(String name) {
		Gauge gauge = this.meters.find(name).gauge();
		assertThat(gauge).as(name).isNotNull();
		return gauge;
	}

	double transitions(String account, String transition) {
		return this.meters.get(CredentialMetrics.TRANSITIONS).tag("account", account).tag("transition", transition)
			.counter()
			.count();
	}

}
