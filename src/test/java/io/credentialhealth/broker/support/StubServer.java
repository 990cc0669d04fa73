package io.credentialhealth.broker.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server (the JDK's own) that plays a broker: a handler sees each request, checks it
 * the way the broker would, and answers. Failed checks inside the handler are recorded and answered
 * with HTTP 599 so that a test both sees an odd result and can assert on the recorded failures.
 */
public final class StubServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "stub-broker");
		thread.setDaemon(true);
		return thread;
	});

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final List<Throwable> failures = new CopyOnWriteArrayList<>();

	private volatile Function<Request, Response> handler;

	public StubServer(Function<Request, Response> handler) {
		this.handler = handler;
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	public void handler(Function<Request, Response> handler) {
		this.handler = handler;
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	public List<Throwable> failures() {
		return List.copyOf(this.failures);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
					exchange.getRequestHeaders(), new String(body, StandardCharsets.UTF_8));
			this.requests.add(request);
			Response response;
			try {
				response = this.handler.apply(request);
			}
			catch (Throwable ex) {
				this.failures.add(ex);
				response = Response.json(599, "{\"stub\":\"check failed\"}");
			}
			if (response.hangMillis() > 0 && !response.afterHeaders()) {
				sleep(response.hangMillis());
				return;
			}
			response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
			if (response.afterHeaders()) {
				exchange.sendResponseHeaders(response.status(), 0);
				OutputStream out = exchange.getResponseBody();
				out.write(bytes);
				out.flush();
				sleep(response.hangMillis());
				return;
			}
			exchange.sendResponseHeaders(response.status(), (bytes.length == 0) ? -1 : bytes.length);
			if (bytes.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			}
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

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	public record Request(String method, String path, Headers headers, String body) {

		public String header(String name) {
			return this.headers.getFirst(name);
		}

	}

	/**
	 * An answer; {@code hangMillis} > 0 makes the server stall, before sending anything or (with
	 * {@code afterHeaders}) after the headers and the first bytes of the body.
	 */
	public record Response(int status, String body, Map<String, String> headers, long hangMillis,
			boolean afterHeaders) {

		public static Response json(int status, String body) {
			return new Response(status, body, Map.of("Content-Type", "application/json"), 0, false);
		}

		public static Response json(int status, String body, Map<String, String> extraHeaders) {
			Map<String, String> headers = new java.util.LinkedHashMap<>(extraHeaders);
			headers.put("Content-Type", "application/json");
			return new Response(status, body, headers, 0, false);
		}

		public static Response text(int status, String body) {
			return new Response(status, body, Map.of("Content-Type", "text/plain"), 0, false);
		}

		public static Response hang(long millis) {
			return new Response(200, "", Map.of(), millis, false);
		}

		public static Response stallMidBody(long millis) {
			return new Response(200, "{\"error\":[],\"res", Map.of("Content-Type", "application/json"), millis, true);
		}

	}

}
