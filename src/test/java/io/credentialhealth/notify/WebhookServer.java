package io.credentialhealth.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1 for tests. Its path carries a fake token, like Slack's and
 * Discord's URLs do, so tests can check that the token never reaches a log line. Answers 200 unless
 * told to answer other statuses first, or to hang.
 */
final class WebhookServer implements AutoCloseable {

	/** Stands for the secret part of a real webhook URL. */
	static final String TOKEN = "XoxbTokenCanary7Kq2Wm9Zp4";

	static final String PATH = "/services/T0CANARY/B0CANARY/" + TOKEN;

	private volatile HttpServer server;

	private final int port;

	private final ExecutorService executor = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "webhook-server");
		thread.setDaemon(true);
		return thread;
	});

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();

	private volatile CountDownLatch hang;

	private volatile String retryAfter;

	WebhookServer() throws IOException {
		this.server = listen(0);
		this.port = this.server.getAddress().getPort();
	}

	private HttpServer listen(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		server.createContext("/", this::handle);
		server.setExecutor(this.executor);
		server.start();
		return server;
	}

	/** The full URL, token included. */
	String url() {
		return "http://127.0.0.1:" + this.port + PATH;
	}

	/** Stops listening: connections are refused until {@link #resume()}. */
	void refuse() {
		this.server.stop(0);
	}

	/** Listens again on the same port. */
	void resume() throws IOException {
		this.server = listen(this.port);
	}

	/** A URL on a port where nothing listens: connections are refused. */
	static String refusingUrl() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "http://127.0.0.1:" + socket.getLocalPort() + PATH;
		}
	}

	/** The next requests get these statuses, in order; then 200 again. */
	void answer(Integer... statuses) {
		this.statuses.addAll(List.of(statuses));
	}

	void retryAfter(String seconds) {
		this.retryAfter = seconds;
	}

	/** Requests from now on get no answer until {@link #release()}. */
	void hang() {
		this.hang = new CountDownLatch(1);
	}

	void release() {
		CountDownLatch latch = this.hang;
		this.hang = null;
		if (latch != null) {
			latch.countDown();
		}
	}

	/** Requests that arrived, hanging ones included. */
	List<Received> received() {
		return List.copyOf(this.received);
	}

	String bodies() {
		StringBuilder all = new StringBuilder();
		this.received.forEach((request) -> all.append(request.body()).append('\n'));
		return all.toString();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Content-Type"), body, System.nanoTime()));
			CountDownLatch latch = this.hang;
			if (latch != null) {
				latch.await(60, TimeUnit.SECONDS);
			}
			Integer status = this.statuses.poll();
			int code = (status != null) ? status : 200;
			if (this.retryAfter != null && code != 200) {
				exchange.getResponseHeaders().add("Retry-After", this.retryAfter);
			}
			byte[] answer = ((code == 200) ? "ok" : "error " + code).getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(code, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		release();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	record Received(String method, String path, String contentType, String body, long nanos) {
	}

}
