package io.credentialhealth.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without an access token nothing is locked, so Spring Security's filter chain stays out entirely (it
 * only cost time, docs/benchmarks.md); the security headers and the token-free POST remain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "credentials.access-token= ", "credentials.state-file=target/test-state/${random.uuid}.json",
				"spring.test.metrics.export=true" })
@ExtendWith(OutputCaptureExtension.class)
class OpenWithoutTokenTest {

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void noSecurityFilterChainNoUserAndNoGeneratedPassword(CapturedOutput output) {
		assertThat(this.context.getBeanNamesForType(SecurityFilterChain.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(AuthenticationManager.class)).isEmpty();
		assertThat(this.context.containsBean("springSecurityFilterChain")).isFalse();
		assertThat(output).doesNotContain("generated security password");
	}

	@Test
	void everythingAnswersWithDetailsAndHeaders() throws Exception {
		HttpResponse<String> readiness = send("GET", "/actuator/health/readiness");
		assertThat(readiness.statusCode()).isIn(200, 503);
		assertThat(readiness.body()).contains("\"components\"");
		assertThat(readiness.headers().firstValue("Content-Security-Policy"))
			.hasValue(SecurityHeadersConfiguration.CONTENT_SECURITY_POLICY);
		assertThat(readiness.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(readiness.headers().firstValue("Cache-Control")).hasValue(SecurityHeadersConfiguration.CACHE_CONTROL);
		// Deprecated (OWASP Secure Headers) or superseded by Cache-Control: each would only cost a probe time.
		assertThat(readiness.headers().map()).doesNotContainKeys("x-xss-protection", "pragma", "expires");
		assertThat(send("GET", "/actuator/credentials").statusCode()).isEqualTo(200);
		assertThat(send("GET", "/actuator/prometheus").statusCode()).isEqualTo(200);
		HttpResponse<String> check = send("POST", "/actuator/credentials");
		assertThat(check.statusCode()).isEqualTo(200);
		assertThat(check.headers().firstValue("Set-Cookie")).isEmpty();
	}

	private HttpResponse<String> send(String method, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
