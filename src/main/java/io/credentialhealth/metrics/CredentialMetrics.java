package io.credentialhealth.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;

import io.credentialhealth.check.AccountState;
import io.credentialhealth.check.AccountStatus;
import io.credentialhealth.check.CheckCompleted;
import io.credentialhealth.check.CredentialTransition;
import io.credentialhealth.check.CurrentSnapshot;
import io.credentialhealth.check.Snapshot;
import io.credentialhealth.check.Transition;
import io.credentialhealth.check.VariableStatus;
import io.credentialhealth.platform.PlatformInfo;
import io.credentialhealth.registry.Account;
import io.credentialhealth.registry.CredentialRegistry;
import io.credentialhealth.state.Condition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.context.event.EventListener;

/**
 * Publishes the current {@link Snapshot} and the {@link CredentialTransition} events as meters. Gauges read the
 * snapshot when scraped and never do I/O; after each check the per-account gauges are re-registered from the new
 * snapshot so that accounts that left it lose their series. Labels carry registry ids and fixed enum values only,
 * never a value, a fingerprint or a problem text.
 * <p>
 * Prometheus names (Micrometer turns dots into underscores, appends the base unit and {@code _total}):
 * <ul>
 * <li>{@code credentials_account_state{account,broker,role,required,state}}: one series per state, the current one 1
 * <li>{@code credentials_account_last_valid_timestamp_seconds{account}}, {@code _last_change_}, {@code _key_first_seen_}
 * <li>{@code credentials_transitions_total{account,transition}}: {@code lost} exists at 0 from start-up (the
 * {@code CredentialLost} alert takes its {@code increase()}), the other kinds from their first occurrence
 * <li>{@code credentials_check_last_run_timestamp_seconds}, {@code credentials_check_interval_seconds},
 * {@code credentials_check_duration_seconds} (summary) and its {@code _max}
 * <li>{@code credentials_notifications_total{result}} (owned by the notifier; zeros from the first check when it is absent)
 * <li>{@code credentials_deployment_info{deployment,commit,instance_id,platform}} = 1
 * </ul>
 */
public class CredentialMetrics implements MeterBinder {

	static final String ACCOUNT_STATE = "credentials.account.state";

	static final String LAST_VALID = "credentials.account.last.valid.timestamp";

	static final String LAST_CHANGE = "credentials.account.last.change.timestamp";

	static final String KEY_FIRST_SEEN = "credentials.account.key.first.seen.timestamp";

	static final String TRANSITIONS = "credentials.transitions";

	static final String LAST_RUN = "credentials.check.last.run.timestamp";

	static final String DURATION = "credentials.check.duration";

	static final String INTERVAL = "credentials.check.interval";

	/** Same name and tag as the notifier's meters (notify package); coordinated by name only. */
	static final String NOTIFICATIONS = "credentials.notifications";

	static final List<String> NOTIFICATION_RESULTS = List.of("sent", "failed", "dropped");

	/**
	 * Micrometer keeps {@code _info} on gauges: {@code credentials_deployment_info} is a gauge in the text format and
	 * an {@code info} family in OpenMetrics, the usual shape for identity labels that must not go on every series.
	 */
	static final String DEPLOYMENT = "credentials.deployment.info";

	private static final String SECONDS = "seconds";

	private final CredentialRegistry registry;

	private final CurrentSnapshot current;

	private final PlatformInfo platform;

	private final Duration checkInterval;

	private final List<Bound> bound = new CopyOnWriteArrayList<>();

	public CredentialMetrics(CredentialRegistry registry, CurrentSnapshot current, PlatformInfo platform,
			Duration checkInterval) {
		this.registry = registry;
		this.current = current;
		this.platform = platform;
		this.checkInterval = checkInterval;
	}

	@Override
	public void bindTo(MeterRegistry meters) {
		Bound target = new Bound(meters);
		target.refreshAccounts(accountsNow());
		this.bound.add(target);
	}

