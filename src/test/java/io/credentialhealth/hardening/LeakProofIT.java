package io.credentialhealth.hardening;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.credentialhealth.support.Canary;
import io.credentialhealth.support.RunningJar;
import io.credentialhealth.support.TestCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leak-proofing suite: canary keys and secrets planted in every source (environment, secret
 * files, .env), every feature driven (every state and transition, broker verification against
 * stubs, webhooks, the status page, the verify command in text and JSON) and every output searched:
 * each exposed HTTP path, the log at DEBUG, the state file, metrics, webhook payloads and the CLI.
 * Zero hits, and no piece of 8 or more characters of any secret; keys show at most 4 characters.
 */
class LeakProofIT {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final List<String> webhookPayloads = new CopyOnWriteArrayList<>();

	private final List<String> outputs = new ArrayList<>();

	private HttpServer stubs;

	@TempDir
	Path work;

	@AfterEach
	void stopStubs() {
		if (this.stubs != null) {
			this.stubs.stop(0);
		}
	}

	@Test
	void noSecretLeavesThroughAnyOutput() throws Exception {
		Map<String, String> planted = TestCredentials.all();
		Map<String, String> secrets = new LinkedHashMap<>();
		planted.forEach((name, value) -> {
			if (name.endsWith("_SECRET")) {
				secrets.put(name, value);
			}
		});
		String rotatedSecret = TestCredentials.base64(64);
		String nearMissValue = TestCredentials.base64(42);
		String unregisteredValue = "sk-" + TestCredentials.alnum(40);
		secrets.put("rotated", rotatedSecret);
		secrets.put("near-miss", nearMissValue);
		secrets.put("unregistered", unregisteredValue);

		// Environment: the masters, plus a near-miss name and an unregistered credential-looking one.
		Map<String, String> env = new HashMap<>();
		for (String name : List.of("COINBASE_API_KEY", "COINBASE_API_SECRET", "KRAKEN_MASTER_API_KEY",
				"KRAKEN_MASTER_API_SECRET", "ALPACA_API_KEY", "ALPACA_API_SECRET")) {
			env.put(name, planted.get(name));
		}
		env.put("KRAKEN_USER_DAIVON", nearMissValue);
		env.put("OPENAI_API_KEY", unregisteredValue);
		// Secret files: the Kraken users. Daivon's key is only there under a near-miss name (NOT_CONFIGURED).
		Path secretFiles = Files.createDirectory(this.work.resolve("secrets"));
		for (String name : List.of("KRAKEN_USER_DAIVON_API_SECRET", "KRAKEN_USER_TANIA_API_KEY",
				"KRAKEN_USER_TANIA_API_SECRET")) {
			Files.writeString(secretFiles.resolve(name), planted.get(name) + "\n");
		}
		// .env: Tania's Alpaca account.
		Path dotenv = this.work.resolve(".env");
		Files.writeString(dotenv, "ALPACA_USER_TANIA_API_KEY=" + planted.get("ALPACA_USER_TANIA_API_KEY")
				+ "\nALPACA_USER_TANIA_API_SECRET=\"" + planted.get("ALPACA_USER_TANIA_API_SECRET")
				+ "\"\nALPACA_USER_TANIA_PAPER=true\n");
		int stubPort = startStubs();
		String stub = "http://127.0.0.1:" + stubPort;
		Path stateFile = this.work.resolve("data/state.json");
		// The secret is rewritten in place and checked at once: whether the directory watch has reported the
		// rewrite by then is a race this test is not about (SecretFilesWatchTest is), so every check reads every file.
		List<String> args = List.of("--credentials.secret-files-dir=" + secretFiles, "--credentials.dotenv-file=" + dotenv,
				"--credentials.secret-files-full-read-interval=0",
				"--credentials.state-file=" + stateFile, "--credentials.check-interval=2s",
				"--logging.level.root=DEBUG", "--credentials.notify.webhook-url=" + stub + "/hook",
				"--credentials.verify.enabled=true", "--credentials.verify.interval=2s",
				"--credentials.verify.kraken.base-url=" + stub, "--credentials.verify.alpaca.live-base-url=" + stub,
				"--credentials.verify.alpaca.paper-base-url=" + stub, "--credentials.verify.coinbase.base-url=" + stub);

		try (RunningJar jar = RunningJar.start(env, args, this.work)) {
			// REJECTED: the Kraken stub refuses every key.
			await(jar, "kraken-master", (details) -> "REJECTED".equals(details.path("state").asString()));
			readEverything(jar);
			// LOST, then RESTORED, ROTATED and INVALID through the secret files.
			Path taniaSecret = secretFiles.resolve("KRAKEN_USER_TANIA_API_SECRET");
			Files.delete(taniaSecret);
			this.outputs.add(jar.post("/actuator/credentials").body());
			readEverything(jar);
			Files.writeString(taniaSecret, planted.get("KRAKEN_USER_TANIA_API_SECRET"));
			this.outputs.add(jar.post("/actuator/credentials").body());
			Files.writeString(taniaSecret, rotatedSecret);
			this.outputs.add(jar.post("/actuator/credentials").body());
			readEverything(jar);
			Files.writeString(taniaSecret, "'" + rotatedSecret + "'");
			this.outputs.add(jar.post("/actuator/credentials").body());
			readEverything(jar);
			awaitWebhooks(4);
			jar.close();
			this.outputs.add(jar.output());
			String log = jar.output();
			assertThat(log).contains("CREDENTIAL LOST: KRAKEN_USER_TANIA_API_SECRET", "CREDENTIAL RESTORED: KRAKEN_USER_TANIA_API_SECRET",
					"CREDENTIAL ROTATED: KRAKEN_USER_TANIA_API_SECRET", "CREDENTIAL INVALID: KRAKEN_USER_TANIA_API_SECRET",
					"CREDENTIAL REJECTED: KRAKEN_MASTER_API_KEY", "DEBUG");
		}
		this.outputs.add(Files.readString(stateFile));
		this.outputs.addAll(this.webhookPayloads);
		for (List<String> mode : List.of(List.<String>of(), List.of("--json"), List.of("--verbose"))) {
			this.outputs.add(runVerify(env, secretFiles, dotenv, stateFile, mode));
		}

		String everything = String.join("\n----\n", this.outputs);
		assertThat(everything).contains("KRAKEN_USER_TANIA_API_SECRET").contains("found KRAKEN_USER_DAIVON");
		assertThat(this.webhookPayloads).isNotEmpty();
		Canary.assertNoLeak(everything, secrets.values());
		planted.forEach((name, value) -> {
			if (name.endsWith("_API_KEY")) {
				Canary.assertKeyMasked(everything, value);
			}
		});
	}

