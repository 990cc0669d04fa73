package io.credentialhealth.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code CREDENTIALS_ACCESS_TOKEN} set: probes answer status-only without it, everything with
 * details needs it (bearer or basic), and the token never shows up anywhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "credentials.access-token=" + AccessTokenTest.TOKEN,
				"credentials.state-file=target/test-state/${random.uuid}.json", "spring.test.metrics.export=true" })
@ExtendWith(OutputCaptureExtension.class)
class AccessTokenTest {

	static final String TOKEN = "canary-token-7Hq2xW9pLm4vRt8sZk3n";

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health/readiness", "/actuator/health/liveness", "/readyz", "/livez",
			"/actuator/health" })
	void probesAnswerStatusOnlyWithoutTheToken(String path) throws Exception {
		HttpResponse<String> response = get(path, null);
		assertThat(response.statusCode()).isIn(200, 503);
		assertThat(response.body()).contains("\"status\"").doesNotContain("components").doesNotContain("details");
	}

	@Test
	void healthDetailsNeedTheToken() throws Exception {
		assertThat(get("/actuator/health/readiness", "Bearer " + TOKEN).body()).contains("\"components\"")
			.contains("kraken-user-tania");
		assertThat(get("/actuator/health/credentials/kraken-user-tania", "Bearer " + TOKEN).body()).contains("\"details\"")
			.contains("NOT_CONFIGURED");
		assertThat(get("/actuator/health/credentials/kraken-user-tania", null).body()).doesNotContain("details");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/credentials", "/actuator/prometheus", "/" })
	void protectedPathsNeedTheToken(String path) throws Exception {
		HttpResponse<String> anonymous = get(path, null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"credential-health\"");
		assertThat(anonymous.headers().firstValue("Content-Security-Policy"))
			.hasValue(SecurityHeadersConfiguration.CONTENT_SECURITY_POLICY);
		assertThat(anonymous.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(get(path, "Bearer wrong-token").statusCode()).isEqualTo(401);
		assertThat(get(path, basic("operator", "wrong")).statusCode()).isEqualTo(401);
		assertThat(get(path, "Basic !!!not-base64").statusCode()).isEqualTo(401);
		assertThat(get(path, "Bearer " + TOKEN).statusCode()).isEqualTo(200);
		assertThat(get(path, basic("anyone", TOKEN)).statusCode()).isEqualTo(200);
	}

	@Test
	void aCheckCanBeTriggeredWithTheTokenAndNoCsrfToken() throws Exception {
		HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/credentials"))
			.header("Authorization", "Bearer " + TOKEN)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		HttpRequest anonymous = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/credentials"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		assertThat(http.send(anonymous, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
	}

	@Test
	void noSessionCookieAndNoGeneratedPasswordOrTokenInTheLog(CapturedOutput output) throws Exception {
		HttpResponse<String> response = get("/actuator/credentials", "Bearer " + TOKEN);
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		get("/actuator/credentials", "Bearer wrong");
		assertThat(output).doesNotContain("generated security password").doesNotContain(TOKEN);
		assertThat(response.body()).doesNotContain(TOKEN);
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
