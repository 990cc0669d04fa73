package io.credentialhealth.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code java -jar target/credential-health.jar verify} as operators and CI run it: a child process
 * with a controlled environment, real environment variables, exit codes and output, and a canary
 * that no planted secret leaks into any output.
 */
class VerifyCommandIT {

	private static final Path JAR = Path.of("target", "credential-health.jar");

	private static final List<String> timings = new ArrayList<>();

	@TempDir
	static Path directory;

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	static void jarIsBuilt() {
		assertThat(JAR).as("run after 'package' (failsafe does)").isRegularFile();
	}

	@AfterAll
	static void printTimings() {
		System.out.println("verify run times: " + String.join(", ", timings));
	}

	@Test
	void everyAccountConfiguredExitsZeroWithoutAServer() throws IOException {
		PlantedCredentials planted = new PlantedCredentials().all();
		// Occupy a port and point the server at it: a web server would fail to start here.
		try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Run text = run(planted.values(), "verify", "--server.port=" + occupied.getLocalPort());
			assertThat(text.exitCode()).as(text.toString()).isZero();
			assertThat(text.stdout()).contains("Master accounts configured: 3/3")
				.contains("User accounts configured: 3/3")
				.containsPattern("\\[ok\\] USER +alpaca-user-tania +Tania Gilbert \\(ALPACA\\) +ready")
				.contains("Result: READY")
				.doesNotContain("[!!]")
				.doesNotContain("How to fix");
			assertThat(text.stderr()).isEmpty();
			assertNoLeak(planted, text);
		}
		Run json = run(planted.values(), "verify", "--json");
		assertThat(json.exitCode()).as(json.toString()).isZero();
		JsonNode inventory = this.json.readTree(json.stdout());
		assertThat(inventory.get("schemaVersion").asInt()).isEqualTo(1);
		assertThat(inventory.get("ready").asBoolean()).isTrue();
		assertThat(inventory.at("/totals/master/configured").asInt()).isEqualTo(3);
		assertThat(inventory.at("/totals/user/total").asInt()).isEqualTo(3);
		assertThat(inventory.get("accounts")).hasSize(6)
			.allSatisfy((account) -> assertThat(account.get("state").asString()).isEqualTo("CONFIGURED"));
		assertNoLeak(planted, json);
	}

	@Test
	void missingAccountsExitOneWithNearMissesAndFixes() throws IOException {
		Path secrets = Files.createDirectories(directory.resolve("secrets"));
		PlantedCredentials planted = new PlantedCredentials().coinbase("COINBASE")
			.alpaca("ALPACA", "AK", null)
			.kraken("KRAKEN_USER_DAIVON")
			.put("kraken_master_api_key", PlantedCredentials.canary())
			.put("KRAKEN_USER_TANIA", PlantedCredentials.canary())
			.put("BINANCE_API_KEY", PlantedCredentials.canary());
		String fileSecret = PlantedCredentials.canary();
		Files.writeString(secrets.resolve("KRAKEN_USER_TANIA_API_SECRETS"), fileSecret + "\n");
		planted.put("SECRET_FILE_CANARY_NOT_IN_ENV", fileSecret);
		Map<String, String> environment = new java.util.LinkedHashMap<>(planted.values());
		environment.remove("SECRET_FILE_CANARY_NOT_IN_ENV");
		environment.putAll(Map.of("RAILWAY_ENVIRONMENT_NAME", "production", "RAILWAY_SERVICE_NAME", "bot",
				"RAILWAY_PROJECT_NAME", "trading", "RAILWAY_DEPLOYMENT_ID", "dep-42"));
		String secretFiles = "--credentials.secret-files-dir=" + secrets;

		Run text = run(environment, "verify", secretFiles);
		assertThat(text.exitCode()).as(text.toString()).isEqualTo(1);
		assertThat(text.stdout())
			.contains("Credential check on Railway: environment production, service bot, deployment dep-42")
			.contains("Master accounts configured: 2/3")
			.contains("User accounts configured: 1/3")
			.containsPattern("\\[ok\\] MASTER coinbase-master +Master \\(COINBASE\\) +ready")
			.containsPattern("\\[!!\\] MASTER kraken-master +Master \\(KRAKEN\\) +NOT CONFIGURED: "
					+ "KRAKEN_MASTER_API_KEY is not set; KRAKEN_MASTER_API_SECRET is not set")
			.contains("warning: found kraken_master_api_key, did you mean KRAKEN_MASTER_API_KEY?")
			.contains("warning: found KRAKEN_USER_TANIA, did you mean KRAKEN_USER_TANIA_API_KEY?")
			.contains("warning: found KRAKEN_USER_TANIA_API_SECRETS, did you mean KRAKEN_USER_TANIA_API_SECRET?")
			.contains("from secret file " + secrets.resolve("KRAKEN_USER_TANIA_API_SECRETS"))
			.contains("How to fix (Railway):")
			.contains("railway variable set KRAKEN_MASTER_API_KEY --stdin --service bot --environment production")
			.contains("railway variable set ALPACA_USER_TANIA_PAPER --stdin --service bot --environment production")
			.contains("credential-looking variables that no account registers: BINANCE_API_KEY (environment)")
			.contains("Result: NOT READY, 3 required accounts not configured")
			.doesNotContain("key preview");
		assertThat(text.stderr()).isEmpty();
		assertNoLeak(planted, text);

		Run verbose = run(environment, "verify", "--verbose", secretFiles);
		assertThat(verbose.exitCode()).as(verbose.toString()).isEqualTo(1);
		assertThat(verbose.stdout())
			.contains("key preview: " + planted.value("ALPACA_API_KEY").substring(0, 4) + "****")
			.contains("key preview: " + planted.value("KRAKEN_USER_DAIVON_API_KEY").substring(0, 4) + "****")
			.containsPattern("KRAKEN_USER_DAIVON_API_SECRET +secret +present +valid +source environment, fingerprint [0-9a-f]{16}")
			.containsPattern("KRAKEN_MASTER_API_KEY +key +missing +absent +source \\(none\\)");
		assertNoLeak(planted, verbose);

		Run json = run(environment, "verify", "--json", secretFiles);
		assertThat(json.exitCode()).as(json.toString()).isEqualTo(1);
		JsonNode inventory = this.json.readTree(json.stdout());
		assertThat(inventory.get("ready").asBoolean()).isFalse();
		assertThat(inventory.at("/platform/name").asString()).isEqualTo("railway");
		assertThat(inventory.at("/totals/master/configured").asInt()).isEqualTo(2);
		JsonNode kraken = inventory.get("accounts").get(1);
		assertThat(kraken.get("id").asString()).isEqualTo("kraken-master");
		assertThat(kraken.get("state").asString()).isEqualTo("NOT_CONFIGURED");
		assertThat(kraken.get("warnings").get(0).asString())
			.startsWith("found kraken_master_api_key, did you mean KRAKEN_MASTER_API_KEY?");
		assertThat(kraken.get("fixes").get(0).asString()).startsWith("railway variable set KRAKEN_MASTER_API_KEY");
		assertThat(inventory.get("problems").toString()).contains("BINANCE_API_KEY");
		assertThat(inventory.get("accounts").get(2).get("keyPreview").asString())
			.isEqualTo(planted.value("ALPACA_API_KEY").substring(0, 4) + "****");
		assertNoLeak(planted, json);
	}

	@Test
	void invalidAccountIdExitsTwoNamingTheProperty() {
		Run run = run(Map.of(), "verify", "--credentials.accounts.bad_id.broker=kraken",
				"--credentials.accounts.bad_id.role=master");
		assertInvalidConfiguration(run, "Invalid credential registry: credentials.accounts.bad_id has an invalid account id");
	}

	@Test
	void unknownBrokerExitsTwoNamingThePropertyAndTheAllowedValues() {
		Run run = run(Map.of(), "verify", "--credentials.accounts.binance-master.broker=binance",
				"--credentials.accounts.binance-master.role=master");
		assertInvalidConfiguration(run, "credentials.accounts.binance-master.broker");
		assertThat(run.stderr()).contains("allowed values: coinbase, kraken, alpaca, generic")
			.doesNotContain("binance,")
			.doesNotContain("\"binance\"");
	}

	@Test
	void constraintViolationExitsTwoNamingTheProperty() {
		Run run = run(Map.of("CREDENTIALS_ACCOUNTS_KRAKENUSERTANIA_USER", "x"), "verify",
				"--credentials.accounts.kraken-user-tania.user=Tania");
		assertInvalidConfiguration(run,
				"Invalid credential registry: credentials.accounts.kraken-user-tania.user must be lower-case letters");
		assertThat(run.stderr()).doesNotContain("Tania");
	}

	@Test
	void aLossSeenByVerifyNeverReachesTheWebhook() throws Exception {
		java.util.concurrent.atomic.AtomicInteger deliveries = new java.util.concurrent.atomic.AtomicInteger();
		com.sun.net.httpserver.HttpServer webhook = com.sun.net.httpserver.HttpServer
			.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
		webhook.createContext("/hook", (exchange) -> {
			deliveries.incrementAndGet();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		webhook.start();
		try {
			Map<String, String> env = new java.util.HashMap<>(io.credentialhealth.support.TestCredentials.kraken("KRAKEN_MASTER"));
			env.put("CREDENTIALS_NOTIFY_WEBHOOK_URL", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
			Path state = directory.resolve("state").resolve("webhook-" + System.nanoTime() + ".json");
			assertThat(run(env, state, "verify").exitCode()).isEqualTo(1);
			env.remove("KRAKEN_MASTER_API_KEY");
			Run lost = run(env, state, "verify", "--json");
			assertThat(lost.exitCode()).isEqualTo(1);
			assertThat(lost.stdout()).as("the second run saw the loss").contains("\"LOST\"");
			Thread.sleep(500);
			assertThat(deliveries.get()).as("webhook deliveries from verify").isZero();
		}
		finally {
			webhook.stop(0);
		}
	}

	@Test
	void unknownArgumentExitsWithUsage() {
		Run run = run(Map.of(), "verify", "--jsn");
		assertThat(run.exitCode()).isEqualTo(64);
		assertThat(run.stdout()).isEmpty();
		assertThat(run.stderr()).startsWith("verify: argument '--jsn' is not understood").contains("Usage:");
	}

	private static void assertInvalidConfiguration(Run run, String expected) {
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.stdout()).isEmpty();
		assertThat(run.stderr()).contains(expected).doesNotContain("\tat ").doesNotContain("Exception");
		assertThat(run.stderr().strip().lines()).as("one line").hasSize(1);
	}

	private static void assertNoLeak(PlantedCredentials planted, Run run) {
		String output = run.stdout() + run.stderr();
		for (String fragment : planted.forbiddenFragments()) {
			if (output.contains(fragment)) {
				int at = output.indexOf(fragment);
				// The planted values are random and exist only in this test: showing the context is safe.
				fail("output of " + run.args() + " contains 8 characters of a planted secret at " + at + ": ..."
						+ output.substring(Math.max(0, at - 40), Math.min(output.length(), at + 48)) + "...");
			}
		}
	}

	private static Run run(Map<String, String> planted, String... args) {
		return run(planted, directory.resolve("state").resolve(System.nanoTime() + ".json"), args);
	}

	private static Run run(Map<String, String> planted, Path stateFile, String... args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// C1 only: the same behaviour at half the start-up CPU (docs/verify.md recommends it too).
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-jar");
		command.add(JAR.toAbsolutePath().toString());
		command.addAll(List.of(args));
		command.add("--credentials.state-file=" + stateFile);
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
		Map<String, String> environment = builder.environment();
		environment.clear();
		environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
		environment.put("HOME", directory.toString());
		environment.put("JAVA_HOME", System.getProperty("java.home"));
		environment.putAll(planted);
		try {
			Path out = Files.createTempFile(directory, "stdout", ".txt");
			Path err = Files.createTempFile(directory, "stderr", ".txt");
			builder.redirectOutput(out.toFile()).redirectError(err.toFile());
			long started = System.nanoTime();
			Process process = builder.start();
			if (!process.waitFor(180, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				fail("verify did not finish within 180 s: " + List.of(args));
			}
			long millis = (System.nanoTime() - started) / 1_000_000;
			synchronized (timings) {
				timings.add(millis + " ms");
			}
			return new Run(List.of(args), process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8), millis);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Run(List<String> args, int exitCode, String stdout, String stderr, long millis) {

		/** For assertion messages (planted values are random and test-only). */
		@Override
		public String toString() {
			return this.args + " exited " + this.exitCode + " after " + this.millis + " ms\nstdout: " + this.stdout + "\nstderr: " + this.stderr;
		}

	}

}
