package io.credentialhealth.check;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import io.credentialhealth.platform.FixHints;
import io.credentialhealth.platform.PlatformInfo;
import io.credentialhealth.registry.Account;
import io.credentialhealth.registry.CredentialRegistry;
import io.credentialhealth.registry.Variable;
import io.credentialhealth.registry.VariableRole;
import io.credentialhealth.source.Classification;
import io.credentialhealth.source.CredentialSources;
import io.credentialhealth.source.SourcedValue;
import io.credentialhealth.source.ValueClassifier;
import io.credentialhealth.state.Condition;
import io.credentialhealth.state.FleetEntry;
import io.credentialhealth.state.Fingerprints;
import io.credentialhealth.state.StateStore;
import io.credentialhealth.state.StoredState;
import io.credentialhealth.state.VariableMemory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Runs a check: reads every source, classifies each value, compares with what the store remembers,
 * publishes the new {@link Snapshot} atomically and then one {@link CredentialTransition} per
 * change. The only component that touches raw values; checks never overlap.
 * <p>
 * The store is written when a check changed anything but "last seen valid" (a condition, a
 * fingerprint, the deployment that saw a value), and otherwise at most once per save interval, plus
 * on {@link #flush()} at shutdown: every check moves "last seen valid", and rewriting the whole
 * memory for that alone dominated a check of thousands of accounts. After a crash the stored times
 * are at most one save interval old.
 */
public class CredentialChecker {

	private static final Log logger = LogFactory.getLog(CredentialChecker.class);

	private final CredentialRegistry registry;

	private final CredentialSources sources;

	private final StateStore store;

	private final List<CredentialInspector> inspectors;

	private final AccountVerdicts verdicts;

	private final FixHints fixHints;

	private final PlatformInfo platform;

	private final CurrentSnapshot current;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration saveInterval;

	private final ReentrantLock lock = new ReentrantLock();

	private StoredState memory;

	/** Whether the memory holds what the store has not (between saves: "last seen valid" times only). */
	private boolean unsaved;

	/** When the memory was last saved without the store degrading; null before the first save. */
	private Instant savedAt;

	private long sequence;

	/**
	 * What the last check derived from each account's values, by account id, and the reading and
	 * salt it was derived from. Only touched under the lock.
	 */
	private Derivations derivations = Derivations.NONE;

	/**
	 * Whether {@link #prepare()} loaded the memory for the first check, which then uses it as it is:
	 * one load per start, as without the preparation (a database that is down is not waited for twice).
	 */
	private boolean loadedAhead;

	/** A checker that saves after every check that changed the memory (a save interval of 0). */
	public CredentialChecker(CredentialRegistry registry, CredentialSources sources, StateStore store,
			List<CredentialInspector> inspectors, AccountVerdicts verdicts, FixHints fixHints, PlatformInfo platform,
			CurrentSnapshot current, ApplicationEventPublisher events, Clock clock) {
		this(registry, sources, store, inspectors, verdicts, fixHints, platform, current, events, clock, Duration.ZERO);
	}

	/**
	 * @param saveInterval how long "last seen valid" times may wait before they are saved; other
	 * changes are saved at once ({@code credentials.state-save-interval})
	 */
	public CredentialChecker(CredentialRegistry registry, CredentialSources sources, StateStore store,
			List<CredentialInspector> inspectors, AccountVerdicts verdicts, FixHints fixHints, PlatformInfo platform,
			CurrentSnapshot current, ApplicationEventPublisher events, Clock clock, Duration saveInterval) {
		this.saveInterval = Objects.requireNonNull(saveInterval, "saveInterval");
		this.registry = registry;
		this.sources = sources;
		this.store = store;
		this.inspectors = List.copyOf(inspectors);
		this.verdicts = verdicts;
		this.fixHints = fixHints;
		this.platform = platform;
		this.current = current;
		this.events = events;
		this.clock = clock;
	}

	/** Runs one check now and returns its snapshot. A check already running is waited for. */
	public Snapshot check() {
		this.lock.lock();
		try {
			return runCheck();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Does the costly part of the first check ahead of it, with none of its effects: loads the memory
	 * (the start's one load: the first check takes it as it is, without reconciling), readies the
	 * store's first save, reads the sources and derives every account (classification,
	 * fingerprints, the inspectors, among them Coinbase's signing probe). Publishes, transitions and
	 * saves nothing; the first check then reuses each derivation whose values are still the very same
	 * objects and derives the rest again. Does nothing once a check or preparation ran. Never throws:
	 * what fails here is met again, and reported, by the check.
	 */
	public void prepare() {
		this.lock.lock();
		try {
			if (this.memory != null) {
				return;
			}
			this.memory = this.store.load();
			this.loadedAhead = true;
			this.store.prepareSave();
			CredentialSources.Reading reading = this.sources.read();
			Fingerprints fingerprints = new Fingerprints(this.memory.salt());
			List<Account> accounts = this.registry.accounts();
			Map<Account, Derived> derived = new IdentityHashMap<>(accounts.size());
			for (Account account : accounts) {
				try {
					derived.put(account, derive(account, reading, fingerprints));
				}
				catch (RuntimeException ex) {
					// Left to the check, which reports it for this account.
				}
			}
			this.derivations = new Derivations(reading, this.memory.salt(), derived);
		}
		catch (RuntimeException ex) {
			logger.debug("Preparing the first check failed (" + ex.getClass().getName() + "); the check starts afresh");
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Saves what the save interval held back ("last seen valid" times), so that the next deployment
	 * starts from them; called at shutdown. Waits for a running check.
	 */
	public void flush() {
		this.lock.lock();
		try {
			if (this.unsaved) {
				save(this.clock.instant());
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private Snapshot runCheck() {
		long started = System.nanoTime();
		Instant now = this.clock.instant();
		if (this.memory == null) {
			this.memory = this.store.load();
		}
		else if (!this.loadedAhead) {
			this.memory = this.store.reconcile(this.memory);
		}
		this.loadedAhead = false;
		Fingerprints fingerprints = new Fingerprints(this.memory.salt());
		CredentialSources.Reading reading = this.sources.read();
		Map<String, VariableMemory> remembered = new HashMap<>(this.memory.variables());
		Changes changes = new Changes();
		List<AccountStatus> statuses = new ArrayList<>();
		List<CredentialTransition> transitions = new ArrayList<>();
		Snapshot before = this.current.isAvailable() ? this.current.get() : null;
		Derivations reusable = this.derivations.reusableFor(reading, this.memory.salt());
		List<Account> accounts = this.registry.accounts();
		Map<Account, Derived> derived = new IdentityHashMap<>(accounts.size());
		for (Account account : accounts) {
			try {
				AccountStatus status = new AccountCheck(account, reading, now, fingerprints, remembered, changes,
						transitions, reusable, derived).run();
				statuses.add(status);
				detectRejection(before, status, transitions);
			}
			catch (RuntimeException ex) {
				// One broken account must not hide the others; the message may echo input, so only the type is kept.
				logger.warn("Checking account " + account.id() + " failed (" + ex.getClass().getName() + ")");
				statuses.add(failed(account, now, ex));
			}
		}
		this.derivations = new Derivations(reading, this.memory.salt(), derived);
		if (changes.significant || changes.lastSeenValid) {
			this.memory = this.memory.with(remembered);
			this.unsaved = true;
		}
		// A degraded store is tried again at every check, as before, so it recovers as soon as it can.
		if (this.unsaved && (changes.significant || saveDue(now) || this.store.status().degraded())) {
			save(now);
		}
		Map<String, List<FleetEntry>> fleet = this.store.fleet();
		List<String> warnings = globalWarnings(reading);
		// Timed up to here: reading, every inspector (near-miss names included), the store and the fleet view.
		// What follows only hands the snapshot and its events to the listeners.
		Snapshot snapshot = new Snapshot(++this.sequence, now, Duration.ofNanos(System.nanoTime() - started), statuses,
				this.platform, reading.problems(), warnings, this.store.status(), fleet);
		Snapshot previous = this.current.publish(snapshot);
		transitions.forEach(this.events::publishEvent);
		this.events.publishEvent(new CheckCompleted(previous, snapshot));
		return snapshot;
	}

	/** Everything an account's values yield on their own: the part of a check that reads values. */
	private Derived derive(Account account, CredentialSources.Reading reading, Fingerprints fingerprinter) {
		Map<VariableRole, SourcedValue> values = new EnumMap<>(VariableRole.class);
		Map<VariableRole, SourcedValue> usable = new EnumMap<>(VariableRole.class);
		Map<VariableRole, Classification> classifications = new EnumMap<>(VariableRole.class);
		Map<VariableRole, String> fingerprints = new EnumMap<>(VariableRole.class);
		for (Variable variable : account.variables()) {
			SourcedValue value = reading.values().get(variable.name());
			Classification classification = ValueClassifier.classify((value != null) ? value.value() : null);
			classifications.put(variable.role(), classification);
			if (value != null) {
				values.put(variable.role(), value);
				if (classification.isUsable()) {
					usable.put(variable.role(), value);
				}
			}
			if (!classification.isAbsent()) {
				fingerprints.put(variable.role(), fingerprinter.of(value.value()));
			}
		}
		List<Finding> findings = new ArrayList<>();
		if (account.enabled()) {
			Map<VariableRole, SourcedValue> inspected = Collections.unmodifiableMap(usable);
			for (CredentialInspector inspector : this.inspectors) {
				findings.addAll(inspector.inspect(account, inspected, reading));
			}
		}
		SourcedValue key = values.get(VariableRole.KEY);
		return new Derived(account, Collections.unmodifiableMap(values), classifications, fingerprints,
				List.copyOf(findings), keyPreview((key != null) ? key.value() : null));
	}

	private boolean saveDue(Instant now) {
		return this.savedAt == null || !now.isBefore(this.savedAt.plus(this.saveInterval));
	}

	/** Stores never throw; one that degraded kept the memory in memory only, so it is still unsaved. */
	private void save(Instant now) {
		this.store.save(this.memory);
		if (!this.store.status().degraded()) {
			this.unsaved = false;
			this.savedAt = now;
		}
	}

	/** A rejection is an account-level event: the broker refused the key, whichever variable is wrong. */
	private void detectRejection(Snapshot before, AccountStatus status, List<CredentialTransition> transitions) {
		boolean wasRejected = before != null
				&& before.account(status.id()).map((old) -> old.state() == AccountState.REJECTED).orElse(false);
		if (status.state() == AccountState.REJECTED && !wasRejected) {
			VariableStatus key = status.key();
			transitions.add(new CredentialTransition(Transition.REJECTED, status.id(), status.account().owner(),
					status.account().broker().id(), key.name(), status.checkedAt(), key.lastSeenValid(),
					key.lastDeployment(), String.join("; ", status.problems()), this.platform.deploymentLabel()));
		}
	}

	private List<String> globalWarnings(CredentialSources.Reading reading) {
		List<String> warnings = new ArrayList<>(this.fixHints.warnings());
		for (CredentialInspector inspector : this.inspectors) {
			try {
				warnings.addAll(inspector.inspectReading(reading));
			}
			catch (RuntimeException ex) {
				logger.warn("Inspector " + inspector.getClass().getName() + " failed (" + ex.getClass().getName() + ")");
			}
		}
		return warnings;
	}

	private AccountStatus failed(Account account, Instant now, RuntimeException ex) {
		List<VariableStatus> variables = account.variables()
			.stream()
			.map((variable) -> new VariableStatus(variable.name(), variable.role(), Classification.MISSING,
					Condition.UNUSABLE, null, null, null, null, null, null, null))
			.toList();
		return new AccountStatus(account, AccountState.INVALID, variables,
				List.of("the check of this account failed (" + ex.getClass().getSimpleName() + "); see the service log"),
				List.of(), List.of(), null, now, now, null, null);
	}

	static String keyPreview(String key) {
		if (key == null || key.strip().length() < 8) {
			return null;
		}
		return key.strip().substring(0, 4) + "****";
	}

	/** What a check changed in the memory, noted as it goes instead of comparing every variable afterwards. */
	private static final class Changes {

		/** Anything but "last seen valid": saved at once. */
		boolean significant;

		/** "Last seen valid" moved: saved once the save interval has passed. */
		boolean lastSeenValid;

		void note(VariableMemory before, VariableMemory after) {
			if (before == null || !after.equalsIgnoringLastSeenValid(before)) {
				this.significant = true;
			}
			else if (!Objects.equals(before.lastSeenValid(), after.lastSeenValid())) {
				this.lastSeenValid = true;
			}
		}

	}

	/**
	 * What an account's values yield whatever the memory says: classifications, fingerprints and the
	 * inspectors' findings. Deriving them was most of a check of thousands of accounts, and the sources
	 * hand out the same value objects for values that did not change, so a derivation is reused while
	 * every value it was derived from is still the very same object. The memory update, transitions,
	 * verdicts and status are redone at every check.
	 *
	 * @param values the values found, by role, as the sources handed them out
	 */
	private record Derived(Account account, Map<VariableRole, SourcedValue> values,
			Map<VariableRole, Classification> classifications, Map<VariableRole, String> fingerprints,
			List<Finding> findings, String keyPreview) {

		@Override
		public String toString() {
			return "Derived[" + this.account.id() + "]";
		}

	}

	/**
	 * The last check's derivations and what they were derived from.
	 *
	 * @param reading the reading they came from
	 * @param salt the fingerprints' salt
	 * @param accounts by account (the registry's own objects)
	 */
	private record Derivations(CredentialSources.Reading reading, String salt, Map<Account, Derived> accounts) {

		static final Derivations NONE = new Derivations(null, null, Map.of());

		/**
		 * These derivations, if the salt is the same and the reading has the same names from the same
		 * origins (inspectors look at the names, e.g. for near misses; see {@link CredentialInspector});
		 * otherwise none.
		 */
		Derivations reusableFor(CredentialSources.Reading current, String salt) {
			if (this.salt == null || !this.salt.equals(salt)) {
				return NONE;
			}
			return (current == this.reading || sameNamesAndOrigins(current.values())) ? this : NONE;
		}

		private boolean sameNamesAndOrigins(Map<String, SourcedValue> current) {
			Map<String, SourcedValue> values = this.reading.values();
			if (current.size() != values.size()) {
				return false;
			}
			for (Map.Entry<String, SourcedValue> entry : current.entrySet()) {
				SourcedValue before = values.get(entry.getKey());
				if (before == null
						|| (before != entry.getValue() && !before.origin().equals(entry.getValue().origin()))) {
					return false;
				}
			}
			return true;
		}

		/**
		 * The account's derivation, if each of its variables still has the very value object it came
		 * from: always, when the sources handed back the whole reading unchanged.
		 */
		Derived of(Account account, CredentialSources.Reading current) {
			Derived derived = this.accounts.get(account);
			if (derived == null || current == this.reading) {
				return derived;
			}
			for (Variable variable : account.variables()) {
				if (current.values().get(variable.name()) != derived.values().get(variable.role())) {
					return null;
				}
			}
			return derived;
		}

		@Override
		public String toString() {
			return "Derivations[" + this.accounts.size() + " accounts]";
		}

	}

	/** The check of one account: classification, memory update and transitions. */
	private final class AccountCheck {

		private final Account account;

		private final CredentialSources.Reading reading;

		private final Instant now;

		private final Fingerprints fingerprints;

		private final Map<String, VariableMemory> remembered;

		private final Changes changes;

		private final List<CredentialTransition> transitions;

		private final Derivations reusable;

		private final Map<Account, Derived> derived;

		AccountCheck(Account account, CredentialSources.Reading reading, Instant now, Fingerprints fingerprints,
				Map<String, VariableMemory> remembered, Changes changes, List<CredentialTransition> transitions,
				Derivations reusable, Map<Account, Derived> derived) {
			this.account = account;
			this.reading = reading;
			this.now = now;
			this.fingerprints = fingerprints;
			this.remembered = remembered;
			this.changes = changes;
			this.transitions = transitions;
			this.reusable = reusable;
			this.derived = derived;
		}

		// Loops rather than streams here and below: this runs for every account of every check (10,000 in the
		// benchmark), and the stream pipelines were a quarter of what a check allocated.
		AccountStatus run() {
			Derived derived = this.reusable.of(this.account, this.reading);
			if (derived == null) {
				derived = derive(this.account, this.reading, this.fingerprints);
			}
			this.derived.put(this.account, derived);
			Map<VariableRole, SourcedValue> values = derived.values();
			List<Finding> findings = derived.findings();
			List<VariableStatus> variables = new ArrayList<>();
			List<String> problems = new ArrayList<>();
			List<String> toFix = new ArrayList<>();
			for (Variable variable : this.account.variables()) {
				VariableStatus status = checkVariable(variable, values.get(variable.role()),
						derived.classifications().get(variable.role()), derived.fingerprints().get(variable.role()),
						findings);
				variables.add(status);
				if (status.condition() != Condition.VALID) {
					problems.add(problem(status));
					toFix.add(variable.name());
				}
			}
			List<String> warnings = new ArrayList<>();
			for (Finding finding : findings) {
				if (finding.severity() == Finding.Severity.ERROR) {
					problems.add(finding.message());
				}
				else if (finding.severity() == Finding.Severity.WARNING) {
					warnings.add(finding.message());
				}
			}
			AccountState state = state(variables, findings);
			String rejection = (state == AccountState.CONFIGURED)
					? CredentialChecker.this.verdicts.rejection(this.account, values) : null;
			if (rejection != null) {
				state = AccountState.REJECTED;
				problems.add(rejection);
			}
			VerificationStatus verification = null;
			if (!this.account.enabled()) {
				state = AccountState.DISABLED;
				problems.clear();
				toFix.clear();
			}
			else {
				verification = CredentialChecker.this.verdicts.verification(this.account, values);
			}
			return new AccountStatus(this.account, state, variables, problems, warnings,
					CredentialChecker.this.fixHints.forVariables(toFix), derived.keyPreview(),
					this.now, latest(variables), earliestLoss(variables), lastSeenValid(variables), verification);
		}

		private VariableStatus checkVariable(Variable variable, SourcedValue value, Classification classification,
				String fingerprint, List<Finding> findings) {
			boolean formatError = false;
			for (Finding finding : findings) {
				formatError |= finding.severity() == Finding.Severity.ERROR && finding.role() == variable.role();
			}
			Condition condition = classification.isAbsent() ? Condition.ABSENT
					: (classification.isUsable() && !formatError) ? Condition.VALID : Condition.UNUSABLE;
			VariableMemory before = this.remembered.get(variable.name());
			if (!this.account.enabled()) {
				return status(variable, classification, condition, value, fingerprint, before);
			}
			VariableMemory after = remember(before, condition, fingerprint);
			if (after != null) {
				this.remembered.put(variable.name(), after);
				this.changes.note(before, after);
			}
			detectTransition(variable, before, condition, classification, fingerprint);
			return status(variable, classification, condition, value, fingerprint, after);
		}

		private VariableMemory remember(VariableMemory before, Condition condition, String fingerprint) {
			if (before == null && condition == Condition.ABSENT) {
				return null;
			}
			boolean changed = before == null || before.lastCondition() != condition
					|| (condition == Condition.VALID && !Objects.equals(before.fingerprint(), fingerprint));
			Instant lastChange = changed ? this.now : before.lastChange();
			if (condition == Condition.VALID) {
				boolean sameValue = before != null && Objects.equals(before.fingerprint(), fingerprint)
						&& before.firstSeen() != null;
				return new VariableMemory(sameValue ? before.firstSeen() : this.now, this.now, fingerprint,
						CredentialChecker.this.platform.deploymentLabel(), CredentialChecker.this.platform.commit(),
						Condition.VALID, null, lastChange);
			}
			if (before == null) {
				return new VariableMemory(null, null, null, null, null, condition, null, lastChange);
			}
			Instant lostSince = (condition == Condition.ABSENT && before.wasEverValid())
					? ((before.lostSince() != null) ? before.lostSince() : this.now) : null;
			return new VariableMemory(before.firstSeen(), before.lastSeenValid(), before.fingerprint(),
					before.deployment(), before.commit(), condition, lostSince, lastChange);
		}

		private void detectTransition(Variable variable, VariableMemory before, Condition condition,
				Classification classification, String fingerprint) {
			if (before == null) {
				return;
			}
			boolean wasValid = before.lastCondition() == Condition.VALID;
			if (wasValid && condition == Condition.ABSENT) {
				emit(Transition.LOST, variable, before, "now " + classification.id());
			}
			else if (wasValid && condition == Condition.UNUSABLE) {
				emit(Transition.INVALID, variable, before,
						"now " + (classification.isUsable() ? "fails the broker's format rules" : classification.id()));
			}
			else if (wasValid && condition == Condition.VALID && !Objects.equals(before.fingerprint(), fingerprint)) {
				emit(Transition.ROTATED, variable, before, "fingerprint " + before.fingerprint() + " -> " + fingerprint);
			}
			else if (!wasValid && condition == Condition.VALID && before.wasEverValid()) {
				emit(Transition.RESTORED, variable, before, "valid again");
			}
		}

		private void emit(Transition transition, Variable variable, VariableMemory before, String detail) {
			this.transitions.add(new CredentialTransition(transition, this.account.id(), this.account.owner(),
					this.account.broker().id(), variable.name(), this.now, before.lastSeenValid(), before.deployment(),
					detail, CredentialChecker.this.platform.deploymentLabel()));
		}

		private VariableStatus status(Variable variable, Classification classification, Condition condition,
				SourcedValue value, String fingerprint, VariableMemory memory) {
			return new VariableStatus(variable.name(), variable.role(), classification, condition,
					(value != null) ? value.origin() : null, fingerprint,
					(memory != null) ? memory.firstSeen() : null, (memory != null) ? memory.lastSeenValid() : null,
					(memory != null) ? memory.lostSince() : null, (memory != null) ? memory.lastChange() : null,
					(memory != null) ? memory.deployment() : null);
		}

		private String problem(VariableStatus status) {
			if (status.isLost()) {
				return status.name() + " was valid until " + status.lastSeenValid() + " (deployment "
						+ status.lastDeployment() + "), now " + status.classification().id();
			}
			if (status.classification().isUsable()) {
				return status.name() + " does not have the format " + this.account.broker().name() + " expects";
			}
			return status.classification().describe(status.name());
		}

		private AccountState state(List<VariableStatus> variables, List<Finding> findings) {
			boolean lost = false;
			boolean unusable = false;
			boolean absent = false;
			for (VariableStatus v : variables) {
				lost |= v.isLost();
				unusable |= v.condition() == Condition.UNUSABLE
						|| (v.condition() == Condition.ABSENT && v.classification() != Classification.MISSING);
				absent |= v.condition() == Condition.ABSENT;
			}
			if (lost) {
				return AccountState.LOST;
			}
			boolean accountError = false;
			for (Finding finding : findings) {
				accountError |= finding.severity() == Finding.Severity.ERROR && finding.role() == null;
			}
			if (unusable || accountError) {
				return AccountState.INVALID;
			}
			return absent ? AccountState.NOT_CONFIGURED : AccountState.CONFIGURED;
		}

		private Instant latest(List<VariableStatus> variables) {
			Instant latest = null;
			for (VariableStatus v : variables) {
				if (v.lastChange() != null && (latest == null || v.lastChange().isAfter(latest))) {
					latest = v.lastChange();
				}
			}
			return latest;
		}

		private Instant earliestLoss(List<VariableStatus> variables) {
			Instant earliest = null;
			for (VariableStatus v : variables) {
				if (v.lostSince() != null && (earliest == null || v.lostSince().isBefore(earliest))) {
					earliest = v.lostSince();
				}
			}
			return earliest;
		}

		/** The oldest "last seen valid" of the variables; null if one was never seen valid. */
		private Instant lastSeenValid(List<VariableStatus> variables) {
			Instant oldest = null;
			for (VariableStatus v : variables) {
				if (v.lastSeenValid() == null) {
					return null;
				}
				if (oldest == null || v.lastSeenValid().isBefore(oldest)) {
					oldest = v.lastSeenValid();
				}
			}
			return oldest;
		}

	}

}
