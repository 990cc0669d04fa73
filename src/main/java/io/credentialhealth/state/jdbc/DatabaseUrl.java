package io.credentialhealth.state.jdbc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A PostgreSQL connection split into a JDBC URL without credentials, a user name and a password.
 * Accepts the platforms' {@code postgresql://user:password@host:port/db?sslmode=require} (also
 * {@code postgres://}) and {@code jdbc:postgresql://host:port/db?user=...&password=...}. The
 * password never stays in the URL, because URLs get logged (Flyway prints the one it connects to),
 * and no message of this class quotes the input: {@link #parse} throws
 * {@link IllegalArgumentException}s whose messages are safe to print.
 *
 * @param jdbcUrl the JDBC URL, without user or password
 * @param username the user, null when the URL names none
 * @param password the password, null when the URL carries none
 */
record DatabaseUrl(String jdbcUrl, String username, String password) {

	private static final String JDBC_PREFIX = "jdbc:postgresql:";

	private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{0,19}");

	/** libpq parameter names that pgjdbc spells differently. */
	private static final Map<String, String> LIBPQ_TO_PGJDBC = Map.of("application_name", "ApplicationName",
			"connect_timeout", "connectTimeout");

	static DatabaseUrl parse(String raw) {
		if (raw == null || raw.isBlank()) {
			throw new IllegalArgumentException("is empty");
		}
		String url = raw.strip();
		String lower = url.toLowerCase(Locale.ROOT);
		if (lower.startsWith(JDBC_PREFIX)) {
			return parseJdbc(url.substring(JDBC_PREFIX.length()));
		}
		if (lower.startsWith("postgresql://")) {
			return parsePlatform(url.substring("postgresql://".length()));
		}
		if (lower.startsWith("postgres://")) {
			return parsePlatform(url.substring("postgres://".length()));
		}
		throw new IllegalArgumentException("must start with postgresql://, postgres:// or jdbc:postgresql:// (it starts with "
				+ scheme(url) + "); only PostgreSQL is supported");
	}

	/** {@code user:password@host:port/db?params}: what Render, Railway, Heroku and libpq use. */
	private static DatabaseUrl parsePlatform(String rest) {
		int at = rest.lastIndexOf('@');
		String userInfo = (at >= 0) ? rest.substring(0, at) : null;
		String location = (at >= 0) ? rest.substring(at + 1) : rest;
		int query = location.indexOf('?');
		String params = (query >= 0) ? location.substring(query + 1) : "";
		String hostAndPath = (query >= 0) ? location.substring(0, query) : location;
		int slash = hostAndPath.indexOf('/');
		String hosts = (slash >= 0) ? hostAndPath.substring(0, slash) : hostAndPath;
		String database = (slash >= 0) ? hostAndPath.substring(slash + 1) : "";
		if (hosts.isEmpty()) {
			throw new IllegalArgumentException("names no host (expected postgresql://user:password@host:port/database)");
		}
		String username = null;
		String password = null;
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			username = decode((colon >= 0) ? userInfo.substring(0, colon) : userInfo);
			password = (colon >= 0) ? decode(userInfo.substring(colon + 1)) : null;
		}
		Parameters parameters = Parameters.of(params, LIBPQ_TO_PGJDBC);
		username = (username != null && !username.isEmpty()) ? username : parameters.user;
		password = (password != null) ? password : parameters.password;
		String jdbcUrl = "jdbc:postgresql://" + hosts + "/" + database + parameters.query();
		return new DatabaseUrl(jdbcUrl, emptyToNull(username), emptyToNull(password));
	}

	/** {@code //host:port/db?user=...&password=...}, also {@code //user:password@host...}. */
	private static DatabaseUrl parseJdbc(String rest) {
		int query = rest.indexOf('?');
		String params = (query >= 0) ? rest.substring(query + 1) : "";
		String location = (query >= 0) ? rest.substring(0, query) : rest;
		String username = null;
		String password = null;
		if (location.startsWith("//")) {
			int at = location.lastIndexOf('@');
			if (at >= 0) {
				String userInfo = location.substring(2, at);
				int colon = userInfo.indexOf(':');
				username = decode((colon >= 0) ? userInfo.substring(0, colon) : userInfo);
				password = (colon >= 0) ? decode(userInfo.substring(colon + 1)) : null;
				location = "//" + location.substring(at + 1);
			}
		}
		Parameters parameters = Parameters.of(params, Map.of());
		username = (username != null && !username.isEmpty()) ? username : parameters.user;
		password = (password != null) ? password : parameters.password;
		return new DatabaseUrl(JDBC_PREFIX + location + parameters.query(), emptyToNull(username),
				emptyToNull(password));
	}

	/** Where the database is, for logs and health: the JDBC URL without its parameters. */
	String location() {
		return describe(this.jdbcUrl);
	}

	/** The location part of any JDBC URL: scheme, hosts and database, never parameters or a password. */
	static String describe(String jdbcUrl) {
		if (jdbcUrl == null) {
			return "unknown";
		}
		String url = jdbcUrl;
		int query = url.indexOf('?');
		if (query >= 0) {
			url = url.substring(0, query);
		}
		int at = url.lastIndexOf('@');
		if (at >= 0 && url.indexOf("//") >= 0 && url.indexOf("//") < at) {
			url = url.substring(0, url.indexOf("//") + 2) + url.substring(at + 1);
		}
		return url;
	}

	private static String scheme(String url) {
		int colon = url.indexOf(':');
		String scheme = (colon > 0) ? url.substring(0, colon) : "";
		return SCHEME.matcher(scheme).matches() ? "'" + scheme + ":'" : "something that is not a URL scheme";
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	/** Percent-decoding as in URLs (a '+' stays a '+'); a malformed escape is kept as it is. */
	static String decode(String value) {
		if (value.indexOf('%') < 0) {
			return value;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '%' && i + 2 < value.length() && Character.digit(value.charAt(i + 1), 16) >= 0
					&& Character.digit(value.charAt(i + 2), 16) >= 0) {
				bytes.write(Character.digit(value.charAt(i + 1), 16) * 16 + Character.digit(value.charAt(i + 2), 16));
				i += 2;
			}
			else {
				byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				bytes.write(encoded, 0, encoded.length);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "DatabaseUrl[" + location() + ", user " + this.username + ", password "
				+ ((this.password != null) ? "(set)" : "(none)") + "]";
	}

	/** Query parameters with user and password taken out; the rest is kept as written. */
	private static final class Parameters {

		private final List<String> kept = new ArrayList<>();

		private String user;

		private String password;

		static Parameters of(String query, Map<String, String> renames) {
			Parameters parameters = new Parameters();
			for (String pair : query.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int equals = pair.indexOf('=');
				String name = (equals >= 0) ? pair.substring(0, equals) : pair;
				String value = (equals >= 0) ? pair.substring(equals + 1) : "";
				switch (name) {
					case "user" -> parameters.user = decode(value);
					case "password" -> parameters.password = decode(value);
					default -> parameters.kept.add(renames.getOrDefault(name, name) + ((equals >= 0) ? "=" + value : ""));
				}
			}
			return parameters;
		}

		String query() {
			return this.kept.isEmpty() ? "" : "?" + String.join("&", this.kept);
		}

	}

}
