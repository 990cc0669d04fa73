package io.credentialhealth.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.credentialhealth.support.ExternalTool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/wait-for-credentials.sh against a local server that answers like credential-health's
 * health endpoints: ready, a missing credential, still starting, unreachable. Run with the
 * system's sh (dash on Debian), as a bot's start command would.
 */
class WaitForCredentialsIT {

	private static final String CANARY = "SECRETCANARY-9f2b7c41d";

	private static final String UP = """
			{"details":{"broker":"kraken","problems":[],"state":"CONFIGURED","keyPreview":"KRAK****"},"status":"UP"}""";

	private static final String WARNING = """
			{"details":{"problems":[],"state":"MISSING","required":false},"status":"WARNING"}""";

	// Pretty-printed and with "status" last, as Jackson 3 sorts keys: the parser must not care.
	private static final String TANIA_DOWN = """
			{
			  "details" : {
			    "fixes" : [ "railway variable set KRAKEN_USER_TANIA_API_KEY --stdin" ],
			    "keyPreview" : "%s",
			    "problems" : [ "KRAKEN_USER_TANIA_API_KEY is not set", "KRAKEN_USER_TANIA_API_SECRET is not set" ],
			    "state" : "NOT_CONFIGURED",
			    "variables" : { "KRAKEN_USER_TANIA_API_KEY" : { "classification" : "missing" } }
			  },
			  "status" : "DOWN"
			}""".formatted(CANARY);

	private static final String READINESS_DOWN = """
			{"components":{"credentials":{"components":{"kraken-master":%s,"kraken-user-tania":%s},"status":"DOWN"},\
			"readinessState":{"status":"UP"}},"status":"DOWN"}""".formatted(UP, TANIA_DOWN);

	private static Path script;

	private HttpServer server;

	private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

