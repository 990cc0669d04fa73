package io.credentialhealth.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.credentialhealth.check.CredentialChecker;
import io.credentialhealth.registry.CredentialRegistry;
import io.credentialhealth.source.EnvironmentVariables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The page over plain HTTP: headers, assets, escaping of a real snapshot, no values. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StatusPageHttpTest {

	private static final Path SECRETS = tempDirectory("secrets");

	private static final Path STATE = tempDirectory("state");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private CredentialRegistry registry;

	@Autowired
	private CredentialChecker checker;

	private CredentialFiles files;

	@DynamicPropertySource
	static void sources(DynamicPropertyRegistry properties) {
		properties.add("credentials.secret-files-dir", SECRETS::toString);
		properties.add("credentials.state-file", () -> STATE.resolve("state.json").toString());
	}

	@BeforeEach
	void configureEverything() {
		this.files = new CredentialFiles(SECRETS, this.registry).writeAll();
		this.checker.check();
	}

	@Test
	void pageIsHtmlWithSecurityHeadersAndNoCaching() throws Exception {
		HttpResponse<String> page = get("/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertSecurityHeaders(page);
		assertThat(page.body()).startsWith("<!DOCTYPE html>")
			.contains("<title>READY · credential-health</title>")
			.contains("<link rel=\"stylesheet\" href=\"status.css\">")
			.contains("<script src=\"status.js\" defer></script>")
			// The policy has no 'unsafe-inline': nothing inline may be needed.
			.doesNotContain("<style")
			.doesNotContain(" style=\"")
			.doesNotContain(" onclick=")
			.doesNotContainPattern("<script>");
		for (String id : this.registry.accounts().stream().map((account) -> account.id()).toList()) {
			assertThat(page.body()).contains("<tbody id=\"account-" + id + "\" class=\"account sev-ok\" data-state=\"CONFIGURED\"");
		}
	}

	@Test
	void assetsAreServedFromTheSameOriginWithTheirTypes() throws Exception {
		HttpResponse<String> script = get("/status.js");
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
		assertThat(script.body()).contains("DOMParser");
		HttpResponse<String> style = get("/status.css");
		assertThat(style.statusCode()).isEqualTo(200);
		assertThat(style.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
		assertSecurityHeaders(style);
		// Nothing is loaded from elsewhere: no web fonts, no CDN.
		assertThat(style.body()).doesNotContain("url(").doesNotContain("@import").doesNotContain("@font-face");
		assertThat(script.body()).doesNotContain("http://").doesNotContain("https://");
	}

	@Test
	void headersAreOnEveryResponse() throws Exception {
		assertSecurityHeaders(get("/actuator/health"));
		assertSecurityHeaders(get("/no-such-page"));
	}

	@Test
	void headAnswersLikeGet() throws Exception {
		HttpResponse<Void> head = this.http.send(
				HttpRequest.newBuilder(uri("/")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.discarding());
		assertThat(head.statusCode()).isEqualTo(200);
	}

	@Test
	void brokenAndLostCredentialsShowNoValue() throws Exception {
		this.files.delete("KRAKEN_MASTER_API_SECRET")
			.write("ALPACA_API_KEY", "\"" + this.files.value("ALPACA_API_KEY") + "\"")
			.write("COINBASE_API_SECRET", " " + this.files.value("COINBASE_API_SECRET"));
		this.checker.check();
		HttpResponse<String> page = get("/");
		assertThat(page.body()).contains("<title>NOT READY · credential-health</title>")
			.contains("data-state=\"LOST\"")
			.contains("data-state=\"INVALID\"");
		this.files.assertNoValueIn(page.body(), "the status page");
		this.files.assertNoValueIn(get("/status.js").body() + get("/status.css").body(), "the page's assets");
	}

	@Test
	void pageCanBeSwitchedOff() {
		new WebApplicationContextRunner().withPropertyValues("credentials.status-page.enabled=false")
			.withUserConfiguration(WebConfiguration.class, StatusPageController.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(StatusPage.class)
				.doesNotHaveBean(StatusPageController.class));
	}

	private static void assertSecurityHeaders(HttpResponse<?> response) {
		assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("default-src 'none'")
			.contains("script-src 'self'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	static Path tempDirectory(String name) {
		try {
			return Files.createTempDirectory("credential-health-" + name);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The machine's own environment must not leak into what the test controls. */
	@TestConfiguration(proxyBeanMethods = false)
	static class NoEnvironment {

		@Bean
		@Primary
		EnvironmentVariables environmentVariables() {
			return Map::of;
		}

	}

}
