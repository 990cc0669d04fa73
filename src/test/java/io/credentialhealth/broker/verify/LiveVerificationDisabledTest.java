package io.credentialhealth.broker.verify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import io.credentialhealth.source.EnvironmentVariables;
import io.credentialhealth.support.TestCredentials;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code credentials.verify.enabled}, nothing reaches a broker, even with every base URL
 * pointing at a stub that would answer, and nothing about verification shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "credentials.state-file=target/test-state/${random.uuid}.json", "credentials.check-interval=1h",
				"credentials.verify.interval=1s" })
@Import(LiveVerificationDisabledTest.Environment.class)
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class LiveVerificationDisabledTest {

	static final Map<String, String> ENV = TestCredentials.all();

	static final BrokerStubs STUBS = new BrokerStubs();

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Autowired
	LiveVerifier verifier;

	@DynamicPropertySource
	static void brokers(DynamicPropertyRegistry registry) {
		STUBS.properties().forEach((name, value) -> registry.add(name, () -> value));
	}

	@AfterAll
	static void stopStubs() {
		STUBS.close();
	}

	@Test
	void verificationIsOffByDefault(CapturedOutput output) throws Exception {
		JsonNode inventory = request("POST", "/actuator/credentials");
		Thread.sleep(1500);
		STUBS.all().forEach((stub) -> assertThat(stub.requests()).isEmpty());
		assertThat(this.verifier.isActive()).isFalse();
		for (JsonNode account : inventory.get("accounts")) {
			assertThat(account.get("state").asString()).isEqualTo("CONFIGURED");
			assertThat(account.get("verification").isNull()).isTrue();
		}
		JsonNode health = request("GET", "/actuator/health/credentials/kraken-master");
		assertThat(health.get("details").has("verification")).isFalse();
		assertThat(this.meters.find(VerificationMetrics.VERIFICATIONS).meters()).isEmpty();
		assertThat(this.meters.find(VerificationMetrics.LAST_VERIFIED).meters()).isEmpty();
		assertThat(Thread.getAllStackTraces().keySet()).noneMatch((t) -> t.getName().startsWith("credential-verify"));
		assertThat(output).doesNotContain("Live verification");
	}

	private JsonNode request(String method, String path) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		return JsonMapper.builder().build().readTree(response.body());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Environment {

		@Bean
		@Primary
		EnvironmentVariables testEnvironment() {
			return () -> new HashMap<>(ENV);
		}

	}

}
