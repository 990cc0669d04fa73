package io.credentialhealth.check;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import io.credentialhealth.source.EnvironmentVariables;
import io.credentialhealth.support.Canary;
import io.credentialhealth.support.TestCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.credentialhealth.support.InventoryJson.account;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials that vanish while the service runs: a secret file is deleted, a check is triggered
 * through POST /actuator/credentials, readiness goes 503; the file comes back, readiness recovers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
@Import(RuntimeLossTest.NoProcessEnvironment.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuntimeLossTest {

	private static final Path secrets = createSecretsDir();

	private static final Map<String, String> planted = TestCredentials.all();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final List<String> responses = new ArrayList<>();

	@LocalServerPort
	int port;

	@Autowired
	CredentialChecker checker;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		for (Map.Entry<String, String> entry : planted.entrySet()) {
			Files.writeString(secrets.resolve(entry.getKey()), entry.getValue() + "\n");
		}
		registry.add("credentials.secret-files-dir", secrets::toString);
		registry.add("credentials.state-file", () -> secrets.resolveSibling("state.json").toString());
		registry.add("credentials.check-interval", () -> "1h");
	}

	@AfterAll
	static void cleanUp() throws Exception {
		org.springframework.util.FileSystemUtils.deleteRecursively(secrets.getParent());
	}

	@Test
	@Order(1)
	void lostThenRestoredThroughTheSecretFilesDirectory(CapturedOutput output) throws Exception {
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		Files.delete(secrets.resolve("KRAKEN_USER_TANIA_API_KEY"));
		HttpResponse<String> checked = post("/actuator/credentials");
		assertThat(checked.statusCode()).isEqualTo(200);
		JsonNode tania = account(json.readTree(checked.body()), "kraken-user-tania");
		assertThat(tania.get("state").asString()).isEqualTo("LOST");
		assertThat(tania.get("lostSince").asString()).isNotBlank();
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(503);
		JsonNode details = json.readTree(get("/actuator/health/credentials/kraken-user-tania").body()).get("details");
		assertThat(details.get("state").asString()).isEqualTo("LOST");
		assertThat(details.get("lostSince").asString()).isNotBlank();
		assertThat(details.get("variables").get("KRAKEN_USER_TANIA_API_KEY").get("lastSeenValid").asString()).isNotBlank();
		assertThat(output).containsOnlyOnce("CREDENTIAL LOST: KRAKEN_USER_TANIA_API_KEY (kraken-user-tania, Tania Gilbert) was valid, now missing; last seen valid");

		Files.writeString(secrets.resolve("KRAKEN_USER_TANIA_API_KEY"), planted.get("KRAKEN_USER_TANIA_API_KEY"));
		post("/actuator/credentials");
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(output).containsOnlyOnce("CREDENTIAL RESTORED: KRAKEN_USER_TANIA_API_KEY");

		String state = Files.readString(secrets.resolveSibling("state.json"));
		String everything = String.join("\n", this.responses) + output.getAll() + state;
		Canary.assertNoLeak(everything, planted.entrySet()
			.stream()
			.filter((e) -> e.getKey().endsWith("SECRET"))
			.map(Map.Entry::getValue)
			.toList());
	}

	@Test
	@Order(3)
	void aVanishedSecretFilesDirectoryIsReportedWhileHealthKeepsServing() throws Exception {
		Path aside = secrets.resolveSibling("secrets-aside");
		Files.move(secrets, aside);
		try {
			assertThat(post("/actuator/credentials").statusCode()).isEqualTo(200);
			long started = System.nanoTime();
			HttpResponse<String> health = get("/actuator/health");
			assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(2));
			assertThat(health.statusCode()).isEqualTo(503);
			JsonNode sources = json.readTree(health.body()).get("components").get("credentialSources");
			assertThat(sources.get("status").asString()).isEqualTo("WARNING");
			assertThat(sources.get("details").get("problems").get(0).asString()).contains("does not exist");
			assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		}
		finally {
			Files.move(aside, secrets);
		}
		post("/actuator/credentials");
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	@Test
	@Order(2)
	void healthReadsRaceWithChecksWithoutErrorsOrTornSnapshots() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		AtomicBoolean running = new AtomicBoolean(true);
		try {
			Future<Integer> checks = pool.submit(() -> {
				int count = 0;
				while (running.get()) {
					this.checker.check();
					count++;
				}
				return count;
			});
			List<Future<Integer>> readers = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				readers.add(pool.submit(() -> {
					int ok = 0;
					for (int n = 0; n < 80; n++) {
						HttpResponse<String> response = get("/actuator/health/credentials");
						JsonNode accounts = json.readTree(response.body()).get("components");
						assertThat(response.statusCode()).isEqualTo(200);
						assertThat(accounts.propertyNames()).hasSize(6);
						accounts.forEach((account) -> assertThat(account.get("details").get("state").asString())
							.isEqualTo("CONFIGURED"));
						ok++;
					}
					return ok;
				}));
			}
			for (Future<Integer> reader : readers) {
				assertThat(reader.get()).isEqualTo(80);
			}
			running.set(false);
			assertThat(checks.get()).isPositive();
		}
		finally {
			running.set(false);
			pool.shutdownNow();
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		synchronized (this.responses) {
			this.responses.add(response.body());
		}
		return response;
	}

	private HttpResponse<String> post(String path) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		this.responses.add(response.body());
		return response;
	}

	private static Path createSecretsDir() {
		try {
			return Files.createDirectory(Files.createTempDirectory("credential-health-").resolve("secrets"));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class NoProcessEnvironment {

		@Bean
		@Primary
		EnvironmentVariables emptyEnvironment() {
			return Map::of;
		}

	}

}