	@BeforeAll
	static void tools() {
		ExternalTool.require("sh", "a POSIX shell");
		ExternalTool.require("curl", "apt-get install curl");
		script = DeployFiles.file("scripts/wait-for-credentials.sh");
	}

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void exitsZeroWhenEveryRequiredAccountIsUpOrWarning() throws Exception {
		answer("credentials/kraken-master", 200, UP);
		answer("credentials/alpaca-user-tania", 200, WARNING);
		Command.Result result = waitFor(Map.of(), "kraken-master,alpaca-user-tania");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.stdout()).contains("accounts ready: kraken-master, alpaca-user-tania");
	}

	@Test
	void readsTheAccountsFromTheEnvironmentWhenNoArgumentIsGiven() throws Exception {
		answer("credentials/kraken-master", 200, UP);
		answer("credentials/kraken-user-tania", 503, TANIA_DOWN);
		Command.Result result = waitFor(Map.of("CREDENTIAL_ACCOUNTS", "kraken-master, kraken-user-tania"));
		assertThat(result.exitCode()).isEqualTo(1);
	}

	@Test
	void missingCredentialFailsAtOnceWithAOneLineReasonAndNoValue() throws Exception {
		answer("credentials/kraken-master", 200, UP);
		answer("credentials/kraken-user-tania", 503, TANIA_DOWN);
		Command.Result result = waitFor(Map.of("CREDENTIAL_WAIT_SECONDS", "60"), "kraken-master", "kraken-user-tania");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.stderr().strip()).isEqualTo("credential-health: account kraken-user-tania is DOWN "
				+ "(NOT_CONFIGURED): KRAKEN_USER_TANIA_API_KEY is not set; KRAKEN_USER_TANIA_API_SECRET is not set");
		// A DOWN account is definitive: no retries, and nothing of the body but state and problems.
		assertThat(this.requests.get("credentials/kraken-user-tania").get()).isEqualTo(1);
		assertThat(result.output()).doesNotContain(CANARY).doesNotContain("railway variable set");
	}

	@Test
	void waitsWhileTheServiceStartsThenSucceeds() throws Exception {
		answer("credentials/kraken-master", 503, "{\"status\":\"OUT_OF_SERVICE\"}", 2);
		answer("credentials/kraken-master", 200, "{\"status\":\"UNKNOWN\",\"details\":{\"state\":\"NOT_CHECKED\"}}", 1);
		answer("credentials/kraken-master", 200, UP);
		Command.Result result = waitFor(Map.of(), "kraken-master");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(this.requests.get("credentials/kraken-master").get()).isEqualTo(4);
		assertThat(result.stderr()).contains("waiting").contains("not checked yet");
	}

	@Test
	void proxyErrorsAreRetriedLikeAnUnreachableService() throws Exception {
		answer("credentials/kraken-master", 502, "<html><body>Bad Gateway</body></html>", 1);
		answer("credentials/kraken-master", 200, UP);
		Command.Result result = waitFor(Map.of(), "kraken-master");
		assertThat(result.exitCode()).as(result.output()).isZero();
	}

	@Test
	void accountStillNotCheckedWhenTheWaitEndsIsNotReady() throws Exception {
		answer("credentials/kraken-master", 200, "{\"status\":\"UNKNOWN\"}");
		Command.Result result = waitFor(Map.of("CREDENTIAL_WAIT_SECONDS", "2"), "kraken-master");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(lastLine(result.stderr())).isEqualTo(
				"credential-health: not ready after 2 s: account kraken-master is UNKNOWN (not checked yet)");
	}

	@Test
	void unreachableServiceExitsThreeAfterTheBoundedWait() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		long started = System.nanoTime();
		Command.Result result = waitFor(Map.of("CREDENTIAL_HEALTH_URL", "http://127.0.0.1:" + closedPort,
				"CREDENTIAL_WAIT_SECONDS", "2"), "kraken-master", "kraken-user-tania");
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(result.exitCode()).isEqualTo(3);
		assertThat(lastLine(result.stderr())).startsWith("credential-health: no answer after 2 s: http://127.0.0.1:"
				+ closedPort + " is unreachable (");
		assertThat(took).isLessThan(Duration.ofSeconds(15));
	}

	@Test
	void readinessGroupIsUsedWhenNoAccountIsNamed() throws Exception {
		answer("readiness", 503, "{\"status\":\"OUT_OF_SERVICE\"}", 1);
		answer("readiness", 200, "{\"status\":\"UP\"}");
		Command.Result result = waitFor(Map.of());
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.stdout()).contains("readiness is UP");
	}

	@Test
	void readinessDownNamesTheFirstAccountThatIsDown() throws Exception {
		answer("readiness", 503, READINESS_DOWN);
		Command.Result result = waitFor(Map.of());
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.stderr().strip()).isEqualTo("credential-health: readiness is DOWN: account kraken-user-tania "
				+ "is DOWN (NOT_CONFIGURED): KRAKEN_USER_TANIA_API_KEY is not set; KRAKEN_USER_TANIA_API_SECRET is not set");
		assertThat(result.output()).doesNotContain(CANARY);
	}

	@Test
	void unknownAccountIsAConfigurationError() throws Exception {
		Command.Result result = waitFor(Map.of(), "kraken-user-tanya");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.stderr()).contains("no account 'kraken-user-tanya'");
	}

	@Test
	void badInputGetsAClearAnswer() throws Exception {
		assertThat(waitFor(Map.of(), "kraken/../x").stderr()).contains("invalid account id 'kraken/../x'");
		assertThat(waitFor(Map.of("CREDENTIAL_WAIT_SECONDS", "soon"), "a").exitCode()).isEqualTo(2);
		assertThat(waitFor(Map.of("CREDENTIAL_HEALTH_URL", "credential-health:8080"), "a").stderr())
			.contains("must start with http://");
		assertThat(waitFor(Map.of(), "--frobnicate").exitCode()).isEqualTo(2);
		Command.Result help = waitFor(Map.of(), "--help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.stdout()).contains("Exit status:");
		assertThat(this.requests).isEmpty();
	}

	private Command.Result waitFor(Map<String, String> environment, String... accounts) throws Exception {
		Map<String, String> env = new HashMap<>();
		env.put("CREDENTIAL_HEALTH_URL", "http://127.0.0.1:" + this.server.getAddress().getPort() + "/");
		env.put("CREDENTIAL_WAIT_SECONDS", "20");
		env.put("CREDENTIAL_WAIT_INTERVAL", "1");
		env.put("CREDENTIAL_ACCOUNTS", null);
		env.putAll(environment);
		List<String> command = new ArrayList<>(List.of("sh", script.toString()));
		command.addAll(List.of(accounts));
		return Command.of(command.toArray(String[]::new)).withEnvironment(env).withTimeout(Duration.ofSeconds(60)).run();
	}

	/** Queues an answer for a path below /actuator/health/, served {@code times} times. */
	private void answer(String path, int status, String body, int times) {
		List<Answer> queue = this.answers.computeIfAbsent(path, (key) -> new ArrayList<>());
		synchronized (queue) {
			queue.add(new Answer(status, body, new AtomicInteger(times)));
		}
	}

	/** The answer served from then on. */
	private void answer(String path, int status, String body) {
		answer(path, status, body, Integer.MAX_VALUE);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath().replaceFirst("^/actuator/health/", "");
		this.requests.computeIfAbsent(path, (key) -> new AtomicInteger()).incrementAndGet();
		Answer answer = next(path);
		byte[] body = (answer != null) ? answer.body().getBytes(StandardCharsets.UTF_8) : new byte[0];
		exchange.getResponseHeaders().add("Content-Type", "application/vnd.spring-boot.actuator.v3+json");
		exchange.sendResponseHeaders((answer != null) ? answer.status() : 404, (body.length > 0) ? body.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private Answer next(String path) {
		List<Answer> queue = this.answers.get(path);
		if (queue == null) {
			return null;
		}
		synchronized (queue) {
			for (Answer answer : queue) {
				if (answer.remaining().getAndDecrement() > 0) {
					return answer;
				}
			}
		}
		return null;
	}

	private static String lastLine(String text) {
		List<String> lines = text.strip().lines().toList();
		return lines.get(lines.size() - 1);
	}

	private record Answer(int status, String body, AtomicInteger remaining) {
	}

}
