package io.credentialhealth.broker.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.credentialhealth.broker.BrokerVerifiers;
import io.credentialhealth.broker.CredentialValues;
import io.credentialhealth.broker.FormatChecks;
import io.credentialhealth.broker.FormatFinding;
import io.credentialhealth.broker.Verification;
import io.credentialhealth.broker.VerificationResult;
import io.credentialhealth.broker.VerifierHttp;
import io.credentialhealth.check.AccountState;
import io.credentialhealth.check.AccountStatus;
import io.credentialhealth.check.CheckCompleted;
import io.credentialhealth.check.CredentialChecker;
import io.credentialhealth.check.CurrentSnapshot;
import io.credentialhealth.registry.Account;
import io.credentialhealth.registry.Variable;
import io.credentialhealth.registry.VariableRole;
import io.credentialhealth.source.CredentialSources;
import io.credentialhealth.source.SourcedValue;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * Verifies the accounts that have live verification on, on its own small thread pool and its own
 * jittered schedule, never in a health request. It starts after the first check (the start-up
 * check, which readiness waits for; brokers are not waited for) and then follows each account on
 * its own timeline:
 * <ul>
 * <li>at most one verification per account in flight, and only for accounts the last snapshot
 * shows CONFIGURED (or REJECTED, so that a broker that accepts the key again lifts the verdict);</li>
 * <li>values are read from the sources at verification time and live only for the call; values
 * the format rules reject are never sent;</li>
 * <li>the next attempt waits the interval plus jitter, doubled for every inconclusive or refused
 * answer in a row (capped), and never less than the answer's {@code retryAfter} for the same
 * values; new values (a rotation) are verified right away;</li>
 * <li>after every answer a check runs (coalesced, on this pool), so the snapshot, the REJECTED
 * transition, notifications and metrics all follow from the one event path.</li>
 * </ul>
 */
public class LiveVerifier implements DisposableBean {

	private static final Log logger = LogFactory.getLog(LiveVerifier.class);

	private final BrokerVerifiers verifiers;

	private final CredentialSources sources;

	private final CurrentSnapshot snapshot;

	private final CredentialChecker checker;

	private final FormatChecks formatChecks;

	private final LiveVerdicts verdicts;

	private final VerificationMetrics metrics;

	private final VerifyPolicy policy;

	private final Clock clock;

	private final ScheduledThreadPoolExecutor executor;

	private final Map<String, Track> tracks = new LinkedHashMap<>();

	private final AtomicBoolean checkRequested = new AtomicBoolean();

	private final AtomicBoolean announced = new AtomicBoolean();

	private volatile boolean stopped;

