package io.credentialhealth.state.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.credentialhealth.state.Condition;
import io.credentialhealth.state.FleetEntry;
import io.credentialhealth.state.StateStore;
import io.credentialhealth.state.StoreStatus;
import io.credentialhealth.state.StoredState;
import io.credentialhealth.state.VariableMemory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared store: PostgreSQL, one row per environment, service and variable, so replicas and
 * environments of a service share one memory. Writes are upserts that never move "last seen valid"
 * back, whichever replica commits last; the salt is one per service (inserted by the first
 * instance) so fingerprints agree everywhere. The schema is migrated by Flyway at the first
 * successful connection, not at start-up, so a database that is down does not stop the service.
 * <p>
 * When the database cannot be reached the store keeps working in memory, logs one warning, shows
 * the problem in {@link #status()} and tries again at the next check; what changed meanwhile is
 * written when it comes back. Messages carry exception types and SQL states, never an exception
 * message, a URL with credentials or a value.
 */
public class JdbcStateStore implements StateStore {

	private static final Log logger = LogFactory.getLog(JdbcStateStore.class);

	/** Within one check, a failed call spares the next ones the connection timeout. */
	private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

	private static final String SELECT_SALT = "SELECT salt FROM credential_health_salt WHERE service = ?";

	private static final String INSERT_SALT = "INSERT INTO credential_health_salt (service, salt) VALUES (?, ?) "
			+ "ON CONFLICT (service) DO NOTHING";

	private static final String SELECT_VARIABLES = "SELECT variable, first_seen, last_seen_valid, fingerprint, deployment, "
			+ "git_commit, last_condition, lost_since, last_change FROM credential_health_variable "
			+ "WHERE environment = ? AND service = ?";

	private static final String SELECT_FLEET = "SELECT environment, variable, last_condition, last_seen_valid, deployment, "
			+ "fingerprint FROM credential_health_variable WHERE service = ? AND environment <> ? "
			+ "AND last_seen_valid IS NOT NULL ORDER BY variable, environment";

	/**
	 * The sighting with the newest "last seen valid" owns the value columns; the newest observation
	 * owns the condition columns. Concurrent upserts of one row serialise on its lock and each sees
	 * the committed row, so the newest of everything survives whatever the commit order.
	 */
	private static final String UPSERT = """
			INSERT INTO credential_health_variable AS v (environment, service, variable, first_seen, last_seen_valid,
			    fingerprint, deployment, git_commit, last_condition, lost_since, last_change, observed_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (environment, service, variable) DO UPDATE SET
			    first_seen = CASE
			        WHEN EXCLUDED.fingerprint = v.fingerprint THEN LEAST(v.first_seen, EXCLUDED.first_seen)
			        WHEN %1$s THEN EXCLUDED.first_seen
			        ELSE v.first_seen END,
			    last_seen_valid = GREATEST(v.last_seen_valid, EXCLUDED.last_seen_valid),
			    fingerprint = CASE WHEN %1$s THEN EXCLUDED.fingerprint ELSE v.fingerprint END,
			    deployment = CASE WHEN %1$s THEN EXCLUDED.deployment ELSE v.deployment END,
			    git_commit = CASE WHEN %1$s THEN EXCLUDED.git_commit ELSE v.git_commit END,
			    last_condition = CASE WHEN %2$s THEN EXCLUDED.last_condition ELSE v.last_condition END,
			    lost_since = CASE WHEN %2$s THEN EXCLUDED.lost_since ELSE v.lost_since END,
			    last_change = CASE WHEN %2$s THEN EXCLUDED.last_change ELSE v.last_change END,
			    observed_at = GREATEST(v.observed_at, EXCLUDED.observed_at)
			""".formatted(
			"(EXCLUDED.last_seen_valid IS NOT NULL AND (v.last_seen_valid IS NULL OR EXCLUDED.last_seen_valid >= v.last_seen_valid))",
			"EXCLUDED.observed_at >= v.observed_at");

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Flyway flyway;

	private final String location;

	private final String environment;

	private final String service;

	private final Clock clock;

	/** Whether the checker's memory (and its salt) came from the database; until then nothing is written. */
	private boolean loaded;

	private boolean migrated;

	/** What the database holds for this environment as far as this instance knows: only changes are written. */
	private Map<String, VariableMemory> written = new HashMap<>();

	private Map<String, List<FleetEntry>> fleet = Map.of();

	private Instant failedAt;

	private volatile String problem;

	/**
	 * @param dataSource the database
	 * @param location where it is, for logs and health (no credentials)
	 * @param environment this instance's environment, e.g. "production"
	 * @param service this instance's service name
	 * @param clock the clock
	 */
	public JdbcStateStore(DataSource dataSource, String location, String environment, String service, Clock clock) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setQueryTimeout(30);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.flyway = Flyway.configure(JdbcStateStore.class.getClassLoader())
			.dataSource(dataSource)
			.locations("classpath:db/credential-health")
			.table("credential_health_schema_history")
			// The database may be shared with other applications: start our history beside their tables.
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load();
		this.location = location;
		this.environment = environment;
		this.service = service;
		this.clock = clock;
	}

	@Override
	public synchronized StoredState load() {
		this.failedAt = null;
		StoredState stored = read();
		// Provisional: a random salt and no memory, replaced by the database's in reconcile() once it answers.
		return (stored != null) ? stored : StoredState.fresh();
	}

	@Override
	public synchronized StoredState reconcile(StoredState current) {
		this.failedAt = null;
		if (this.loaded) {
			return current;
		}
		StoredState stored = read();
		if (stored == null) {
			return current;
		}
		logger.info("State store: the database answered; this check continues from its memory ("
				+ stored.variables().size() + " variables) instead of the provisional one kept in memory");
		return stored;
	}

	private StoredState read() {
		try {
			migrate();
			String salt = salt();
			Map<String, VariableMemory> variables = variables();
			this.written = new HashMap<>(variables);
			if (!this.loaded) {
				logger.info("State store: PostgreSQL at " + this.location + ", environment '" + this.environment
						+ "', service '" + this.service + "', " + variables.size() + " variables remembered");
			}
			this.loaded = true;
			recovered();
			return new StoredState(salt, variables);
		}
		catch (RuntimeException ex) {
			degrade("could not be read", ex);
			return null;
		}
	}

	private void migrate() {
		if (!this.migrated) {
			this.flyway.migrate();
			this.migrated = true;
		}
	}

	private String salt() {
		this.jdbc.update(INSERT_SALT, this.service, StoredState.fresh().salt());
		return this.jdbc.queryForObject(SELECT_SALT, String.class, this.service);
	}

	private Map<String, VariableMemory> variables() {
		Map<String, VariableMemory> variables = new TreeMap<>();
		this.jdbc.query(SELECT_VARIABLES, (ResultSet rs) -> {
			variables.put(rs.getString("variable"),
					new VariableMemory(instant(rs, "first_seen"), instant(rs, "last_seen_valid"),
							rs.getString("fingerprint"), rs.getString("deployment"), rs.getString("git_commit"),
							Condition.valueOf(rs.getString("last_condition")), instant(rs, "lost_since"),
							instant(rs, "last_change")));
		}, this.environment, this.service);
		return variables;
	}

	@Override
	public synchronized void save(StoredState state) {
		if (!this.loaded || waiting()) {
			// Before the database's memory is loaded, fingerprints use a provisional salt: nothing to write yet.
			return;
		}
		Map<String, VariableMemory> changed = new TreeMap<>();
		state.variables().forEach((name, memory) -> {
			if (!Objects.equals(this.written.get(name), memory)) {
				changed.put(name, memory);
			}
		});
		if (changed.isEmpty()) {
			return;
		}
		OffsetDateTime observedAt = timestamp(this.clock.instant());
		List<Object[]> rows = new ArrayList<>();
		// Sorted by variable, so concurrent writers lock rows in one order and never deadlock.
		changed.forEach((name, memory) -> rows.add(new Object[] { this.environment, this.service, name,
				timestamp(memory.firstSeen()), timestamp(memory.lastSeenValid()), memory.fingerprint(),
				memory.deployment(), memory.commit(), memory.lastCondition().name(), timestamp(memory.lostSince()),
				timestamp(memory.lastChange()), observedAt }));
		try {
			// One transaction: a save is written whole or not at all.
			this.transactions.executeWithoutResult((status) -> this.jdbc.batchUpdate(UPSERT, rows));
			this.written.putAll(changed);
			recovered();
		}
		catch (RuntimeException ex) {
			degrade("could not be written", ex);
		}
	}

	@Override
	public synchronized Map<String, List<FleetEntry>> fleet() {
		if (!this.loaded || waiting()) {
			return this.fleet;
		}
		try {
			Map<String, List<FleetEntry>> entries = new LinkedHashMap<>();
			this.jdbc.query(SELECT_FLEET, (ResultSet rs) -> {
				entries.computeIfAbsent(rs.getString("variable"), (name) -> new ArrayList<>())
					.add(new FleetEntry(rs.getString("environment"), Condition.valueOf(rs.getString("last_condition")),
							instant(rs, "last_seen_valid"), rs.getString("deployment"), rs.getString("fingerprint")));
			}, this.service, this.environment);
			Map<String, List<FleetEntry>> fleet = new LinkedHashMap<>();
			entries.forEach((name, list) -> fleet.put(name, List.copyOf(list)));
			this.fleet = Collections.unmodifiableMap(fleet);
		}
		catch (RuntimeException ex) {
			degrade("could not be read", ex);
		}
		return this.fleet;
	}

	@Override
	public StoreStatus status() {
		String current = this.problem;
		return new StoreStatus("jdbc", this.location, current != null, current);
	}

	/** Whether a call failed a moment ago, in this check: don't wait for the connection timeout again. */
	private boolean waiting() {
		return this.failedAt != null && this.clock.instant().isBefore(this.failedAt.plus(RETRY_AFTER));
	}

	private void degrade(String what, RuntimeException ex) {
		this.failedAt = this.clock.instant();
		String message = "database " + this.location + " " + what + " (" + describe(ex)
				+ "); keeping state in memory only and retrying at every check";
		if (this.problem == null) {
			logger.warn("State store degraded: " + message
					+ ". Losses across restarts and the fleet view are not updated until it is back.");
		}
		this.problem = message;
	}

	private void recovered() {
		if (this.problem != null) {
			logger.info("State store recovered: database " + this.location + " is reachable again; memory is persisted");
			this.problem = null;
		}
	}

	/** Exception types and SQL state only: messages may quote connection details or data. */
	static String describe(Throwable ex) {
		StringBuilder description = new StringBuilder(ex.getClass().getSimpleName());
		String sqlState = null;
		Throwable root = ex;
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			root = cause;
			if (sqlState == null && cause instanceof SQLException sql && sql.getSQLState() != null) {
				sqlState = sql.getSQLState();
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		if (root != ex) {
			description.append(" caused by ").append(root.getClass().getSimpleName());
		}
		if (sqlState != null) {
			description.append(", SQL state ").append(sqlState);
		}
		return description.toString();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/** PostgreSQL keeps microseconds: truncate so what is read back equals what was written. */
	private static OffsetDateTime timestamp(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC) : null;
	}

}
