package io.credentialhealth.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.credentialhealth.source.EnvironmentVariables;
import io.credentialhealth.support.Canary;
import io.credentialhealth.support.TestCredentials;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the real application on a random port with an environment the test controls (property
 * {@code scenario}) and speaks HTTP to it. Every response is kept so the canary can search them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "credentials.state-file=target/test-state/${random.uuid}.json", "credentials.check-interval=1h" })
@ExtendWith(OutputCaptureExtension.class)
abstract class HealthScenarioSupport {

	/** Planted once per JVM; every scenario derives its environment from these values. */
	static final Map<String, String> PLANTED = TestCredentials.all();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	protected final List<String> responses = new ArrayList<>();

	@LocalServerPort
	int port;

	protected Response get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET().build());
	}

	protected Response post(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
	}

	private Response send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		this.responses.add(response.body());
		return new Response(response.statusCode(), json.readTree(response.body()), response.body());
	}

	/** No planted secret in any response or log line; keys appear as their 4-character preview at most. */
	protected void assertNothingLeaked(CapturedOutput output) {
		String everything = String.join("\n", this.responses) + "\n" + output.getAll();
		Canary.assertNoLeak(everything, secrets());
		PLANTED.forEach((name, value) -> {
			if (name.endsWith("_API_KEY")) {
				Canary.assertKeyMasked(everything, value);
			}
		});
	}

	static List<String> secrets() {
		return Canary.secretsOf(PLANTED);
	}

	protected static void assertStatus(Response response, int code, String status) {
		assertThat(response.code()).as(response.body()).isEqualTo(code);
		assertThat(response.json().get("status").asString()).isEqualTo(status);
	}

	record Response(int code, JsonNode json, String body) {

		JsonNode details() {
			return this.json.get("details");
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ScenarioEnvironment {

		@Bean
		Map<String, String> scenarioVariables(@Value("${scenario}") String scenario) {
			Map<String, String> env = new ConcurrentHashMap<>(PLANTED);
			switch (scenario) {
				case "all-set" -> {
				}
				case "master-missing" -> {
					env.remove("KRAKEN_MASTER_API_KEY");
					env.remove("KRAKEN_MASTER_API_SECRET");
				}
				case "user-missing" -> env.remove("KRAKEN_USER_DAIVON_API_KEY");
				case "whitespace" -> env.put("KRAKEN_USER_TANIA_API_SECRET", PLANTED.get("KRAKEN_USER_TANIA_API_SECRET") + "\r");
				case "placeholder" -> env.put("COINBASE_API_KEY", "<your-coinbase-key>");
				default -> throw new IllegalArgumentException(scenario);
			}
			return env;
		}

		@Bean
		@Primary
		EnvironmentVariables testEnvironment(Map<String, String> scenarioVariables) {
			return () -> new HashMap<>(scenarioVariables);
		}

	}

}