	/**
	 * @param verifiers the broker verifiers, or null when no account is verified (nothing starts)
	 */
	LiveVerifier(BrokerVerifiers verifiers, CredentialSources sources, CurrentSnapshot snapshot,
			CredentialChecker checker, FormatChecks formatChecks, LiveVerdicts verdicts, VerificationMetrics metrics,
			VerifyPolicy policy, Clock clock) {
		this.verifiers = verifiers;
		this.sources = sources;
		this.snapshot = snapshot;
		this.checker = checker;
		this.formatChecks = formatChecks;
		this.verdicts = verdicts;
		this.metrics = metrics;
		this.policy = policy;
		this.clock = clock;
		if (verifiers == null || verdicts.accounts().isEmpty()) {
			this.executor = null;
			return;
		}
		verdicts.accounts().forEach((id) -> this.tracks.put(id, new Track(id)));
		AtomicInteger threads = new AtomicInteger();
		this.executor = new ScheduledThreadPoolExecutor(Math.min(4, Math.max(2, this.tracks.size() / 2)), (runnable) -> {
			Thread thread = new Thread(runnable, "credential-verify-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.executor.setRemoveOnCancelPolicy(true);
	}

	/** Whether any account is verified live. */
	public boolean isActive() {
		return this.executor != null;
	}

	/**
	 * After every check: starts verification of accounts that became eligible (the first check
	 * starts them all), re-verifies right away an account whose values changed, and stops following
	 * accounts that are no longer configured. Only schedules: it runs inside the check.
	 */
	@EventListener
	public void onCheckCompleted(CheckCompleted completed) {
		if (this.executor == null || this.stopped) {
			return;
		}
		if (this.announced.compareAndSet(false, true)) {
			logger.info("Live verification is on for " + this.tracks.size() + " account(s) (" + String.join(", ",
					this.tracks.keySet()) + "): every " + human(this.policy.interval()) + " plus up to "
					+ human(this.policy.jitter()) + " of jitter; the first run starts now, in the background");
			String unsafe = VerifierHttp.unsafeLoggingReason();
			if (unsafe != null) {
				logger.warn("Live verification sends nothing: " + unsafe);
			}
		}
		for (AccountStatus status : completed.current().accounts()) {
			Track track = this.tracks.get(status.id());
			if (track != null) {
				track.onCheck(status);
			}
		}
	}

	/** Stops before the context tears down, so that no check is started while beans are destroyed. */
	@EventListener(ContextClosedEvent.class)
	public void onContextClosed() {
		destroy();
	}

	@Override
	public void destroy() {
		this.stopped = true;
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
	}

	static boolean isEligible(AccountStatus status) {
		return status.account().enabled()
				&& (status.state() == AccountState.CONFIGURED || status.state() == AccountState.REJECTED);
	}

	/** Which values the check saw, as the store's fingerprints: tells a rotation without a value. */
	private static String identity(AccountStatus status) {
		return status.variables()
			.stream()
			.map((variable) -> variable.name() + "=" + variable.fingerprint())
			.collect(Collectors.joining(";"));
	}

	/** Runs a check soon, at most one queued at a time, so that answers reach the snapshot. */
	private void requestCheck() {
		if (this.stopped || !this.checkRequested.compareAndSet(false, true)) {
			return;
		}
		try {
			this.executor.execute(() -> {
				this.checkRequested.set(false);
				if (this.stopped) {
					return;
				}
				try {
					this.checker.check();
				}
				catch (RuntimeException ex) {
					logger.warn("The check after a live verification failed (" + ex.getClass().getName() + ")");
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.checkRequested.set(false);
		}
	}

	private static String value(Map<VariableRole, SourcedValue> values, VariableRole role) {
		SourcedValue value = values.get(role);
		return (value != null) ? value.value() : null;
	}

	static String human(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds >= 3600 && seconds % 3600 == 0) {
			return (seconds / 3600) + " h";
		}
		if (seconds >= 60 && seconds % 60 == 0) {
			return (seconds / 60) + " min";
		}
		return VerifierHttp.seconds(duration);
	}

	/** What to do after an attempt: when to try again (null: stop until the next check) and whether to refresh. */
	private record Outcome(Duration next, boolean answered) {

		static final Outcome IDLE = new Outcome(null, false);

	}

	/** One account's timeline. Every field is guarded by the track's monitor. */
	private final class Track {

		private final String accountId;

		private boolean inFlight;

		private boolean rerun;

		private long generation;

		private ScheduledFuture<?> pending;

		/** The check's fingerprints of the values at the last check. */
		private String identity;

		/** Digest of the values last sent; the gate and the strikes apply to these values only. */
		private String digest;

		private int strikes;

		private Instant notBefore;

		Track(String accountId) {
			this.accountId = accountId;
		}

		synchronized void onCheck(AccountStatus status) {
			String current = identity(status);
			boolean changed = this.identity != null && !this.identity.equals(current);
			this.identity = current;
			if (!isEligible(status)) {
				cancel();
				LiveVerifier.this.verdicts.scheduled(this.accountId, null);
				return;
			}
			if (this.inFlight) {
				this.rerun |= changed;
				return;
			}
			if (changed || this.pending == null) {
				// A run before notBefore on unchanged values only reschedules itself (see attempt()).
				cancel();
				schedule(Duration.ZERO);
			}
		}

		private void cancel() {
			this.generation++;
			if (this.pending != null) {
				this.pending.cancel(false);
				this.pending = null;
			}
		}

		private void schedule(Duration delay) {
			long token = ++this.generation;
			LiveVerifier.this.verdicts.scheduled(this.accountId, LiveVerifier.this.clock.instant().plus(delay));
			try {
				this.pending = LiveVerifier.this.executor.schedule(() -> run(token), delay.toMillis(),
						TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				this.pending = null; // shutting down
			}
		}

		void run(long token) {
			synchronized (this) {
				if (LiveVerifier.this.stopped || token != this.generation || this.inFlight) {
					return;
				}
				this.inFlight = true;
				this.pending = null;
			}
			Outcome outcome = Outcome.IDLE;
			try {
				outcome = attempt();
			}
			catch (RuntimeException ex) {
				// Never the message: it might quote input.
				logger.warn("Live verification of " + this.accountId + " failed (" + ex.getClass().getName() + ")");
				outcome = new Outcome(LiveVerifier.this.policy.interval(), false);
			}
			finally {
				synchronized (this) {
					this.inFlight = false;
					if (!LiveVerifier.this.stopped) {
						if (this.rerun) {
							this.rerun = false;
							schedule(Duration.ZERO);
						}
						else if (outcome.next() != null) {
							schedule(outcome.next());
						}
						else {
							LiveVerifier.this.verdicts.scheduled(this.accountId, null);
						}
					}
				}
			}
			if (outcome.answered()) {
				requestCheck();
			}
		}

		private Outcome attempt() {
			if (!LiveVerifier.this.snapshot.isAvailable()) {
				return Outcome.IDLE;
			}
			AccountStatus status = LiveVerifier.this.snapshot.get().account(this.accountId).orElse(null);
			if (status == null || !isEligible(status)) {
				return Outcome.IDLE; // the next check that finds it configured starts it again
			}
			Account account = status.account();
			Map<VariableRole, SourcedValue> values = read(account);
			if (!LiveVerdicts.isComplete(values) || (values.containsKey(VariableRole.PAPER)
					&& !LiveVerdicts.isUsable(values.get(VariableRole.PAPER)))) {
				return Outcome.IDLE; // changed since the check; the next check reports it
			}
			CredentialValues credential = new CredentialValues(value(values, VariableRole.KEY),
					value(values, VariableRole.SECRET), value(values, VariableRole.PAPER));
			if (LiveVerifier.this.formatChecks.check(account.broker(), credential)
				.stream()
				.anyMatch(FormatFinding::isError)) {
				return Outcome.IDLE; // a malformed value would only add a failed call to the broker's counters
			}
			String digest = LiveVerifier.this.verdicts.digest(values);
			int strikes;
			synchronized (this) {
				boolean same = digest.equals(this.digest);
				Instant now = LiveVerifier.this.clock.instant();
				if (same && this.notBefore != null && now.isBefore(this.notBefore)) {
					return new Outcome(Duration.between(now, this.notBefore), false);
				}
				strikes = same ? this.strikes : 0;
			}
			Verification verification = LiveVerifier.this.verifiers.verify(account.broker(), credential);
			if (LiveVerifier.this.stopped) {
				return Outcome.IDLE;
			}
			strikes = (verification.result() == VerificationResult.VERIFIED) ? 0 : strikes + 1;
			Duration next = LiveVerifier.this.policy.nextDelay(verification, strikes);
			Verification previous = LiveVerifier.this.verdicts.latest(this.accountId);
			boolean sameValues = LiveVerifier.this.verdicts.concerns(this.accountId, digest);
			synchronized (this) {
				this.digest = digest;
				this.strikes = strikes;
				this.notBefore = (verification.result() == VerificationResult.VERIFIED) ? null
						: LiveVerifier.this.clock.instant().plus(next);
			}
			LiveVerifier.this.verdicts.record(this.accountId, digest, verification);
			LiveVerifier.this.metrics.count(this.accountId, verification.result());
			log(verification, previous, sameValues, next);
			return new Outcome(next, true);
		}

		private Map<VariableRole, SourcedValue> read(Account account) {
			CredentialSources.Reading reading = LiveVerifier.this.sources.read();
			Map<VariableRole, SourcedValue> values = new EnumMap<>(VariableRole.class);
			for (Variable variable : account.variables()) {
				reading.value(variable.name()).ifPresent((value) -> values.put(variable.role(), value));
			}
			return values;
		}

		private void log(Verification verification, Verification previous, boolean sameValues, Duration next) {
			String line = "Live verification of " + this.accountId + ": " + verification.result().name() + ": "
					+ verification.reason() + " Next attempt in " + human(next) + ".";
			boolean news = previous == null || !sameValues || previous.result() != verification.result()
					|| !previous.reason().equals(verification.reason());
			if (news) {
				logger.info(line);
			}
			else if (logger.isDebugEnabled()) {
				logger.debug(line);
			}
		}

	}

}
