package io.credentialhealth.broker.verify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.credentialhealth.source.EnvironmentVariables;
import io.credentialhealth.support.Canary;
import io.credentialhealth.support.TestCredentials;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.credentialhealth.support.InventoryJson.account;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real application with live verification on, every broker a local stub: kraken-master's key is
 * unknown to Kraken (REJECTED), kraken-user-daivon's calls hang (UNREACHABLE), kraken-user-tania is
 * refused and then rotated, alpaca-master is accepted, Coinbase answers 429 with Retry-After, and
 * alpaca-user-tania is switched off by its override. A one-second interval shows that nothing is
 * called sooner than a retryAfter asks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "credentials.state-file=target/test-state/${random.uuid}.json", "credentials.check-interval=1h",
				"credentials.verify.enabled=true", "credentials.verify.interval=1s", "credentials.verify.jitter=0s",
				"credentials.verify.max-backoff=4s", "credentials.verify.connect-timeout=1s",
				"credentials.verify.read-timeout=5s", "credentials.verify.accounts.alpaca-user-tania.enabled=false",
				"logging.level.io.credentialhealth=DEBUG" })
@Import(LiveVerificationTest.Environment.class)
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class LiveVerificationTest {

	static final Map<String, String> ENV = new ConcurrentHashMap<>(TestCredentials.all());

	/** Every key and secret ever planted, including the rotated ones, for the canary. */
	static final List<String> PLANTED_KEYS = new CopyOnWriteArrayList<>(planted("_API_KEY"));

	static final List<String> PLANTED_SECRETS = new CopyOnWriteArrayList<>(planted("_API_SECRET"));

	static final String DAIVON_KEY = ENV.get("KRAKEN_USER_DAIVON_API_KEY");

	static final BrokerStubs STUBS = new BrokerStubs();

	static {
		STUBS.krakenHangs.put(DAIVON_KEY, 10_000L);
		STUBS.alpacaKeys.put(ENV.get("ALPACA_API_KEY"), ENV.get("ALPACA_API_SECRET"));
		STUBS.alpacaKeys.put(ENV.get("ALPACA_USER_TANIA_API_KEY"), ENV.get("ALPACA_USER_TANIA_API_SECRET"));
	}

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final List<String> responses = new ArrayList<>();

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void brokers(DynamicPropertyRegistry registry) {
		STUBS.properties().forEach((name, value) -> registry.add(name, () -> value));
	}

	@AfterAll
	static void stopStubs() {
		STUBS.close();
		STUBS.all().forEach((stub) -> assertThat(stub.failures()).isEmpty());
	}

	@Test
	void aKeyTheBrokerRefusesMakesTheRequiredAccountRejectedAndReadinessFail(CapturedOutput output) throws Exception {
		JsonNode health = awaitAccount("kraken-master", (details) -> details.get("state").asString().equals("REJECTED"));
		assertThat(health.get("status").asString()).isEqualTo("DOWN");
		JsonNode verification = health.get("details").get("verification");
		assertThat(verification.get("result").asString()).isEqualTo("REJECTED");
		assertThat(verification.get("reason").asString())
			.isEqualTo("Kraken refused the key: EAPI:Invalid key. It was probably rotated or revoked.");
		assertThat(verification.has("lastAttempt")).isTrue();
		assertThat(verification.has("lastVerified")).isFalse();
		assertThat(Instant.parse(verification.get("nextAttempt").asString()))
			.isAfter(Instant.now().plus(Duration.ofMinutes(50)));
		assertThat(texts(health.get("details").get("problems"))).containsExactly("Kraken refused the key: "
				+ "EAPI:Invalid key. It was probably rotated or revoked; not verified since this service started");
		Response readiness = get("/actuator/health/readiness");
		assertThat(readiness.code()).isEqualTo(503);
		assertThat(readiness.json().get("status").asString()).isEqualTo("DOWN");
		// Recorded from the event, which the TransitionLogger turns into exactly one line: the line
		// itself may be logged while an earlier test method runs, outside this method's output capture.
		await(() -> rejections("kraken-master").size() == 1);
		assertThat(rejections("kraken-master")).as("announced once").singleElement()
			.satisfies((event) -> assertThat(io.credentialhealth.check.TransitionLogger.format(event)).startsWith(
					"CREDENTIAL REJECTED: KRAKEN_MASTER_API_KEY (kraken-master, Master) "
							+ "was refused by the broker: Kraken refused the key: EAPI:Invalid key."));
		JsonNode inventory = account(get("/actuator/credentials").json(), "kraken-master");
		assertThat(inventory.get("state").asString()).isEqualTo("REJECTED");
		assertThat(inventory.get("verification").get("result").asString()).isEqualTo("REJECTED");
		assertThat(counter("kraken-master", "rejected")).isEqualTo(1);
		assertThat(lastVerified("kraken-master")).isZero();
	}

	@Test
	void aKeyTheBrokerAcceptsIsVerified() throws Exception {
		JsonNode health = awaitAccount("alpaca-master", (details) -> details.has("verification")
				&& details.get("verification").get("result").asString().equals("VERIFIED"));
		assertThat(health.get("status").asString()).isEqualTo("UP");
		JsonNode verification = health.get("details").get("verification");
		assertThat(verification.get("reason").asString()).isEqualTo("Alpaca accepted the key on the live endpoint.");
		Instant lastVerified = Instant.parse(verification.get("lastVerified").asString());
		assertThat(lastVerified).isBetween(Instant.now().minusSeconds(60), Instant.now());
		assertThat(verification.get("permissions").get("can_trade").asBoolean()).isTrue();
		assertThat(verification.get("permissions").get("can_transfer").asBoolean()).isFalse();
		JsonNode inventory = account(get("/actuator/credentials").json(), "alpaca-master").get("verification");
		assertThat(inventory.get("result").asString()).isEqualTo("VERIFIED");
		assertThat(inventory.get("lastVerified").isNull()).isFalse();
		assertThat(lastVerified("alpaca-master")).isGreaterThan(0);
		assertThat(counter("alpaca-master", "verified")).isGreaterThanOrEqualTo(1);
		assertThat(STUBS.alpacaLive.requests()).isNotEmpty();
	}

	@Test
	void aHangingBrokerNeverBlocksReadinessNorRejectsTheKey() throws Exception {
		get("/actuator/health/readiness"); // warm up: measure the indicator, not the first request of a cold JVM
		post("/actuator/credentials");
		int before = STUBS.krakenCalls(DAIVON_KEY).size();
		await(() -> STUBS.krakenCalls(DAIVON_KEY).size() > before, Duration.ofSeconds(20));
		long hangStarted = System.nanoTime();
		long slowest = 0;
		for (int i = 0; i < 10; i++) {
			long started = System.nanoTime();
			Response readiness = get("/actuator/health/readiness");
			slowest = Math.max(slowest, System.nanoTime() - started);
			assertThat(readiness.code()).isIn(200, 503);
		}
		// Checks while the call hangs: none of them may start a second call for the same account.
		post("/actuator/credentials");
		post("/actuator/credentials");
		long measuredWithin = System.nanoTime() - hangStarted;
		assertThat(Duration.ofNanos(measuredWithin)).as("measured while the call was still hanging")
			.isLessThan(Duration.ofMillis(4500));
		assertThat(Duration.ofNanos(slowest)).as("slowest readiness answer while a broker hangs")
			.isLessThan(Duration.ofSeconds(1));
		assertThat(STUBS.krakenCalls(DAIVON_KEY)).as("one call in flight per account").hasSize(before + 1);
		System.out.println("readiness while the verifier hangs: slowest of 10 answers " + slowest / 1_000_000 + " ms");
		JsonNode health = awaitAccount("kraken-user-daivon", (details) -> details.has("verification")
				&& details.get("verification").get("result").asString().equals("UNREACHABLE"));
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("details").get("state").asString()).isEqualTo("CONFIGURED");
		assertThat(health.get("details").get("verification").get("reason").asString())
			.isEqualTo("Kraken could not be reached: no answer within 5 s.");
		assertThat(texts(health.get("details").get("problems"))).isEmpty();
		assertThat(counter("kraken-user-daivon", "unreachable")).isGreaterThanOrEqualTo(1);
		assertThat(counter("kraken-user-daivon", "rejected")).isZero();
	}

	@Test
	void theOverrideLeavesOneAccountAlone() throws Exception {
		awaitAccount("alpaca-master", (details) -> details.has("verification")
				&& details.get("verification").get("result").asString().equals("VERIFIED"));
		assertThat(STUBS.alpacaPaper.requests()).isEmpty();
		JsonNode health = get("/actuator/health/credentials/alpaca-user-tania").json();
		assertThat(health.get("details").get("state").asString()).isEqualTo("CONFIGURED");
		assertThat(health.get("details").has("verification")).isFalse();
		assertThat(account(get("/actuator/credentials").json(), "alpaca-user-tania").get("verification").isNull())
			.isTrue();
		assertThat(this.meters.find(VerificationMetrics.VERIFICATIONS).tag("account", "alpaca-user-tania").counters())
			.isEmpty();
	}

	@Test
	void noAccountIsCalledAgainBeforeItsRetryAfter() throws Exception {
		JsonNode coinbase = awaitAccount("coinbase-master", (details) -> details.has("verification")
				&& details.get("verification").has("lastAttempt"));
		JsonNode verification = coinbase.get("details").get("verification");
		assertThat(verification.get("result").asString()).isEqualTo("UNVERIFIED");
		assertThat(verification.get("reason").asString()).contains("HTTP 429");
		assertThat(Instant.parse(verification.get("nextAttempt").asString()))
			.isAfter(Instant.now().plus(Duration.ofMinutes(9)));
		assertThat(coinbase.get("status").asString()).isEqualTo("UP");
		awaitAccount("kraken-master", (details) -> details.get("state").asString().equals("REJECTED"));
		// Three intervals of one second: an account without a retryAfter would have been called again.
		Thread.sleep(3000);
		assertThat(STUBS.coinbase.requests()).hasSize(1);
		assertThat(STUBS.krakenCalls(ENV.get("KRAKEN_MASTER_API_KEY"))).hasSize(1);
		assertThat(counter("coinbase-master", "unverified")).isEqualTo(1);
	}

	@Test
	void aRotatedKeyClearsTheRejectionAndIsVerifiedRightAway() throws Exception {
		String oldKey = ENV.get("KRAKEN_USER_TANIA_API_KEY");
		awaitAccount("kraken-user-tania", (details) -> details.get("state").asString().equals("REJECTED"));
		String newKey = TestCredentials.base64(42);
		String newSecret = TestCredentials.base64(64);
		PLANTED_KEYS.add(newKey);
		PLANTED_SECRETS.add(newSecret);
		STUBS.krakenKeys.put(newKey, newSecret);
		ENV.put("KRAKEN_USER_TANIA_API_KEY", newKey);
		ENV.put("KRAKEN_USER_TANIA_API_SECRET", newSecret);
		long rotated = System.nanoTime();
		JsonNode tania = account(post("/actuator/credentials").json(), "kraken-user-tania");
		assertThat(tania.get("state").asString()).isEqualTo("CONFIGURED");
		assertThat(tania.get("problems").isEmpty()).isTrue();
		assertThat(tania.get("verification").get("result").asString()).isEqualTo("UNVERIFIED");
		assertThat(tania.get("verification").get("reason").asString())
			.startsWith("The credentials changed after the last live verification (REJECTED at ");
		JsonNode health = awaitAccount("kraken-user-tania", (details) -> details.has("verification")
				&& details.get("verification").get("result").asString().equals("VERIFIED"));
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("details").get("verification").get("permissions").get("query_funds").asBoolean())
			.isTrue();
		Duration untilVerified = Duration.ofNanos(System.nanoTime() - rotated);
		System.out.println("rotated key verified after " + untilVerified.toMillis() + " ms");
		assertThat(untilVerified).isLessThan(Duration.ofSeconds(10));
		assertThat(STUBS.krakenCalls(oldKey)).as("the refused key waits for its retryAfter").hasSize(1);
	}

	@AfterEach
	void nothingLeaked(CapturedOutput output) throws Exception {
		get("/actuator/health");
		get("/actuator/credentials");
		String everything = String.join("\n", this.responses) + "\n" + output.getAll();
		Canary.assertNoLeak(everything, PLANTED_SECRETS);
		PLANTED_KEYS.forEach((key) -> Canary.assertKeyMasked(everything, key));
	}

	private static List<String> planted(String suffix) {
		return ENV.entrySet().stream().filter((e) -> e.getKey().endsWith(suffix)).map(Map.Entry::getValue).toList();
	}

	private double counter(String account, String result) {
		return this.meters.get(VerificationMetrics.VERIFICATIONS).tag("account", account).tag("result", result)
			.counter()
			.count();
	}

	private double lastVerified(String account) {
		return this.meters.get(VerificationMetrics.LAST_VERIFIED).tag("account", account).gauge().value();
	}

	private JsonNode awaitAccount(String account, java.util.function.Predicate<JsonNode> condition) throws Exception {
		JsonNode[] last = new JsonNode[1];
		await(() -> {
			last[0] = get("/actuator/health/credentials/" + account).json();
			return condition.test(last[0].get("details"));
		});
		return last[0];
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.asString()));
		return texts;
	}

	private void await(CheckedCondition condition) throws Exception {
		await(condition, Duration.ofSeconds(15));
	}

	private void await(CheckedCondition condition, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.met()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within " + timeout.toSeconds() + " s; last responses: "
						+ this.responses.subList(Math.max(0, this.responses.size() - 2), this.responses.size()));
			}
			Thread.sleep(50);
		}
	}

	private Response get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET().build());
	}

	private Response post(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
	}

	private Response send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		this.responses.add(response.body());
		return new Response(response.statusCode(), json.readTree(response.body()));
	}

	@FunctionalInterface
	interface CheckedCondition {

		boolean met() throws Exception;

	}

	record Response(int code, JsonNode json) {
	}

	static final List<io.credentialhealth.check.CredentialTransition> TRANSITIONS = new CopyOnWriteArrayList<>();

	private static List<io.credentialhealth.check.CredentialTransition> rejections(String account) {
		return TRANSITIONS.stream()
			.filter((event) -> event.account().equals(account)
					&& event.transition() == io.credentialhealth.check.Transition.REJECTED)
			.toList();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Environment {

		@org.springframework.context.event.EventListener
		void record(io.credentialhealth.check.CredentialTransition transition) {
			TRANSITIONS.add(transition);
		}

		@Bean
		@Primary
		EnvironmentVariables testEnvironment() {
			return () -> new HashMap<>(ENV);
		}

	}

}
