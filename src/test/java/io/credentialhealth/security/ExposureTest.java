package io.credentialhealth.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Only health, info, prometheus and credentials are exposed over HTTP; everything else is 404. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "credentials.state-file=target/test-state/${random.uuid}.json", "spring.test.metrics.export=true" })
class ExposureTest {

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "env", "env/PATH", "configprops", "beans", "heapdump", "threaddump", "loggers", "mappings",
			"metrics", "scheduledtasks", "conditions", "caches", "shutdown", "startup", "sbom", "httpexchanges",
			"auditevents", "logfile", "flyway", "liquibase", "sessions", "quartz", "integrationgraph" })
	void notExposed(String endpoint) throws Exception {
		assertThat(status("GET", "/actuator/" + endpoint)).as(endpoint).isEqualTo(404);
	}

	@Test
	void shutdownCannotBePosted() throws Exception {
		assertThat(status("POST", "/actuator/shutdown")).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "health", "health/readiness", "health/liveness", "info", "prometheus", "credentials" })
	void exposed(String endpoint) throws Exception {
		assertThat(status("GET", "/actuator/" + endpoint)).as(endpoint).isIn(200, 503);
	}

	@Test
	void discoveryListsOnlyTheExposedEndpoints() throws Exception {
		HttpResponse<String> links = http.send(HttpRequest.newBuilder(uri("/actuator")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(links.body()).contains("\"health\"", "\"info\"", "\"prometheus\"", "\"credentials\"")
			.doesNotContain("\"env\"", "\"beans\"", "\"heapdump\"", "\"loggers\"");
	}

	private int status(String method, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(uri(path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
