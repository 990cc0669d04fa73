package io.credentialhealth.notify;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

/**
 * POSTs one body to the webhook with bounded retries and exponential back-off. Blocking: runs
 * only on the notifier's own thread, never on a check.
 */
class WebhookDelivery {

	/** Back-off and Retry-After never wait longer than this between two attempts. */
	static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

	private final WebhookAddress address;

	private final Duration timeout;

	private final int maxAttempts;

	private final Duration initialBackoff;

	private final HttpClient client;

	WebhookDelivery(WebhookAddress address, Duration timeout, int maxAttempts, Duration initialBackoff) {
		this.address = address;
		this.timeout = timeout;
		this.maxAttempts = maxAttempts;
		this.initialBackoff = initialBackoff;
		// Webhooks do not redirect; following one could send the body somewhere unexpected.
		this.client = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/**
	 * Delivers the body, retrying what may pass later (I/O errors, timeouts, 408, 429, 5xx).
	 * @param body the JSON body
	 * @return what happened
	 * @throws InterruptedException on shutdown
	 */
	Outcome deliver(byte[] body) throws InterruptedException {
		Attempt last = null;
		for (int attempt = 1; attempt <= this.maxAttempts; attempt++) {
			if (attempt > 1) {
				Duration wait = backoff(attempt - 1);
				if (last.retryAfter() != null && last.retryAfter().compareTo(wait) > 0) {
					wait = min(last.retryAfter(), MAX_BACKOFF);
				}
				Thread.sleep(wait.toMillis());
			}
			last = attempt(body);
			if (last.delivered()) {
				return new Outcome(true, attempt, null);
			}
			if (!last.retryable()) {
				return new Outcome(false, attempt, last.problem());
			}
		}
		return new Outcome(false, this.maxAttempts, last.problem());
	}

	/** Wait after the given failed attempt: initial, 2x, 4x... capped. */
	Duration backoff(int failedAttempt) {
		long factor = 1L << Math.min(failedAttempt - 1, 20);
		return min(this.initialBackoff.multipliedBy(factor), MAX_BACKOFF);
	}

	private Attempt attempt(byte[] body) throws InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.address.uri())
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", "credential-health")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		CompletableFuture<HttpResponse<String>> response = this.client.sendAsync(request,
				HttpResponse.BodyHandlers.ofString());
		try {
			// The request timeout covers the headers; this bound also covers a body that trickles.
			return answer(response.get(this.timeout.toMillis() * 2 + 100, TimeUnit.MILLISECONDS));
		}
		catch (TimeoutException ex) {
			response.cancel(true);
			return Attempt.retry("no answer within " + seconds(this.timeout), null);
		}
		catch (InterruptedException ex) {
			response.cancel(true);
			throw ex;
		}
		catch (ExecutionException ex) {
			return Attempt.retry(describe(ex.getCause()), null);
		}
	}

	private Attempt answer(HttpResponse<String> response) {
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return new Attempt(true, false, null, null);
		}
		String problem = "HTTP " + status + excerpt(response.body());
		if (status == 408 || status == 429 || status >= 500) {
			return Attempt.retry(problem, retryAfter(response));
		}
		if (status >= 300 && status < 400) {
			problem += " (a redirect: configure the final URL)";
		}
		return new Attempt(false, false, problem, null);
	}

	private String describe(Throwable failure) {
		if (failure instanceof HttpConnectTimeoutException) {
			return "could not connect within " + seconds(this.timeout);
		}
		if (failure instanceof HttpTimeoutException) {
			return "no answer within " + seconds(this.timeout);
		}
		if (failure instanceof ConnectException) {
			return "connection refused";
		}
		if (failure instanceof UnknownHostException || failure instanceof UnresolvedAddressException
				|| failure.getCause() instanceof UnresolvedAddressException) {
			return "unknown host";
		}
		if (failure instanceof SSLException) {
			return "TLS failed (" + failure.getClass().getSimpleName() + ")";
		}
		if (failure instanceof IOException && failure.getMessage() != null) {
			return failure.getClass().getSimpleName() + ": " + sanitize(failure.getMessage());
		}
		return failure.getClass().getSimpleName();
	}

	/** A short, single-line start of what the receiver said (Slack: "invalid_payload", Discord: a JSON message). */
	private String excerpt(String body) {
		if (body == null || body.isBlank()) {
			return "";
		}
		String text = sanitize(body).strip();
		return " \"" + ((text.length() > 160) ? text.substring(0, 160) + "…" : text) + "\"";
	}

	/** No control characters, and never the path or query that carry the webhook's token. */
	private String sanitize(String text) {
		String result = text.replaceAll("\\p{Cntrl}+", " ");
		String path = this.address.uri().getRawPath();
		if (path != null && path.length() > 1) {
			result = result.replace(path, "/…");
		}
		String query = this.address.uri().getRawQuery();
		if (query != null && !query.isEmpty()) {
			result = result.replace(query, "…");
		}
		return result;
	}

	private static Duration retryAfter(HttpResponse<?> response) {
		return response.headers().firstValue("Retry-After").map((value) -> {
			try {
				return Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}).orElse(null);
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static String seconds(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

	/** One attempt's result. */
	private record Attempt(boolean delivered, boolean retryable, String problem, Duration retryAfter) {

		static Attempt retry(String problem, Duration retryAfter) {
			return new Attempt(false, true, problem, retryAfter);
		}

	}

	/**
	 * What became of one notification.
	 *
	 * @param delivered whether the webhook accepted it
	 * @param attempts attempts made
	 * @param problem why the last attempt failed, safe to log; null when delivered
	 */
	record Outcome(boolean delivered, int attempts, String problem) {
	}

}