	/** GET every exposed path, the status page and its assets, the error page and an unknown account. */
	private void readEverything(RunningJar jar) throws IOException {
		for (String path : List.of("/", "/status.css", "/status.js", "/actuator", "/actuator/health",
				"/actuator/health/readiness", "/actuator/health/liveness", "/readyz", "/livez",
				"/actuator/health/credentials", "/actuator/health/credentials/kraken-master",
				"/actuator/health/credentials/kraken-user-tania", "/actuator/health/credentials/alpaca-user-tania",
				"/actuator/health/credentials/no-such-account", "/actuator/health/stateStore",
				"/actuator/health/credentialSources", "/actuator/info", "/actuator/prometheus",
				"/actuator/credentials", "/no-such-page")) {
			HttpResponse<String> response = jar.get(path);
			this.outputs.add(path + " " + response.statusCode() + " " + response.headers().map() + "\n" + response.body());
		}
	}

	private String runVerify(Map<String, String> env, Path secretFiles, Path dotenv, Path stateFile, List<String> mode)
			throws Exception {
		List<String> command = new ArrayList<>(List.of(RunningJar.javaCommand(), "-XX:TieredStopAtLevel=1", "-jar",
				RunningJar.JAR.toAbsolutePath().toString(), "verify"));
		command.addAll(mode);
		command.addAll(List.of("--credentials.secret-files-dir=" + secretFiles, "--credentials.dotenv-file=" + dotenv,
				"--credentials.state-file=" + stateFile));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.work.toFile()).redirectErrorStream(true);
		builder.environment().keySet().removeIf((name) -> !List.of("PATH", "HOME", "JAVA_HOME").contains(name));
		builder.environment().putAll(env);
		Process process = builder.start();
		String output;
		try (InputStream in = process.getInputStream()) {
			output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isEqualTo(1);
		return "verify " + mode + "\n" + output;
	}

	private int startStubs() throws IOException {
		this.stubs = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.stubs.createContext("/0/private/Balance", (exchange) -> answer(exchange, "{\"error\":[\"EAPI:Invalid key\"]}"));
		this.stubs.createContext("/v2/account", (exchange) -> answer(exchange, "{\"id\":\"acct\",\"status\":\"ACTIVE\"}"));
		this.stubs.createContext("/api/v3/brokerage/key_permissions",
				(exchange) -> answer(exchange, "{\"can_view\":true,\"can_trade\":true,\"can_transfer\":false}"));
		this.stubs.createContext("/hook", (exchange) -> {
			this.webhookPayloads.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			answer(exchange, "ok");
		});
		this.stubs.start();
		return this.stubs.getAddress().getPort();
	}

	private static void answer(HttpExchange exchange, String body) throws IOException {
		exchange.getRequestBody().readAllBytes();
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private void await(RunningJar jar, String account, Predicate<JsonNode> condition) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
		String last = "";
		while (System.nanoTime() < deadline) {
			last = jar.get("/actuator/health/credentials/" + account).body();
			if (condition.test(json.readTree(last).path("details"))) {
				this.outputs.add(last);
				return;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("condition not met for " + account + "; last: " + last);
	}

	private void awaitWebhooks(int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (this.webhookPayloads.size() < count && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(this.webhookPayloads.size()).isGreaterThanOrEqualTo(count);
	}

}
