package io.credentialhealth.hardening;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.credentialhealth.support.RunningJar;
import io.credentialhealth.support.TestCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded soak of the packaged jar: 60 s of concurrent requests to readiness, health, prometheus
 * and the status page while checks run every second and a credential comes and goes. No request may
 * fail, threads and heap stay bounded, and every transition is logged exactly once. The figures go
 * to target/soak/results.txt (and docs/hardening.md).
 */
class SoakIT {

	private static final Duration SOAK = Duration.ofSeconds(Long.getLong("soak.seconds", 60));

	private static final List<String> PATHS = List.of("/actuator/health/readiness", "/actuator/health",
			"/actuator/prometheus", "/");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@TempDir
	Path workDir;

	@Test
	void sixtySecondsOfLoadWhileCredentialsComeAndGo() throws Exception {
		Path secrets = Files.createDirectory(this.workDir.resolve("secrets"));
		Map<String, String> planted = TestCredentials.all();
		for (Map.Entry<String, String> entry : planted.entrySet()) {
			Files.writeString(secrets.resolve(entry.getKey()), entry.getValue());
		}
		List<String> args = List.of("--credentials.secret-files-dir=" + secrets, "--credentials.check-interval=1s",
				"--credentials.state-file=" + this.workDir.resolve("state.json"));
		try (RunningJar jar = RunningJar.start(Map.of("JAVA_TOOL_OPTIONS", "-Xmx256m -XX:+UseSerialGC"), args,
				this.workDir)) {
			warmUp(jar);
			double threadsBefore = gauge(jar, "jvm_threads_live_threads");
			AtomicInteger requests = new AtomicInteger();
			List<String> failures = Collections.synchronizedList(new ArrayList<>());
			List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
			long deadline = System.nanoTime() + SOAK.toNanos();
			ExecutorService pool = Executors.newFixedThreadPool(4);
			List<Future<?>> load = new ArrayList<>();
			for (int worker = 0; worker < 3; worker++) {
				int offset = worker;
				load.add(pool.submit(() -> {
					int n = offset;
					while (System.nanoTime() < deadline) {
						String path = PATHS.get(n++ % PATHS.size());
						long started = System.nanoTime();
						try {
							HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(jar.url(path)))
								.timeout(Duration.ofSeconds(5))
								.build(), HttpResponse.BodyHandlers.discarding());
							if (response.statusCode() != 200 && response.statusCode() != 503) {
								failures.add(path + " answered " + response.statusCode());
							}
						}
						catch (Exception ex) {
							failures.add(path + " failed: " + ex);
						}
						latencies.add(System.nanoTime() - started);
						requests.incrementAndGet();
					}
				}));
			}
			int removals = 0;
			String churned = "KRAKEN_USER_TANIA_API_KEY";
			while (System.nanoTime() < deadline - Duration.ofSeconds(3).toNanos()) {
				Files.delete(secrets.resolve(churned));
				jar.post("/actuator/credentials");
				removals++;
				Thread.sleep(1_200);
				Files.writeString(secrets.resolve(churned), planted.get(churned));
				jar.post("/actuator/credentials");
				Thread.sleep(1_200);
			}
			for (Future<?> future : load) {
				future.get();
			}
			pool.shutdown();
			double threadsAfter = gauge(jar, "jvm_threads_live_threads");
			http.send(HttpRequest.newBuilder(URI.create(jar.url("/actuator/health"))).build(),
					HttpResponse.BodyHandlers.discarding());
			double heapAfter = heapUsed(jar);
			jar.close();
			String log = jar.output();
			int lost = count(log, "CREDENTIAL LOST: " + churned);
			int restored = count(log, "CREDENTIAL RESTORED: " + churned);
			List<Long> sorted = new ArrayList<>(latencies);
			Collections.sort(sorted);
			long p99 = sorted.get((int) (sorted.size() * 0.99)) / 1_000_000;
			String results = String.format(
					"soak %ds: %d requests (%.0f/s), %d failed, p99 %d ms; threads %.0f -> %.0f; heap used after %.1f MiB (-Xmx256m); removals %d, LOST lines %d, RESTORED lines %d%n",
					SOAK.toSeconds(), requests.get(), requests.get() / (double) SOAK.toSeconds(), failures.size(), p99,
					threadsBefore, threadsAfter, heapAfter / 1024 / 1024, removals, lost, restored);
			Files.createDirectories(Path.of("target/soak"));
			Files.writeString(Path.of("target/soak/results.txt"), results);
			System.out.print(results);
			assertThat(failures).as("failed requests").isEmpty();
			assertThat(requests.get()).isGreaterThan(100);
			assertThat(threadsAfter - threadsBefore).as("thread growth").isLessThanOrEqualTo(10);
			assertThat(heapAfter).as("heap used after the soak").isLessThan(200.0 * 1024 * 1024);
			assertThat(removals).isGreaterThan(5);
			assertThat(lost).as("one LOST line per removal").isEqualTo(removals);
			assertThat(restored).as("one RESTORED line per restoration").isEqualTo(removals);
			assertThat(log).doesNotContain("Exception");
		}
	}

	private static void warmUp(RunningJar jar) throws Exception {
		for (int i = 0; i < 20; i++) {
			for (String path : PATHS) {
				jar.get(path);
			}
		}
	}

	private static double gauge(RunningJar jar, String name) throws Exception {
		String body = jar.get("/actuator/prometheus").body();
		Matcher matcher = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(body);
		double sum = 0;
		while (matcher.find()) {
			sum += Double.parseDouble(matcher.group(2));
		}
		return sum;
	}

	private static double heapUsed(RunningJar jar) throws Exception {
		String body = jar.get("/actuator/prometheus").body();
		Matcher matcher = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+-]+)$")
			.matcher(body);
		double sum = 0;
		while (matcher.find()) {
			sum += Double.parseDouble(matcher.group(1));
		}
		return sum;
	}

	private static int count(String text, String needle) {
		int count = 0;
		for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
			count++;
		}
		return count;
	}

}
