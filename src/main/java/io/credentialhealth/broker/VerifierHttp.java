package io.credentialhealth.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

import javax.net.ssl.SSLException;

/**
 * The HTTP plumbing the verifiers share: one JDK {@link HttpClient} with a connect timeout, a
 * per-request timeout, a hard deadline on the whole exchange (a server that sends headers and then
 * stalls is cut off too), a cap on the body size, no redirects, and failures turned into fixed
 * sentences that never quote an exception message, a request header or a body.
 */
public final class VerifierHttp {

	/** Answers longer than this are cut: every answer we read is a small JSON object. */
	public static final int MAX_BODY_BYTES = 64 * 1024;

	// Values of jdk.httpclient.HttpClient.log that never print headers or bodies.
	private static final Set<String> SAFE_LOG_TOPICS = Set.of("errors", "requests", "ssl");

	private final HttpClient client;

	private final VerifierSettings settings;

	public VerifierHttp(VerifierSettings settings) {
		this.settings = (settings != null) ? settings : VerifierSettings.defaults();
		this.client = HttpClient.newBuilder()
			.connectTimeout(this.settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	public VerifierSettings settings() {
		return this.settings;
	}

	/**
	 * A request builder with the timeout and User-Agent already set.
	 */
	public HttpRequest.Builder request(URI uri) {
		return HttpRequest.newBuilder(uri)
			.timeout(this.settings.requestTimeout())
			.header("User-Agent", this.settings.userAgent());
	}

	/**
	 * Sends the request and waits at most connect timeout plus request timeout for the complete
	 * answer. Never throws.
	 */
	public Exchange send(HttpRequest request) {
		CompletableFuture<HttpResponse<CappedBody>> future = this.client.sendAsync(request,
				(info) -> new CappedBodySubscriber(MAX_BODY_BYTES));
		Duration deadline = this.settings.connectTimeout().plus(this.settings.requestTimeout());
		try {
			HttpResponse<CappedBody> response = future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
			CappedBody body = response.body();
			return Exchange.answered(new Answer(response.statusCode(), response.headers(), body.bytes(),
					body.truncated()));
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			return Exchange.failed("no complete answer within " + seconds(deadline));
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			return Exchange.failed("the verification was interrupted");
		}
		catch (ExecutionException ex) {
			return Exchange.failed(describe(ex.getCause()));
		}
		catch (RuntimeException ex) {
			return Exchange.failed("the request could not be sent (" + ex.getClass().getSimpleName() + ")");
		}
	}

	/**
	 * A fixed description of a network failure: the exception's type decides the text, its message
	 * is never used.
	 */
	String describe(Throwable failure) {
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
			if (cause instanceof HttpConnectTimeoutException) {
				return "could not connect within " + seconds(this.settings.connectTimeout());
			}
			if (cause instanceof HttpTimeoutException) {
				return "no answer within " + seconds(this.settings.requestTimeout());
			}
			if (cause instanceof ConnectException) {
				return "the connection was refused or could not be made";
			}
			if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
				return "the host name could not be resolved";
			}
			if (cause instanceof SSLException) {
				return "the TLS handshake failed";
			}
		}
		if (failure instanceof IOException) {
			return "network error (" + failure.getClass().getSimpleName() + ")";
		}
		return "the request failed (" + ((failure != null) ? failure.getClass().getSimpleName() : "unknown") + ")";
	}

	/**
	 * Whether a value can be sent as an HTTP header value as is: printable ASCII only, so neither
	 * the client rejects it nor a line break splits the header.
	 */
	public static boolean isHeaderSafe(String value) {
		if (value == null || value.isEmpty()) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c > 0x7e) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Returns why sending credentials would be unsafe right now, or {@code null}. The JDK client
	 * prints every request header, credentials included, when {@code jdk.httpclient.HttpClient.log}
	 * asks for headers (or for everything), or when its internal debug switches are on. Verifiers
	 * then refuse to send anything rather than leak a key into the log.
	 */
	public static String unsafeLoggingReason() {
		return unsafeLoggingReason(System::getProperty);
	}

	static String unsafeLoggingReason(UnaryOperator<String> properties) {
		String log = properties.apply("jdk.httpclient.HttpClient.log");
		if (log != null && !log.isBlank()) {
			for (String topic : log.toLowerCase(Locale.ROOT).split(",")) {
				String name = topic.strip();
				if (!name.isEmpty() && !SAFE_LOG_TOPICS.contains(name)) {
					return "live verification is off because the JDK HTTP client logs request headers "
							+ "(system property jdk.httpclient.HttpClient.log includes '" + SecretScrubber.printable(name, 20)
							+ "'); only errors, requests and ssl are safe";
				}
			}
		}
		for (String debug : List.of("jdk.internal.httpclient.debug", "jdk.internal.httpclient.websocket.debug",
				"jdk.internal.httpclient.hpack.debug")) {
			if (Boolean.parseBoolean(properties.apply(debug))) {
				return "live verification is off because the JDK HTTP client debug output is on (system property "
						+ debug + "), which can print request headers";
			}
		}
		return null;
	}

	public static String seconds(Duration duration) {
		long millis = duration.toMillis();
		if (millis % 1000 == 0) {
			return (millis / 1000) + " s";
		}
		return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
	}

	/**
	 * A complete answer with its body, possibly cut at {@link #MAX_BODY_BYTES}.
	 */
	public record Answer(int status, HttpHeaders headers, byte[] body, boolean truncated) {

	}

	/**
	 * Either an answer or a failure sentence.
	 */
	public record Exchange(Answer answer, String failure) {

		static Exchange answered(Answer answer) {
			return new Exchange(answer, null);
		}

		static Exchange failed(String failure) {
			return new Exchange(null, failure);
		}

		public boolean answered() {
			return this.answer != null;
		}

	}

	record CappedBody(byte[] bytes, boolean truncated) {

	}

	/**
	 * Collects at most {@code cap} bytes, then cancels the rest of the body.
	 */
	static final class CappedBodySubscriber implements HttpResponse.BodySubscriber<CappedBody> {

		private final int cap;

		private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

		private final CompletableFuture<CappedBody> result = new CompletableFuture<>();

		private Flow.Subscription subscription;

		CappedBodySubscriber(int cap) {
			this.cap = cap;
		}

		@Override
		public CompletionStage<CappedBody> getBody() {
			return this.result;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(1);
		}

		@Override
		public void onNext(List<ByteBuffer> items) {
			if (this.result.isDone()) {
				return;
			}
			for (ByteBuffer item : items) {
				int room = this.cap - this.buffer.size();
				int take = Math.min(room, item.remaining());
				byte[] chunk = new byte[take];
				item.get(chunk);
				this.buffer.write(chunk, 0, take);
				if (item.hasRemaining()) {
					this.result.complete(new CappedBody(this.buffer.toByteArray(), true));
					this.subscription.cancel();
					return;
				}
			}
			this.subscription.request(1);
		}

		@Override
		public void onError(Throwable throwable) {
			this.result.completeExceptionally(throwable);
		}

		@Override
		public void onComplete() {
			this.result.complete(new CappedBody(this.buffer.toByteArray(), false));
		}

	}

}
