package io.credentialhealth.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A webhook URL. Slack and Discord put the webhook's token in the path, so only scheme and host
 * ever reach a log line: {@link #toString()} is the redacted form, e.g.
 * {@code https://hooks.slack.com/…}.
 *
 * @param uri the full URL, for the HTTP client only
 */
public record WebhookAddress(URI uri) {

	/** Parses a URL that {@link #problem(String)} accepts. */
	public static WebhookAddress parse(String url) {
		String problem = problem(url);
		if (problem != null) {
			throw new IllegalArgumentException("Not a usable webhook URL (" + problem + ")");
		}
		return new WebhookAddress(URI.create(url.strip()));
	}

	/**
	 * What is wrong with a URL, in words that never repeat it, or null when it is usable.
	 * @param url the configured value
	 * @return the problem or null
	 */
	public static String problem(String url) {
		if (url == null || url.isBlank()) {
			return "empty";
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			// The exception message quotes the input: only its position is kept.
			return (ex.getIndex() >= 0) ? "malformed at character " + (ex.getIndex() + 1) : "malformed";
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (scheme == null) {
			return "no scheme";
		}
		if (!scheme.equals("https") && !scheme.equals("http")) {
			return "scheme must be http or https";
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			return "no host";
		}
		return null;
	}

	/** Scheme and host (and a non-default port), the rest elided. */
	public String redacted() {
		return redact(this.uri);
	}

	static String redact(URI uri) {
		StringBuilder text = new StringBuilder();
		text.append(uri.getScheme()).append("://").append(uri.getHost());
		if (uri.getPort() != -1) {
			text.append(':').append(uri.getPort());
		}
		String rest = uri.getRawPath();
		if ((rest != null && !rest.isEmpty() && !rest.equals("/")) || uri.getRawQuery() != null) {
			text.append("/…");
		}
		return text.toString();
	}

	@Override
	public String toString() {
		return redacted();
	}

}
