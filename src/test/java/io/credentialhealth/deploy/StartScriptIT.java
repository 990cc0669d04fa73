package io.credentialhealth.deploy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.credentialhealth.support.ExternalTool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/build.sh and scripts/start.sh, the steps the Dockerfile runs, on the packaged jar: the
 * extracted layout with its class-data-sharing archive, and the plain jar from the repository root.
 */
class StartScriptIT {

	private static final String CANARY = "SECRETCANARY-5d1e8a7f3c";

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static Path appDir;

	@TempDir
	static Path work;

	@BeforeAll
	static void buildTheImageLayout() throws Exception {
		ExternalTool.require("sh", "a POSIX shell");
		assertThat(DeployFiles.file("target/credential-health.jar")).as("run after package").isRegularFile();
		appDir = DeployFiles.file("target/start-script-it/app");
		// The CDS training run must see none of the build's environment: were it to, Spring would
		// write this log file, and the planted value would be a credential of the run.
		Path leakedLog = work.resolve("leaked-build-environment.log");
		long started = System.nanoTime();
		Command.Result build = Command.of("sh", "scripts/build.sh")
			.withEnvironment(Map.of("SKIP_PACKAGE", "1", "APP_DIR", appDir.toString(), "LOGGING_FILE_NAME",
					leakedLog.toString(), "KRAKEN_USER_TANIA_API_SECRET", CANARY))
			.run();
		assertThat(build.exitCode()).as(build.output()).isZero();
		assertThat(build.output()).doesNotContain(CANARY);
		assertThat(leakedLog).doesNotExist();
		System.out.printf("build.sh (extract + CDS training) took %d ms%n", millisSince(started));
		assertThat(appDir.resolve("credential-health.jar")).isRegularFile();
		assertThat(appDir.resolve("lib")).isDirectory();
		assertThat(appDir.resolve("app.jsa")).isNotEmptyFile();
	}

	@Test
	void imageLayoutStartsOnThePlatformPortWithTheCdsArchive() throws Exception {
		int port = freePort();
		Map<String, String> env = cleanEnvironment();
		env.put("APP_DIR", appDir.toString());
		env.put("PORT", Integer.toString(port));
		// -Xshare:on makes the JVM refuse to start unless the archive maps: proof that CDS is used.
		Path classLog = work.resolve("class-load.log");
		env.put("JAVA_OPTS", "-Xshare:on -Xlog:class+load=info:file=" + classLog);
		env.put("KRAKEN_USER_TANIA_API_SECRET", CANARY);
		Started app = start(env, work);
		try {
			assertReadinessAnswers(port);
			// start.sh exec'd the JVM, so the process started is the JVM itself, with these flags.
			List<String> arguments = app.process().info().arguments().map(List::of).orElse(List.of());
			assertThat(arguments).contains("-XX:SharedArchiveFile=" + appDir.resolve("app.jsa"),
					"-XX:+UseSerialGC", "-XX:InitialRAMPercentage=10", "-XX:MaxRAMPercentage=50",
					"-XX:+ExitOnOutOfMemoryError", "-Dserver.port=" + port);
			// Only a check loads it: the training ran a whole start, not just the context refresh.
			assertThat(Files.readString(classLog, StandardCharsets.UTF_8))
				.containsPattern("CredentialChecker\\$AccountCheck source: shared objects file");
		}
		finally {
			stop(app);
		}
		assertThat(Files.readString(app.log(), StandardCharsets.UTF_8)).doesNotContain(CANARY);
	}

	@Test
	void repositoryRootStartsTheBuiltJarWithoutAnyConfiguration() throws Exception {
		int port = freePort();
		Map<String, String> env = cleanEnvironment();
		env.put("PORT", Integer.toString(port));
		Started app = start(env, DeployFiles.repoRoot());
		try {
			assertReadinessAnswers(port);
		}
		finally {
			stop(app);
		}
	}

