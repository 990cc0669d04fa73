package io.credentialhealth.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs Prometheus' {@code promtool} (Debian package {@code prometheus}). Skips the calling test when promtool is
 * missing locally and fails it under CI, through {@link ExternalTool}.
 */
public final class PromtoolCheck {

	public static final String INSTALL_HINT = "apt-get install prometheus";

	/** The shipped monitoring files, relative to the project directory (Maven's working directory for tests). */
	public static final Path MONITORING = Path.of("monitoring", "prometheus");

	private static final long TIMEOUT_SECONDS = 60;

	private PromtoolCheck() {
	}

	/**
	 * Lints a text-format (0.0.4) exposition with {@code promtool check metrics}. Returns one finding per line
	 * promtool printed, such as {@code foo_total no help text}; an empty list means no findings. Input promtool
	 * cannot parse (OpenMetrics, garbage) comes back as a finding too. Ask the app for {@code text/plain}: promtool
	 * 2.42 does not read OpenMetrics.
	 */
	public static List<String> metrics(String exposition) {
		Result result = run(exposition, "check", "metrics");
		List<String> findings = result.output()
			.lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty())
			.collect(Collectors.toCollection(ArrayList::new));
		if (findings.isEmpty() && result.exitCode() != 0) {
			findings.add("promtool check metrics exited " + result.exitCode() + " without output");
		}
		return List.copyOf(findings);
	}

	/**
	 * Keeps only the metric families whose name starts with {@code prefix} (HELP/TYPE lines and samples), so that
	 * findings of Micrometer's own JVM/HTTP families do not hide ours.
	 */
	public static String only(String exposition, String prefix) {
		return exposition.lines().filter((line) -> metricName(line).startsWith(prefix))
			.map((line) -> line + "\n")
			.collect(Collectors.joining());
	}

	private static String metricName(String line) {
		String rest = line;
		if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
			rest = line.substring(7);
		}
		else if (line.startsWith("#")) {
			return "";
		}
		int end = 0;
		while (end < rest.length() && rest.charAt(end) != ' ' && rest.charAt(end) != '{') {
			end++;
		}
		return rest.substring(0, end);
	}

	public static Result checkRules(Path... ruleFiles) {
		return run(null, args("check", "rules", ruleFiles));
	}

	public static Result testRules(Path... testFiles) {
		return run(null, args("test", "rules", testFiles));
	}

	public static Result checkConfig(Path configFile) {
		return run(null, "check", "config", configFile.toString());
	}

	private static String[] args(String command, String subcommand, Path... files) {
		return Stream.concat(Stream.of(command, subcommand), Stream.of(files).map(Path::toString))
			.toArray(String[]::new);
	}

	/** Runs promtool with the given arguments, feeding {@code stdin} when not null; stdout and stderr merged. */
	public static Result run(String stdin, String... args) {
		Path promtool = ExternalTool.require("promtool", INSTALL_HINT);
		List<String> command = new ArrayList<>();
		command.add(promtool.toString());
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			// Feed stdin on its own thread: promtool may write before it has read everything.
			CompletableFuture<Void> feeder = CompletableFuture.runAsync(() -> feed(process.getOutputStream(), stdin));
			CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("promtool " + String.join(" ", args) + " did not finish within "
						+ TIMEOUT_SECONDS + " s");
			}
			feeder.get(5, TimeUnit.SECONDS);
			return new Result(process.exitValue(), output.get(5, TimeUnit.SECONDS));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running promtool", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not talk to promtool", ex);
		}
	}

	private static void feed(OutputStream in, String stdin) {
		try (in) {
			if (stdin != null) {
				in.write(stdin.getBytes(StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			// promtool exited before reading everything; its exit code and output tell why.
		}
	}

	private static String read(InputStream out) {
		try (out) {
			return new String(out.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Exit code and merged output of one promtool run. */
	public record Result(int exitCode, String output) {

		public boolean succeeded() {
			return this.exitCode == 0;
		}

		@Override
		public String toString() {
			return "exit " + this.exitCode + ":\n" + this.output;
		}

	}

}
