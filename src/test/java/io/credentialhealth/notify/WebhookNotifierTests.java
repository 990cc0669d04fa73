package io.credentialhealth.notify;

import java.time.Duration;
import java.util.List;

import io.credentialhealth.check.Transition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class WebhookNotifierTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final JsonMapper json = JsonMapper.builder().build();

	private final WebhookServer server = newServer();

	private WebhookNotifier notifier;

	@AfterEach
	void close() throws Exception {
		this.server.release();
		if (this.notifier != null) {
			this.notifier.destroy();
		}
		this.server.close();
	}

	@Test
	void postsEachFormatAsJson() {
		for (NotificationFormat format : NotificationFormat.values()) {
			WebhookNotifier notifier = notifier(this.server.url(), format, "2s", 1, "10ms", 10);
			notifier.onTransition(Transitions.lost());
			try {
				notifier.destroy();
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
			assertThat(notifier.stats().sent()).isOne();
		}
		List<WebhookServer.Received> received = this.server.received();
		assertThat(received).hasSize(3);
		received.forEach((request) -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo(WebhookServer.PATH);
			assertThat(request.contentType()).isEqualTo("application/json");
		});
		assertThat(this.json.readTree(received.get(0).body()).get("blocks")).isNotNull();
		assertThat(this.json.readTree(received.get(1).body()).get("embeds")).isNotNull();
		assertThat(this.json.readTree(received.get(2).body()).get("transition").asString()).isEqualTo("LOST");
	}

	@Test
	void retriesWithExponentialBackoffThenSucceeds(CapturedOutput output) {
		this.server.answer(500, 503, 429);
		this.notifier = notifier(this.server.url(), NotificationFormat.JSON, "2s", 4, "150ms", 10);
		this.notifier.onTransition(Transitions.lost());
		await().atMost(WAIT).until(() -> this.notifier.stats().sent() == 1);
		List<WebhookServer.Received> received = this.server.received();
		assertThat(received).hasSize(4);
		assertThat(gapMillis(received, 1)).isGreaterThanOrEqualTo(150);
		assertThat(gapMillis(received, 2)).isGreaterThanOrEqualTo(300);
		assertThat(gapMillis(received, 3)).isGreaterThanOrEqualTo(600);
		assertThat(received).extracting(WebhookServer.Received::body).containsOnly(received.get(0).body());
		assertThat(this.notifier.stats().failed()).isZero();
		assertThat(this.notifier.stats().retries()).isEqualTo(3);
		// Recovered within one notification: no outage to report.
		assertThat(output).doesNotContain("failed:").doesNotContain("delivering again");
	}

	@Test
	void honoursRetryAfter() {
		this.server.answer(429);
		this.server.retryAfter("0.5");
		this.notifier = notifier(this.server.url(), NotificationFormat.JSON, "2s", 2, "10ms", 10);
		this.notifier.onTransition(Transitions.lost());
		await().atMost(WAIT).until(() -> this.notifier.stats().sent() == 1);
		assertThat(gapMillis(this.server.received(), 1)).isGreaterThanOrEqualTo(500);
	}

	@Test
	void givesUpAfterMaxAttempts() {
		this.server.answer(500, 500, 500, 500, 500);
		this.notifier = notifier(this.server.url(), NotificationFormat.JSON, "2s", 3, "10ms", 10);
		this.notifier.onTransition(Transitions.lost());
		await().atMost(WAIT).until(() -> this.notifier.stats().failed() == 1);
		assertThat(this.server.received()).hasSize(3);
		assertThat(this.notifier.stats().sent()).isZero();
	}

	@Test
	void doesNotRetryWhatTheReceiverRefuses(CapturedOutput output) {
		this.server.answer(404);
		this.notifier = notifier(this.server.url(), NotificationFormat.JSON, "2s", 4, "10ms", 10);
		this.notifier.onTransition(Transitions.lost());
		await().atMost(WAIT).until(() -> this.notifier.stats().failed() == 1);
		assertThat(this.server.received()).hasSize(1);
		assertThat(output).contains("failed: HTTP 404 \"error 404\" after 1 attempt(s)");
	}

	@Test
	void hangingWebhookNeverBlocksTheListenerAndIsLoggedOncePerOutage(CapturedOutput output) {
		this.server.hang();
		this.notifier = notifier(this.server.url(), NotificationFormat.SLACK, "200ms", 2, "10ms", 100);
		long started = System.nanoTime();
		for (int i = 0; i < 5; i++) {
			this.notifier.onTransition(Transitions.lost());
		}
		long listenerMillis = (System.nanoTime() - started) / 1_000_000;
		assertThat(listenerMillis).as("listener time for 5 events, webhook hanging").isLessThan(200);
		await().atMost(WAIT).until(() -> this.notifier.stats().failed() == 5);
		assertThat(output).contains("no answer within 200ms after 2 attempt(s)");
		assertThat(countLines(output, "Notifications: webhook http://127.0.0.1:")).isOne();
		assertThat(output).doesNotContain(WebhookServer.TOKEN).doesNotContain("T0CANARY");

		this.server.release();
		this.notifier.onTransition(Transitions.of(Transition.RESTORED, "valid again"));
		await().atMost(WAIT).until(() -> this.notifier.stats().sent() == 1);
		assertThat(countLines(output, "webhook delivering again")).isOne();
		assertThat(output).contains("webhook delivering again (http://127.0.0.1:" + port() + "/…); 5 notification(s) failed");

		// A second outage is reported again, once.
		this.server.answer(500, 500);
		this.notifier.onTransition(Transitions.lost());
		await().atMost(WAIT).until(() -> this.notifier.stats().failed() == 6);
		assertThat(countLines(output, "Notifications: webhook http://127.0.0.1:")).isEqualTo(2);
	}

	@Test
	void refusingWebhookNeverBlocksTheListenerAndIsLoggedOncePerOutage(CapturedOutput output) throws Exception {
		String url = WebhookServer.refusingUrl();
		this.notifier = notifier(url, NotificationFormat.DISCORD, "1s", 4, "20ms", 100);
		long started = System.nanoTime();
		for (int i = 0; i < 4; i++) {
			this.notifier.onTransition(Transitions.lost());
		}
		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(200);
		await().atMost(WAIT).until(() -> this.notifier.stats().failed() == 4);
		assertThat(countLines(output, "failed: connection refused after 4 attempt(s)")).isOne();
		assertThat(output).doesNotContain(WebhookServer.TOKEN);
	}

	@Test
	void fullQueueDropsAndCounts(CapturedOutput output) {
		this.server.hang();
		this.notifier = notifier(this.server.url(), NotificationFormat.JSON, "5s", 1, "10ms", 2);
		this.notifier.onTransition(Transitions.lost());
		await().atMost(WAIT).until(() -> this.server.received().size() == 1);
		for (int i = 0; i < 5; i++) {
			this.notifier.onTransition(Transitions.lost());
		}
		assertThat(this.notifier.queued()).isEqualTo(2);
		assertThat(this.notifier.stats().dropped()).isEqualTo(3);
		assertThat(countLines(output, "Notification queue full")).isOne();
	}

	@Test
	void shutdownCountsWhatWasNotSent() throws Exception {
		this.server.hang();
		WebhookNotifier notifier = notifier(this.server.url(), NotificationFormat.JSON, "300ms", 1, "10ms", 10);
		notifier.onTransition(Transitions.lost());
		await().atMost(WAIT).until(() -> this.server.received().size() == 1);
		notifier.onTransition(Transitions.lost());
		notifier.onTransition(Transitions.lost());
		long started = System.nanoTime();
		notifier.destroy();
		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2000);
		assertThat(notifier.stats().sent() + notifier.stats().failed() + notifier.stats().dropped()).isEqualTo(3);
		notifier.onTransition(Transitions.lost());
		assertThat(notifier.stats().dropped()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void startupLineNamesOnlySchemeAndHost(CapturedOutput output) {
		this.notifier = notifier(this.server.url(), NotificationFormat.SLACK, "5s", 4, "1s", 100);
		assertThat(output).contains("Notifications on: slack webhook http://127.0.0.1:" + port() + "/… (timeout 5000ms, 4 attempts")
			.doesNotContain(WebhookServer.TOKEN)
			.doesNotContain("/services/");
	}

	private WebhookNotifier notifier(String url, NotificationFormat format, String timeout, int attempts,
			String backoff, int capacity) {
		NotifyProperties properties = new NotifyProperties(url, format, duration(timeout), attempts, duration(backoff),
				capacity);
		return new WebhookNotifier(properties, new NotificationPayloads(format, Transitions.RAILWAY, this.json),
				new NotificationStats());
	}

	private static Duration duration(String text) {
		return org.springframework.boot.convert.DurationStyle.detectAndParse(text);
	}

	private int port() {
		return java.net.URI.create(this.server.url()).getPort();
	}

	private static long gapMillis(List<WebhookServer.Received> received, int index) {
		return (received.get(index).nanos() - received.get(index - 1).nanos()) / 1_000_000;
	}

	static long countLines(CapturedOutput output, String text) {
		return output.getAll().lines().filter((line) -> line.contains(text)).count();
	}

	private static WebhookServer newServer() {
		try {
			return new WebhookServer();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
