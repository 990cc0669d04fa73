package io.credentialhealth.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar as a child process with a controlled environment: nothing of the test machine's
 * environment leaks in but PATH, HOME and JAVA_HOME. Output goes to a file the test can search.
 */
public final class RunningJar implements AutoCloseable {

	public static final Path JAR = Path.of("target/credential-health.jar");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Process process;

	private final Path log;

	private final int port;

	private RunningJar(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/**
	 * Starts the jar with the given environment and arguments, and waits until it listens.
	 */
	public static RunningJar start(Map<String, String> env, List<String> args, Path workDir) throws IOException {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(javaCommand(), "-jar", JAR.toAbsolutePath().toString()));
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
		Map<String, String> environment = builder.environment();
		environment.clear();
		for (String keep : List.of("PATH", "HOME", "JAVA_HOME", "LANG")) {
			String value = System.getenv(keep);
			if (value != null) {
				environment.put(keep, value);
			}
		}
		environment.put("PORT", Integer.toString(port));
		environment.putAll(env);
		Path log = Files.createTempFile(workDir, "app-", ".log");
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		RunningJar jar = new RunningJar(builder.start(), log, port);
		jar.awaitListening(Duration.ofSeconds(60));
		return jar;
	}

	public static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private void awaitListening(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("application exited with " + this.process.exitValue() + ":\n" + output());
			}
			try {
				get("/actuator/health/liveness");
				return;
			}
			catch (IOException ex) {
				sleep(100);
			}
		}
		throw new IllegalStateException("application did not listen within " + timeout + ":\n" + output());
	}

	public int port() {
		return this.port;
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	public HttpResponse<String> get(String path) throws IOException {
		return send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).GET().build());
	}

	public HttpResponse<String> post(String path) throws IOException {
		return send(HttpRequest.newBuilder(URI.create(url(path)))
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
	}

	private static HttpResponse<String> send(HttpRequest request) throws IOException {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	public String output() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(no output: " + ex + ")";
		}
	}

	/** Stops the application gracefully (SIGTERM) and waits for it. */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
