package io.credentialhealth.notify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.credentialhealth.check.CredentialChecker;
import io.credentialhealth.check.CredentialTransition;
import io.credentialhealth.check.Transition;
import io.credentialhealth.platform.PlatformInfo;
import io.credentialhealth.source.EnvironmentVariables;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real application with a planted environment and a local webhook: payloads for real
 * transitions, a hanging webhook that does not slow checks, and the canary.
 */
@SpringBootTest(properties = { "credentials.schedule.enabled=false", "credentials.notify.format=json",
		"credentials.notify.timeout=2s", "credentials.notify.max-attempts=2",
		"credentials.notify.initial-backoff=1500ms" })
@ExtendWith(OutputCaptureExtension.class)
class NotificationIntegrationTests {

	static final String KEY_VARIABLE = "KRAKEN_USER_TANIA_API_KEY";

	static final String SECRET_VARIABLE = "KRAKEN_USER_TANIA_API_SECRET";

	/** Canary values: none of them, nor any 8 characters of them, may leave the checker. */
	static final String KEY = io.credentialhealth.support.TestCredentials.base64(42);

	static final String SECRET = io.credentialhealth.support.TestCredentials.base64(64);

	static final String ROTATED_SECRET = io.credentialhealth.support.TestCredentials.base64(64);

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final WebhookServer server = startServer();

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private CredentialChecker checker;

	@Autowired
	private PlannedEnvironment environment;

	@Autowired
	private TransitionRecorder recorder;

	@Autowired
	private NotificationStats stats;

	@Autowired
	private PlatformInfo platform;

	@Autowired
	private MeterRegistry meters;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("notify-it");
		registry.add("credentials.state-file", () -> dir.resolve("state.json").toString());
		registry.add("credentials.notify.webhook-url", server::url);
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void valid() {
		this.environment.values.put(KEY_VARIABLE, KEY);
		this.environment.values.put(SECRET_VARIABLE, SECRET);
		this.checker.check();
		awaitIdle();
		this.recorder.events.clear();
	}

	@AfterEach
	void release() {
		server.release();
	}

	@Test
	void everyTransitionReachesTheWebhookWithoutAnyValue(CapturedOutput output) {
		int before = server.received().size();
		long sentBefore = this.stats.sent();
		this.environment.values.remove(KEY_VARIABLE);
		this.checker.check();
		this.environment.values.put(KEY_VARIABLE, KEY);
		this.checker.check();
		this.environment.values.put(SECRET_VARIABLE, ROTATED_SECRET);
		this.checker.check();
		this.environment.values.put(KEY_VARIABLE, "\"" + KEY + "\"");
		this.checker.check();
		this.environment.values.put(KEY_VARIABLE, KEY);
		this.environment.values.put(SECRET_VARIABLE, SECRET);
		this.checker.check();

		assertThat(this.recorder.events).extracting(CredentialTransition::transition)
			.containsExactly(Transition.LOST, Transition.RESTORED, Transition.ROTATED, Transition.INVALID,
					Transition.RESTORED, Transition.ROTATED);
		await().atMost(WAIT).until(() -> this.stats.sent() - sentBefore == 6);
		List<WebhookServer.Received> received = server.received().subList(before, before + 6);
		List<JsonNode> payloads = received.stream().map((request) -> this.json.readTree(request.body())).toList();
		assertThat(payloads).extracting((p) -> p.get("transition").asString())
			.containsExactly("LOST", "RESTORED", "ROTATED", "INVALID", "RESTORED", "ROTATED");
		assertThat(payloads).extracting((p) -> p.get("variable").asString())
			.containsExactly(KEY_VARIABLE, KEY_VARIABLE, SECRET_VARIABLE, KEY_VARIABLE, KEY_VARIABLE, SECRET_VARIABLE);
		JsonNode lost = payloads.get(0);
		assertThat(lost.get("account").asString()).isEqualTo("kraken-user-tania");
		assertThat(lost.get("owner").asString()).isEqualTo("Tania Gilbert");
		assertThat(lost.get("broker").asString()).isEqualTo("kraken");
		assertThat(lost.get("detail").asString()).isEqualTo("now missing");
		assertThat(lost.get("text").asString()).contains("CREDENTIAL LOST: KRAKEN_USER_TANIA_API_KEY (kraken-user-tania, Tania Gilbert) was valid, now missing; last seen valid ");
		assertThat(lost.get("lastSeenValid").asString()).isNotEmpty();
		assertThat(lost.get("elapsedSeconds").asLong()).isGreaterThanOrEqualTo(0);
		assertThat(lost.get("lastSeenInDeployment").asString()).isEqualTo(this.platform.deploymentLabel());
		assertThat(lost.get("noticedInDeployment").asString()).isEqualTo(this.platform.deploymentLabel());
		assertThat(lost.get("environment").asString()).isEqualTo(this.platform.environment());
		assertThat(lost.get("service").asString()).isEqualTo(this.platform.service());
		assertThat(payloads.get(3).get("detail").asString()).isEqualTo("now quoted");

		// Every format, rendered from the very events the checker published.
		List<String> outputs = new ArrayList<>(received.stream().map(WebhookServer.Received::body).toList());
		for (NotificationFormat format : NotificationFormat.values()) {
			NotificationPayloads rendered = new NotificationPayloads(format, this.platform, this.json);
			this.recorder.events.forEach((event) -> outputs.add(new String(rendered.body(event))));
		}
		outputs.add(output.getAll());
		for (String text : outputs) {
			Canary.assertNoPieceOf(text, KEY, SECRET, ROTATED_SECRET);
			Canary.assertNoPieceOf(text, WebhookServer.TOKEN);
		}
		assertThat(output).contains("CREDENTIAL LOST: KRAKEN_USER_TANIA_API_KEY");
		// Boot binds the stats (a MeterBinder) to the registry: no wiring needed for /actuator/prometheus.
		assertThat(this.meters.get(NotificationStats.METER).tag("result", "sent").functionCounter().count())
			.isEqualTo(this.stats.sent());
	}

