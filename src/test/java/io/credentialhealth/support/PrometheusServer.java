package io.credentialhealth.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus server (Debian package {@code prometheus}) on a free loopback port, scraping one target's
 * {@code /actuator/prometheus} every second with the shipped alert rules, evaluated every second. Storage lives in a
 * temporary directory removed by {@link #close()}. Skips the test when {@code prometheus} is missing locally and
 * fails it under CI, through {@link ExternalTool}.
 *
 * <pre>
 * try (PrometheusServer prometheus = PrometheusServer.scraping("127.0.0.1:" + port).forDurations(Duration.ofSeconds(3)).start()) {
 *     prometheus.awaitAlert("RequiredCredentialUnavailable", "firing", Map.of("account", "kraken-master"), Duration.ofSeconds(30));
 * }
 * </pre>
 *
 * {@link Builder#forDurations(Duration)} rewrites every {@code for:} of a copy of the rules so that an end-to-end
 * test does not wait the shipped minutes; the shipped durations are covered by promtool's unit tests.
 */
public final class PrometheusServer implements AutoCloseable {

	public static final String INSTALL_HINT = "apt-get install prometheus";

	/** The job name the shipped rules expect (CredentialHealthAbsent reads {@code up{job=~"credential-health.*"}}). */
	public static final String JOB = "credential-health";

	private static final Pattern FOR_LINE = Pattern.compile("(?m)^(\\s+for:\\s*)\\S+\\s*$");

	private static final Duration POLL = Duration.ofMillis(200);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Process process;

	private final Path home;

	private final URI uri;

	private final HttpClient http;

	private PrometheusServer(Process process, Path home, URI uri, HttpClient http) {
		this.process = process;
		this.home = home;
		this.uri = uri;
		this.http = http;
	}

	/** A server that will scrape {@code hostAndPort} (for example {@code 127.0.0.1:8080}). */
	public static Builder scraping(String hostAndPort) {
		return new Builder(hostAndPort);
	}

	public URI uri() {
		return this.uri;
	}

	/** Instant query; the result vector as label maps with values. A PromQL error fails with Prometheus' message. */
	public List<Sample> query(String promql) {
		JsonNode data = api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
		if (!"vector".equals(data.path("resultType").asString())) {
			throw new IllegalArgumentException("Not an instant vector query: " + promql + " ("
					+ data.path("resultType").asString() + ")");
		}
		List<Sample> samples = new ArrayList<>();
		for (JsonNode result : data.path("result")) {
			samples.add(new Sample(strings(result.path("metric")), Double.parseDouble(result.path("value").path(1).asString())));
		}
		return samples;
	}

	/** Alerts that are pending or firing now (resolved ones are not listed). */
	public List<Alert> alerts() {
		List<Alert> alerts = new ArrayList<>();
		for (JsonNode alert : api("/api/v1/alerts").path("alerts")) {
			Map<String, String> labels = strings(alert.path("labels"));
			alerts.add(new Alert(labels.get("alertname"), alert.path("state").asString(), labels,
					strings(alert.path("annotations"))));
		}
		return alerts;
	}

	/** The loaded rules with their health: "ok", "err" (with lastError) or "unknown" before the first evaluation. */
	public List<Rule> rules() {
		List<Rule> rules = new ArrayList<>();
		for (JsonNode group : api("/api/v1/rules").path("groups")) {
			for (JsonNode rule : group.path("rules")) {
				rules.add(new Rule(group.path("name").asString(), rule.path("name").asString(),
						rule.path("type").asString(), Duration.ofMillis(Math.round(rule.path("duration").asDouble(0) * 1000)),
						rule.path("health").asString(), rule.path("lastError").asString("")));
			}
		}
		return rules;
	}

	/** Waits until an alert named {@code name} is in {@code state} ("pending" or "firing"). */
	public Alert awaitAlert(String name, String state, Duration timeout) {
		return awaitAlert(name, state, Map.of(), timeout);
	}

	/** Waits until an alert named {@code name} whose labels include {@code labels} is in {@code state}. */
	public Alert awaitAlert(String name, String state, Map<String, String> labels, Duration timeout) {
		return await("alert " + name + labels + " " + state, timeout,
				() -> alerts().stream().filter(matching(name, labels)).filter((a) -> a.state().equals(state)).findFirst());
	}

	/** Waits until no alert named {@code name} whose labels include {@code labels} is pending or firing. */
	public void awaitNoAlert(String name, Map<String, String> labels, Duration timeout) {
		await("alert " + name + labels + " resolved", timeout,
				() -> alerts().stream().noneMatch(matching(name, labels)) ? Optional.of(true) : Optional.empty());
	}

	/** Waits until {@code promql} returns a result that satisfies {@code condition}. */
	public List<Sample> awaitQuery(String promql, Predicate<List<Sample>> condition, Duration timeout) {
		return await("query " + promql, timeout, () -> Optional.of(query(promql)).filter(condition));
	}

	/** Prometheus' own log so far, for failure messages. */
	public String log() {
		try {
			return Files.readString(this.home.resolve("prometheus.log"));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		stop(this.process);
		deleteTree(this.home);
	}

	private <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
		Instant deadline = Instant.now().plus(timeout);
		String last = "";
		while (true) {
			try {
				Optional<T> found = probe.get();
				if (found.isPresent()) {
					return found.get();
				}
			}
			catch (RuntimeException ex) {
				last = ex.getMessage();
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what
						+ (last.isEmpty() ? "" : " (last error: " + last + ")") + "; alerts now: " + safeAlerts());
			}
			if (!this.process.isAlive()) {
				throw new IllegalStateException("prometheus exited with " + this.process.exitValue() + ":\n" + log());
			}
			sleep(POLL);
		}
	}

	private String safeAlerts() {
		try {
			return alerts().toString();
		}
		catch (RuntimeException ex) {
			return "(unavailable: " + ex.getMessage() + ")";
		}
	}

	private static Predicate<Alert> matching(String name, Map<String, String> labels) {
		return (alert) -> name.equals(alert.name()) && alert.labels().entrySet().containsAll(labels.entrySet());
	}

	private JsonNode api(String path) {
		HttpResponse<String> response = get(path);
		JsonNode body;
		try {
			body = JSON.readTree(response.body());
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + " with no JSON");
		}
		if (!"success".equals(body.path("status").asString())) {
			throw new IllegalStateException("GET " + path + " failed: " + body.path("errorType").asString() + ": "
					+ body.path("error").asString());
		}
		return body.path("data");
	}

	private HttpResponse<String> get(String path) {
		HttpRequest request = HttpRequest.newBuilder(this.uri.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("GET " + path + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static Map<String, String> strings(JsonNode object) {
		Map<String, String> map = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : object.properties()) {
			map.put(entry.getKey(), entry.getValue().asString());
		}
		return map;
	}

	private static void stop(Process process) {
		process.descendants().forEach(ProcessHandle::destroy);
		process.destroy();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

	private static void deleteTree(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover temp directory is not worth failing a test for.
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/** One sample of an instant vector. */
	public record Sample(Map<String, String> labels, double value) {
	}

	/** A pending or firing alert. */
	public record Alert(String name, String state, Map<String, String> labels, Map<String, String> annotations) {
	}

	/** A loaded rule; {@code forDuration} is zero for recording rules. */
	public record Rule(String group, String name, String type, Duration forDuration, String health, String lastError) {
	}

	/** Configures and starts a {@link PrometheusServer}. */
	public static final class Builder {

		private final String target;

		private final List<Path> ruleFiles = new ArrayList<>(List.of(PromtoolCheck.MONITORING.resolve("credential-alerts.yml")));

		private Duration forDuration;

		private Path bearerTokenFile;

		private Duration startTimeout = Duration.ofSeconds(30);

		private Builder(String target) {
			if (target == null || !target.matches("[A-Za-z0-9.\\-\\[\\]:]+:\\d+")) {
				throw new IllegalArgumentException("target must be host:port, got " + target);
			}
			this.target = target;
		}

		/** Rule files to load instead of the shipped {@code credential-alerts.yml}. */
		public Builder rules(Path... files) {
			this.ruleFiles.clear();
			this.ruleFiles.addAll(List.of(files));
			return this;
		}

		/**
		 * Loads a copy of the rules in which every {@code for:} is {@code duration}, so that alerts fire within
		 * seconds. The shipped file is unchanged; its real durations are tested by promtool.
		 */
		public Builder forDurations(Duration duration) {
			this.forDuration = duration;
			return this;
		}

		/** Sends {@code Authorization: Bearer <content of file>} with every scrape (for CREDENTIALS_ACCESS_TOKEN). */
		public Builder bearerTokenFile(Path file) {
			this.bearerTokenFile = file;
			return this;
		}

		public Builder startTimeout(Duration timeout) {
			this.startTimeout = timeout;
			return this;
		}

		/** Starts Prometheus and waits for {@code /-/ready}; retries on another port if the chosen one was taken. */
		public PrometheusServer start() {
			Path binary = ExternalTool.require("prometheus", INSTALL_HINT);
			Path home;
			try {
				home = Files.createTempDirectory("prometheus-");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			IllegalStateException failure = null;
			for (int attempt = 1; attempt <= 3; attempt++) {
				try {
					return start(binary, home, freePort());
				}
				catch (IOException ex) {
					deleteTree(home);
					throw new UncheckedIOException(ex);
				}
				catch (IllegalStateException ex) {
					failure = ex;
					if (!String.valueOf(ex.getMessage()).contains("address already in use")) {
						break;
					}
				}
			}
			deleteTree(home);
			throw failure;
		}

		private PrometheusServer start(Path binary, Path home, int port) throws IOException {
			Path config = writeConfig(home);
			Path data = Files.createDirectories(home.resolve("data-" + port));
			Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
					"--storage.tsdb.path=" + data, "--web.listen-address=127.0.0.1:" + port,
					"--web.console.templates=" + home, "--web.console.libraries=" + home, "--log.level=info")
				.redirectErrorStream(true)
				.redirectOutput(home.resolve("prometheus.log").toFile())
				.start();
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			PrometheusServer server = new PrometheusServer(process, home, URI.create("http://127.0.0.1:" + port + "/"),
					http);
			awaitReady(server);
			return server;
		}

		private void awaitReady(PrometheusServer server) {
			Instant deadline = Instant.now().plus(this.startTimeout);
			while (Instant.now().isBefore(deadline)) {
				if (!server.process.isAlive()) {
					throw new IllegalStateException("prometheus exited with " + server.process.exitValue() + ":\n"
							+ server.log());
				}
				try {
					if (server.get("/-/ready").statusCode() == 200) {
						return;
					}
				}
				catch (UncheckedIOException ex) {
					// not listening yet
				}
				sleep(POLL);
			}
			String log = server.log();
			stop(server.process);
			throw new IllegalStateException("prometheus not ready after " + this.startTimeout.toSeconds() + " s:\n" + log);
		}

		private Path writeConfig(Path home) throws IOException {
			StringBuilder rules = new StringBuilder();
			for (Path file : this.ruleFiles) {
				Path loaded = file.toAbsolutePath();
				if (this.forDuration != null) {
					loaded = home.resolve("rules-" + file.getFileName());
					String text = Files.readString(file);
					Files.writeString(loaded,
							FOR_LINE.matcher(text).replaceAll("$1" + this.forDuration.toMillis() + "ms"));
				}
				rules.append("  - '").append(loaded).append("'\n");
			}
			String authorization = (this.bearerTokenFile != null) ? """
					    authorization:
					      type: Bearer
					      credentials_file: '%s'
					""".formatted(this.bearerTokenFile.toAbsolutePath()) : "";
			String config = """
					global:
					  scrape_interval: 1s
					  scrape_timeout: 1s
					  evaluation_interval: 1s
					rule_files:
					%s
					scrape_configs:
					  - job_name: %s
					    metrics_path: /actuator/prometheus
					    honor_labels: true
					%s    static_configs:
					      - targets: ['%s']
					""".formatted(rules.toString().stripTrailing(), JOB, authorization, this.target);
			Path file = home.resolve("prometheus.yml");
			Files.writeString(file, config);
			return file;
		}

		private static int freePort() throws IOException {
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				return socket.getLocalPort();
			}
		}

	}

}