	/**
	 * The gate as the platforms see it: started exactly as the Dockerfile starts it, readiness is
	 * 200 with every credential and 503 without one, well within Railway's 300 s window; the bot's
	 * gate script agrees, and says so in one line.
	 */
	@Test
	void readinessAndTheBotGateFollowTheCredentials() throws Exception {
		Map<String, String> planted = io.credentialhealth.support.TestCredentials.all();
		int port = freePort();
		Map<String, String> env = cleanEnvironment();
		env.put("APP_DIR", appDir.toString());
		env.put("PORT", Integer.toString(port));
		env.putAll(planted);
		Map<String, String> gate = Map.of("CREDENTIAL_HEALTH_URL", "http://127.0.0.1:" + port, "CREDENTIAL_WAIT_SECONDS",
				"90", "CREDENTIAL_WAIT_INTERVAL", "1");
		StringBuilder outputs = new StringBuilder();
		Started app = start(env, work);
		try {
			long started = System.nanoTime();
			Command.Result ready = Command.of("sh", "scripts/wait-for-credentials.sh", "kraken-user-tania,coinbase-master")
				.withEnvironment(gate)
				.run();
			long readyMillis = millisSince(started);
			System.out.printf("start.sh with all credentials: gate passed after %d ms (Railway's window: 300 s)%n",
					readyMillis);
			assertThat(ready.exitCode()).as(ready.output()).isZero();
			assertThat(readyMillis).isLessThan(120_000);
			assertThat(get(port, DeployFiles.READINESS_PATH).statusCode()).isEqualTo(200);
			outputs.append(ready.output());
		}
		finally {
			stop(app);
		}
		env.remove("KRAKEN_USER_TANIA_API_KEY");
		env.put("KRAKEN_USER_TANIA_API_KEY", null);
		app = start(env, work);
		try {
			Command.Result blocked = Command.of("sh", "scripts/wait-for-credentials.sh", "kraken-user-tania")
				.withEnvironment(gate)
				.run();
			assertThat(blocked.exitCode()).as(blocked.output()).isEqualTo(1);
			assertThat(blocked.stderr().strip().lines()).last()
				.asString()
				.contains("account kraken-user-tania is DOWN")
				.contains("KRAKEN_USER_TANIA_API_KEY");
			assertThat(get(port, DeployFiles.READINESS_PATH).statusCode()).isEqualTo(503);
			Command.Result unaffected = Command.of("sh", "scripts/wait-for-credentials.sh", "kraken-master")
				.withEnvironment(gate)
				.run();
			assertThat(unaffected.exitCode()).as(unaffected.output()).isZero();
			outputs.append(blocked.output()).append(unaffected.output());
		}
		finally {
			stop(app);
		}
		Command.Result unreachable = Command.of("sh", "scripts/wait-for-credentials.sh", "kraken-master")
			.withEnvironment(Map.of("CREDENTIAL_HEALTH_URL", "http://127.0.0.1:" + port, "CREDENTIAL_WAIT_SECONDS", "3",
					"CREDENTIAL_WAIT_INTERVAL", "1"))
			.run();
		assertThat(unreachable.exitCode()).as(unreachable.output()).isEqualTo(3);
		assertThat(unreachable.stderr()).contains("unreachable");
		outputs.append(Files.readString(app.log(), StandardCharsets.UTF_8));
		io.credentialhealth.support.Canary.assertNoLeak(outputs.toString(),
				io.credentialhealth.support.Canary.secretsOf(planted));
	}

	@Test
	void badInputGetsAClearAnswer() throws Exception {
		Map<String, String> env = cleanEnvironment();
		env.put("APP_DIR", appDir.toString());
		env.put("PORT", "eighty");
		Command.Result badPort = Command.of("sh", "scripts/start.sh").withEnvironment(env).run();
		assertThat(badPort.exitCode()).isEqualTo(1);
		assertThat(badPort.stderr()).contains("PORT must be a number, got 'eighty'");

		env.put("APP_DIR", work.toString());
		env.put("PORT", "8080");
		Command.Result noJar = Command.of("sh", "scripts/start.sh").withEnvironment(env).run();
		assertThat(noJar.exitCode()).isEqualTo(1);
		assertThat(noJar.stderr()).contains("credential-health.jar not found; run scripts/build.sh");
	}

	/** Liveness says the app is up; readiness then answers 200 or, without credentials, 503. */
	private static void assertReadinessAnswers(int port) throws Exception {
		long started = System.nanoTime();
		long deadline = started + TimeUnit.SECONDS.toNanos(90);
		while (status(port, "/actuator/health/liveness") != 200) {
			assertThat(System.nanoTime()).as("liveness within 90 s").isLessThan(deadline);
			Thread.sleep(100);
		}
		System.out.printf("start.sh: liveness UP after %d ms (Railway's healthcheck window: 300 s)%n",
				millisSince(started));
		HttpResponse<String> readiness = get(port, DeployFiles.READINESS_PATH);
		assertThat(readiness.statusCode()).isIn(200, 503);
		assertThat(readiness.body()).contains("\"status\"");
	}

	private static Started start(Map<String, String> env, Path directory) throws IOException {
		Path log = Files.createTempFile(work, "start", ".log");
		Process process = Command.of("sh", DeployFiles.file("scripts/start.sh").toString())
			.withEnvironment(env)
			.in(directory)
			.start(log.toFile(), log.toFile());
		return new Started(process, log);
	}

	private static void stop(Started app) throws InterruptedException {
		app.process().destroy();
		if (!app.process().waitFor(30, TimeUnit.SECONDS)) {
			app.process().destroyForcibly().waitFor();
		}
	}

	/** The test's environment without any credential, with a throw-away state file. */
	private static Map<String, String> cleanEnvironment() {
		Map<String, String> env = new HashMap<>();
		DeployFiles.CREDENTIAL_VARIABLES.forEach((name) -> env.put(name, null));
		env.put("APP_DIR", null);
		env.put("JAVA_OPTS", null);
		env.put("RUN_AS_USER", null);
		env.put("CREDENTIALS_STATE_FILE", work.resolve("state/credential-state.json").toString());
		return env;
	}

	private static int status(int port, String path) throws InterruptedException {
		try {
			return get(port, path).statusCode();
		}
		catch (ConnectException ex) {
			return -1;
		}
		catch (IOException ex) {
			return -2;
		}
	}

	private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(5))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static long millisSince(long nanos) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
	}

	private record Started(Process process, Path log) {
	}

}
