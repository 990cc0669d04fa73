package io.credentialhealth.broker.verify;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.credentialhealth.broker.Verification;
import io.credentialhealth.broker.VerificationResult;
import io.credentialhealth.check.AccountVerdicts;
import io.credentialhealth.check.VerificationStatus;
import io.credentialhealth.registry.Account;
import io.credentialhealth.registry.VariableRole;
import io.credentialhealth.source.SourcedValue;
import io.credentialhealth.source.ValueClassifier;
import io.credentialhealth.state.Fingerprints;

/**
 * The latest live verification of every account, and the verdicts the checker derives from it. A
 * result is tied to a digest of the values that were verified (HMAC with a random per-process key,
 * kept in memory only, never shown): a REJECTED verdict holds only while the account still has
 * exactly those values, so a rotated key clears it on the very check that sees the new key.
 * Everything here is read without I/O; the checker calls it during every check.
 */
public class LiveVerdicts implements AccountVerdicts {

	private final Set<String> accounts;

	private final Fingerprints fingerprints;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Map<String, Instant> nextAttempts = new ConcurrentHashMap<>();

	/**
	 * @param accounts the ids of the accounts that are verified live
	 */
	public LiveVerdicts(Set<String> accounts) {
		this.accounts = Collections.unmodifiableSet(new LinkedHashSet<>(accounts));
		byte[] salt = new byte[32];
		new SecureRandom().nextBytes(salt);
		this.fingerprints = new Fingerprints(Base64.getEncoder().encodeToString(salt));
	}

	/** The ids of the accounts that are verified live, in registry order. */
	public Set<String> accounts() {
		return this.accounts;
	}

	public boolean isVerified(String accountId) {
		return this.accounts.contains(accountId);
	}

	/** Remembers an answer for the values with this digest. */
	void record(String accountId, String digest, Verification verification) {
		this.entries.compute(accountId, (id, previous) -> {
			Instant lastVerified = (verification.result() == VerificationResult.VERIFIED) ? verification.verifiedAt()
					: (previous != null) ? previous.lastVerified() : null;
			return new Entry(digest, verification, lastVerified);
		});
	}

	/** When the account is verified next; null when nothing is scheduled. */
	void scheduled(String accountId, Instant next) {
		if (next != null) {
			this.nextAttempts.put(accountId, next);
		}
		else {
			this.nextAttempts.remove(accountId);
		}
	}

	/** The latest answer for the account, whatever values it concerned. */
	Verification latest(String accountId) {
		Entry entry = this.entries.get(accountId);
		return (entry != null) ? entry.latest() : null;
	}

	/** Whether the latest answer concerned exactly these values. */
	boolean concerns(String accountId, String digest) {
		Entry entry = this.entries.get(accountId);
		return entry != null && entry.digest().equals(digest);
	}

	/** When the broker last accepted the account's credentials, null if never since start-up. */
	public Instant lastVerified(String accountId) {
		Entry entry = this.entries.get(accountId);
		return (entry != null) ? entry.lastVerified() : null;
	}

	/** Seconds since the epoch of {@link #lastVerified(String)}, 0 when never. */
	public double lastVerifiedSeconds(String accountId) {
		Instant at = lastVerified(accountId);
		return (at != null) ? at.toEpochMilli() / 1000.0 : 0;
	}

	@Override
	public String rejection(String accountId) {
		Entry entry = this.entries.get(accountId);
		return (entry != null && entry.latest().result() == VerificationResult.REJECTED) ? sentence(entry) : null;
	}

	@Override
	public String rejection(Account account, Map<VariableRole, SourcedValue> values) {
		Entry entry = this.entries.get(account.id());
		if (entry == null || entry.latest().result() != VerificationResult.REJECTED) {
			return null;
		}
		return entry.digest().equals(digest(values)) ? sentence(entry) : null;
	}

	@Override
	public VerificationStatus verification(Account account, Map<VariableRole, SourcedValue> values) {
		if (!this.accounts.contains(account.id())) {
			return null;
		}
		Entry entry = this.entries.get(account.id());
		Instant next = this.nextAttempts.get(account.id());
		if (!isComplete(values)) {
			return (entry == null) ? null : status(VerificationResult.UNVERIFIED,
					"Not verified: the key or the secret is missing or unusable.", entry, next);
		}
		if (entry == null) {
			return new VerificationStatus(VerificationResult.UNVERIFIED,
					"Not verified yet: the first live verification runs shortly.", null, null, next, Map.of(),
					List.of());
		}
		if (!entry.digest().equals(digest(values))) {
			return status(VerificationResult.UNVERIFIED,
					"The credentials changed after the last live verification (" + entry.latest().result().name()
							+ " at " + seconds(entry.latest().verifiedAt()) + "); the new ones are verified shortly.",
					entry, next);
		}
		Verification latest = entry.latest();
		return new VerificationStatus(latest.result(), latest.reason(), latest.verifiedAt(), entry.lastVerified(), next,
				latest.permissions(), latest.warnings());
	}

	/**
	 * A digest of the values as the checker and the verifier read them. Keyed with a random
	 * per-process key; compared, never shown.
	 */
	String digest(Map<VariableRole, SourcedValue> values) {
		StringBuilder digest = new StringBuilder();
		for (VariableRole role : VariableRole.values()) {
			SourcedValue value = values.get(role);
			digest.append(role.name()).append('=');
			digest.append((value != null && value.value() != null) ? this.fingerprints.of(value.value()) : "-");
			digest.append(';');
		}
		return digest.toString();
	}

	/** Key and secret present and clean, the only values worth sending to a broker. */
	static boolean isComplete(Map<VariableRole, SourcedValue> values) {
		return isUsable(values.get(VariableRole.KEY)) && isUsable(values.get(VariableRole.SECRET));
	}

	static boolean isUsable(SourcedValue value) {
		return value != null && ValueClassifier.classify(value.value()).isUsable();
	}

	private static VerificationStatus status(VerificationResult result, String reason, Entry entry, Instant next) {
		return new VerificationStatus(result, reason, entry.latest().verifiedAt(), entry.lastVerified(), next, Map.of(),
				List.of());
	}

	/**
	 * "Kraken refused the key: EAPI:Invalid key. It was probably rotated or revoked; last verified
	 * 2026-…", without a final period like the checker's other problems.
	 */
	private static String sentence(Entry entry) {
		String reason = entry.latest().reason().strip();
		if (reason.endsWith(".")) {
			reason = reason.substring(0, reason.length() - 1);
		}
		String since = (entry.lastVerified() != null) ? "last verified " + seconds(entry.lastVerified())
				: "not verified since this service started";
		return reason + "; " + since;
	}

	private static String seconds(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}

	/**
	 * @param digest of the values verified; never shown, hence left out of {@link #toString()}
	 */
	record Entry(String digest, Verification latest, Instant lastVerified) {

		@Override
		public String toString() {
			return "Entry[" + this.latest.result() + " at " + this.latest.verifiedAt() + "]";
		}

	}

}