	/** After each check: accounts that appeared get series, accounts that left lose theirs; time the check. */
	@EventListener
	public void checkCompleted(CheckCompleted event) {
		List<Account> accounts = accounts(event.current());
		for (Bound target : this.bound) {
			target.refreshAccounts(accounts);
			target.fillInNotifications();
			target.duration.record(event.current().duration());
		}
	}

	@EventListener
	public void transition(CredentialTransition event) {
		for (Bound target : this.bound) {
			target.transitionCounter(event.account(), event.transition()).increment();
		}
	}

	/** The accounts of the current snapshot; before the first check, those of the registry. */
	private List<Account> accountsNow() {
		return this.current.isAvailable() ? accounts(this.current.get()) : this.registry.accounts();
	}

	private static List<Account> accounts(Snapshot snapshot) {
		return snapshot.accounts().stream().map(AccountStatus::account).toList();
	}

	private Optional<AccountStatus> status(String account) {
		return this.current.isAvailable() ? this.current.get().account(account) : Optional.empty();
	}

	/** 1 for the account's current state, 0 for the others, NaN before the first check or once it is gone. */
	double stateValue(String account, AccountState state) {
		return status(account).map((status) -> (status.state() == state) ? 1.0 : 0.0).orElse(Double.NaN);
	}

	double lastValid(String account) {
		return status(account).map((status) -> seconds(status.lastSeenValid())).orElse(Double.NaN);
	}

	double lastChange(String account) {
		return status(account).map((status) -> seconds(status.lastChange())).orElse(Double.NaN);
	}

	/**
	 * When the current key was first seen; 0 when there is no usable key (missing, unusable) or the account is
	 * disabled, so that the rotation alert only ever looks at keys in use.
	 */
	double keyFirstSeen(String account) {
		return status(account).map((status) -> {
			VariableStatus key = status.key();
			boolean inUse = status.state() != AccountState.DISABLED && key.condition() == Condition.VALID;
			return inUse ? seconds(key.firstSeen()) : 0.0;
		}).orElse(Double.NaN);
	}

	/** End of the last completed check, 0 before the first. */
	double lastRun() {
		if (!this.current.isAvailable()) {
			return 0;
		}
		Snapshot snapshot = this.current.get();
		return seconds(snapshot.checkedAt().plus(snapshot.duration()));
	}

	private static double seconds(Instant instant) {
		return (instant != null) ? instant.toEpochMilli() / 1000.0 : 0.0;
	}

	/** The meters of one registry (Boot binds one; tests may bind several). */
	private final class Bound {

		private final MeterRegistry meters;

		private final MultiGauge states;

		private final MultiGauge lastValid;

		private final MultiGauge lastChange;

		private final MultiGauge keyFirstSeen;

		private final Timer duration;

		private volatile boolean notificationsFilled;

		/** The accounts whose rows are registered; null before the first refresh. */
		private List<Account> registered;

		Bound(MeterRegistry meters) {
			this.meters = meters;
			this.states = MultiGauge.builder(ACCOUNT_STATE)
				.description("Credential state of the account: 1 for the current state, 0 for the others")
				.register(meters);
			this.lastValid = MultiGauge.builder(LAST_VALID)
				.description("When every variable of the account was last seen valid, unix time (0 when never)")
				.baseUnit(SECONDS)
				.register(meters);
			this.lastChange = MultiGauge.builder(LAST_CHANGE)
				.description("When a variable of the account last changed condition or value, unix time (0 when never)")
				.baseUnit(SECONDS)
				.register(meters);
			this.keyFirstSeen = MultiGauge.builder(KEY_FIRST_SEEN)
				.description("When the account's current key was first seen, unix time (0 when there is no usable key)")
				.baseUnit(SECONDS)
				.register(meters);
			this.duration = Timer.builder(DURATION).description("Time a credential check took").register(meters);
			registerFixedMeters();
		}

