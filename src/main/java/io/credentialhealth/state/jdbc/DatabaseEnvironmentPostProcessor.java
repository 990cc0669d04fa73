package io.credentialhealth.state.jdbc;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides which state store runs, before any bean exists: {@code credentials.state-store} when set,
 * else {@code jdbc} when a database is configured ({@code spring.datasource.url}, or the platforms'
 * {@code DATABASE_URL}), else {@code file}. Turns {@code DATABASE_URL}
 * ({@code postgresql://user:password@host:port/db}) into {@code spring.datasource.*}, taking the
 * password out of any URL so that nothing which logs a URL can print it.
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** {@code file} (default) or {@code jdbc}. */
	public static final String STORE_PROPERTY = "credentials.state-store";

	static final String RESOLVED_SOURCE = "credentialHealthDatabase";

	static final String DEFAULTS_SOURCE = "credentialHealthDatabaseDefaults";

	private static final String URL = "spring.datasource.url";

	private static final String DATABASE_URL = "DATABASE_URL";

	/** After the configuration files are loaded, so their settings count. */
	private static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 1;

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String store = store(environment.getProperty(STORE_PROPERTY));
		if ("file".equals(store)) {
			environment.getPropertySources().addFirst(new MapPropertySource(RESOLVED_SOURCE, Map.of(STORE_PROPERTY, "file")));
			return;
		}
		DatabaseUrl database = database(environment);
		if (database == null) {
			if ("jdbc".equals(store)) {
				throw new StateStoreConfigurationException(STORE_PROPERTY, "is jdbc but no database is configured",
						"Set DATABASE_URL (postgresql://user:password@host:5432/database) or spring.datasource.url, "
								+ "or remove credentials.state-store to keep the file store.");
			}
			return;
		}
		Map<String, Object> resolved = new LinkedHashMap<>();
		resolved.put(STORE_PROPERTY, "jdbc");
		resolved.put(URL, database.jdbcUrl());
		if (database.username() != null && !StringUtils.hasText(environment.getProperty("spring.datasource.username"))) {
			resolved.put("spring.datasource.username", database.username());
		}
		if (database.password() != null && !StringUtils.hasText(environment.getProperty("spring.datasource.password"))) {
			resolved.put("spring.datasource.password", database.password());
		}
		environment.getPropertySources().addFirst(new MapPropertySource(RESOLVED_SOURCE, resolved));
		environment.getPropertySources().addLast(new MapPropertySource(DEFAULTS_SOURCE, defaults()));
	}

	private static String store(String value) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		String store = value.strip().toLowerCase(Locale.ROOT);
		if (!store.equals("file") && !store.equals("jdbc")) {
			String shown = (value.length() <= 20) ? "'" + value.strip() + "'" : "a value of " + value.length() + " characters";
			throw new StateStoreConfigurationException(STORE_PROPERTY, "must be file or jdbc, not " + shown,
					"Set credentials.state-store=file (one JSON file, the default) or credentials.state-store=jdbc "
							+ "(PostgreSQL from DATABASE_URL or spring.datasource.url), or leave it out.");
		}
		return store;
	}

	private static DatabaseUrl database(ConfigurableEnvironment environment) {
		String url = environment.getProperty(URL);
		if (StringUtils.hasText(url)) {
			return parse(url, URL);
		}
		String databaseUrl = environment.getProperty(DATABASE_URL);
		if (StringUtils.hasText(databaseUrl)) {
			return parse(databaseUrl, DATABASE_URL);
		}
		return null;
	}

	private static DatabaseUrl parse(String url, String property) {
		try {
			return DatabaseUrl.parse(url);
		}
		catch (IllegalArgumentException ex) {
			throw new StateStoreConfigurationException(property, ex.getMessage(),
					"Give a PostgreSQL URL such as postgresql://user:password@host:5432/database (the form Render and "
							+ "Railway provide) or jdbc:postgresql://host:5432/database, or set "
							+ "credentials.state-store=file to ignore it.");
		}
	}

	/**
	 * Defaults for the pool, lowest precedence so any setting overrides them: a check must not hang
	 * on a database that went away, and the {@code stateStore} health component (outside readiness)
	 * reports the database instead of Boot's {@code db} indicator, which would turn the root health
	 * DOWN and query the database on every health request.
	 */
	private static Map<String, Object> defaults() {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("management.health.db.enabled", "false");
		defaults.put("spring.datasource.hikari.pool-name", "credential-state");
		defaults.put("spring.datasource.hikari.maximum-pool-size", "2");
		defaults.put("spring.datasource.hikari.minimum-idle", "1");
		defaults.put("spring.datasource.hikari.connection-timeout", "5000");
		// Start even when the database is down: the store degrades to memory and retries at every check.
		defaults.put("spring.datasource.hikari.initialization-fail-timeout", "-1");
		defaults.put("spring.datasource.hikari.data-source-properties[connectTimeout]", "5");
		defaults.put("spring.datasource.hikari.data-source-properties[socketTimeout]", "30");
		defaults.put("spring.datasource.hikari.data-source-properties[ApplicationName]", "credential-health");
		// One warning per outage is the store's: Hikari's per-connection warnings about the same outage stay quiet.
		defaults.put("logging.level.com.zaxxer.hikari.pool.ProxyConnection", "error");
		defaults.put("logging.level.com.zaxxer.hikari.pool.PoolBase", "error");
		return defaults;
	}

}