	@Test
	void hangingWebhookDoesNotSlowChecks() {
		long usual = millis(this.checker::check);
		server.hang();
		int before = server.received().size();
		List<Long> durations = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			this.environment.values.remove(KEY_VARIABLE);
			durations.add(millis(this.checker::check));
			this.environment.values.put(KEY_VARIABLE, KEY);
			durations.add(millis(this.checker::check));
		}
		assertThat(this.recorder.events).hasSize(6);
		// A blocking listener would add the 2s timeout (and a 1.5s back-off) to each check.
		assertThat(durations).as("check durations (ms) with a hanging webhook; usual %d ms", usual)
			.allSatisfy((duration) -> assertThat(duration).isLessThan(usual + 1000));
		await().atMost(WAIT).until(() -> server.received().size() > before);
	}

	@Test
	void refusingWebhookDoesNotSlowChecksAndIsLoggedOncePerOutage(CapturedOutput output) throws IOException {
		long usual = millis(this.checker::check);
		long failedBefore = this.stats.failed();
		server.refuse();
		try {
			List<Long> durations = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				this.environment.values.remove(KEY_VARIABLE);
				durations.add(millis(this.checker::check));
				this.environment.values.put(KEY_VARIABLE, KEY);
				durations.add(millis(this.checker::check));
			}
			// A blocking listener would add the 1.5s back-off to each check.
			assertThat(durations).as("check durations (ms) with a refusing webhook; usual %d ms", usual)
				.allSatisfy((duration) -> assertThat(duration).isLessThan(usual + 1000));
			await().atMost(WAIT).until(() -> this.stats.failed() - failedBefore == 4);
		}
		finally {
			server.resume();
		}
		this.environment.values.remove(KEY_VARIABLE);
		this.checker.check();
		awaitIdle();
		String warning = "Notifications: webhook " + WebhookAddress.parse(server.url()) + " failed: ";
		assertThat(WebhookNotifierTests.countLines(output, warning)).isOne();
		assertThat(WebhookNotifierTests.countLines(output, "webhook delivering again")).isOne();
		assertThat(output).contains("4 notification(s) failed during the outage");
		Canary.assertNoPieceOf(output.getAll(), KEY, SECRET, ROTATED_SECRET);
		Canary.assertNoPieceOf(output.getAll(), WebhookServer.TOKEN);
	}

	private static long millis(Runnable action) {
		long started = System.nanoTime();
		action.run();
		return (System.nanoTime() - started) / 1_000_000;
	}

	private void awaitIdle() {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.stats.sent() + this.stats.failed() + this.stats.dropped() == this.recorder.total);
	}

	private static WebhookServer startServer() {
		try {
			return new WebhookServer();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		@Primary
		PlannedEnvironment plannedEnvironment() {
			return new PlannedEnvironment();
		}

		@Bean
		TransitionRecorder transitionRecorder() {
			return new TransitionRecorder();
		}

	}

	/** The process environment as the test plants it. */
	static class PlannedEnvironment implements EnvironmentVariables {

		final Map<String, String> values = new ConcurrentHashMap<>();

		@Override
		public Map<String, String> get() {
			return Map.copyOf(this.values);
		}

	}

	static class TransitionRecorder {

		final List<CredentialTransition> events = new CopyOnWriteArrayList<>();

		volatile long total;

		@EventListener
		void record(CredentialTransition transition) {
			this.events.add(transition);
			this.total++;
		}

	}

}