		private void registerFixedMeters() {
			CredentialMetrics metrics = CredentialMetrics.this;
			Gauge.builder(LAST_RUN, metrics, CredentialMetrics::lastRun)
				.description("When the last credential check completed, unix time (0 before the first)")
				.baseUnit(SECONDS)
				.strongReference(true)
				.register(this.meters);
			double interval = metrics.checkInterval.toMillis() / 1000.0;
			Gauge.builder(INTERVAL, () -> interval)
				.description("Configured time between two credential checks")
				.baseUnit(SECONDS)
				.register(this.meters);
			PlatformInfo platform = metrics.platform;
			Gauge.builder(DEPLOYMENT, () -> 1)
				.description("Deployment, commit, replica and platform of this instance (always 1, the labels are the data)")
				.tag("deployment", platform.deploymentId())
				.tag("commit", platform.commit())
				.tag("instance_id", platform.instanceId())
				.tag("platform", platform.platform().id())
				.register(this.meters);
			// Only the kind an alert reads (CredentialLost: increase() needs the 0 before the first loss). Five per
			// account were 50,000 counters and 20 MB of heap with 10,000 accounts (docs/benchmarks.md); the other
			// kinds appear at their first occurrence, at 1.
			for (Account account : metrics.registry.accounts()) {
				transitionCounter(account.id(), Transition.LOST);
			}
		}

		/**
		 * Zeros for the notification results nobody registered. The notifier registers its own meters (of another
		 * type, which Micrometer refuses to mix under one name) from its MeterBinder; binders run in no order we
		 * control, so this waits for the first check, which runs after every binder was bound.
		 */
		void fillInNotifications() {
			// Once is enough: every binder is bound by the first check. A find() walks every meter (150,000 with
			// 10,000 accounts), so it is not repeated on each check.
			if (this.notificationsFilled) {
				return;
			}
			this.notificationsFilled = true;
			for (String result : NOTIFICATION_RESULTS) {
				if (this.meters.find(NOTIFICATIONS).tag("result", result).meter() == null) {
					Counter.builder(NOTIFICATIONS)
						.description("Notifications about credential transitions, by result")
						.tag("result", result)
						.register(this.meters);
				}
			}
		}

		Counter transitionCounter(String account, Transition transition) {
			return Counter.builder(TRANSITIONS)
				.description("Credential transitions (lost, restored, rotated, invalid, rejected) by account")
				.tag("account", account)
				.tag("transition", transition.id())
				.register(this.meters);
		}

		/**
		 * Rows for exactly these accounts. Existing rows are kept as they are (no overwrite): their functions read
		 * the live snapshot, and re-registering would briefly drop them from a concurrent scrape.
		 */
		synchronized void refreshAccounts(List<Account> accounts) {
			// Same accounts as the last check (nearly always): the rows are in place. Registering them again cost
			// 40% of a check with 10,000 accounts (90,000 rows looked up in the registry; docs/benchmarks.md).
			if (accounts.equals(this.registered)) {
				return;
			}
			List<MultiGauge.Row<?>> stateRows = new ArrayList<>();
			List<MultiGauge.Row<?>> lastValidRows = new ArrayList<>();
			List<MultiGauge.Row<?>> lastChangeRows = new ArrayList<>();
			List<MultiGauge.Row<?>> keyRows = new ArrayList<>();
			for (Account account : accounts) {
				Tags tags = Tags.of("account", account.id(), "broker", account.broker().id(), "role",
						account.role().id(), "required", Boolean.toString(account.required()));
				for (AccountState state : AccountState.values()) {
					stateRows.add(row(tags.and("state", state.id()), (m) -> m.stateValue(account.id(), state)));
				}
				Tags id = Tags.of("account", account.id());
				lastValidRows.add(row(id, (m) -> m.lastValid(account.id())));
				lastChangeRows.add(row(id, (m) -> m.lastChange(account.id())));
				keyRows.add(row(id, (m) -> m.keyFirstSeen(account.id())));
			}
			this.states.register(stateRows, false);
			this.lastValid.register(lastValidRows, false);
			this.lastChange.register(lastChangeRows, false);
			this.keyFirstSeen.register(keyRows, false);
			this.registered = List.copyOf(accounts);
		}

		private MultiGauge.Row<CredentialMetrics> row(Tags tags, ToDoubleFunction<CredentialMetrics> value) {
			return MultiGauge.Row.of(tags, CredentialMetrics.this, value);
		}

	}

}
