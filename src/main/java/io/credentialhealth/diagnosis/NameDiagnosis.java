package io.credentialhealth.diagnosis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.credentialhealth.check.Finding;
import io.credentialhealth.registry.Account;
import io.credentialhealth.registry.Variable;
import io.credentialhealth.registry.VariableRole;

/**
 * Finds names that are probably a registered variable under a slightly wrong name, and
 * credential-looking names that no account registers. Pure: it sees names and where they came from,
 * never values. Bounded: names longer than {@link #MAX_NAME_LENGTH} or with unusual characters are
 * skipped (they could not be a typo of a registered name, and are not echoed anywhere), and each
 * comparison is linear except a bounded edit distance behind a cheap filter.
 */
public final class NameDiagnosis {

	/** Longer names are ignored: registered names are short, and output stays bounded. */
	static final int MAX_NAME_LENGTH = 128;

	/** Damerau-Levenshtein distance still counted as a typo. */
	static final int MAX_EDITS = 2;

	/** Shorter registered names get no fuzzy matching: two edits would match too much. */
	static final int MIN_FUZZY_LENGTH = 8;

	/** Near misses listed per missing variable, and unregistered names listed globally. */
	static final int MAX_LISTED = 20;

	private static final Pattern ACCEPTED_NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");

	private static final Pattern SEPARATORS = Pattern.compile("[_.\\-]+");

	/** Structure words a name may lose without becoming ambiguous (unlike a broker or user id). */
	private static final Set<String> STRUCTURE_WORDS = Set.of("USER", "MASTER", "API", "KEY", "SECRET", "PAPER");

	private final List<Target> targets;

	private final Set<String> registered;

	private final Set<String> ignored;

	/**
	 * @param accounts the registered accounts
	 * @param ignored names never reported as unregistered (compared without regard to case)
	 */
	public NameDiagnosis(List<Account> accounts, Collection<String> ignored) {
		this.targets = new ArrayList<>();
		this.registered = new HashSet<>();
		for (Account account : accounts) {
			for (Variable variable : account.variables()) {
				this.targets.add(Target.of(account, variable));
				this.registered.add(variable.name());
			}
		}
		this.ignored = new HashSet<>();
		ignored.forEach((name) -> this.ignored.add(name.toUpperCase(Locale.ROOT)));
	}

	/**
	 * Diagnoses one reading.
	 * @param origins every name found in the sources, with the source it came from
	 * @return near misses of missing registered variables and unregistered credential-looking names
	 */
	public Result diagnose(Map<String, String> origins) {
		List<Target> missing = this.targets.stream().filter((target) -> !origins.containsKey(target.name())).toList();
		List<NearMiss> nearMisses = new ArrayList<>();
		List<Unregistered> unregistered = new ArrayList<>();
		// Filtered before sorting (hostile names never get compared), sorted so that output does not
		// depend on the order of the environment.
		Map<String, String> candidates = new TreeMap<>();
		origins.forEach((name, origin) -> {
			if (isAcceptable(name) && !this.registered.contains(name)) {
				candidates.put(name, origin);
			}
		});
		for (Map.Entry<String, String> entry : candidates.entrySet()) {
			String name = entry.getKey();
			Candidate candidate = Candidate.of(name);
			List<NearMiss> matches = bestMatches(candidate, entry.getValue(), missing);
			if (!matches.isEmpty()) {
				nearMisses.addAll(matches);
			}
			else if (candidate.looksLikeCredential() && !this.ignored.contains(candidate.canonical())) {
				unregistered.add(new Unregistered(name, entry.getValue(), fittingAccount(candidate)));
			}
		}
		return new Result(nearMisses, unregistered);
	}

	private static boolean isAcceptable(String name) {
		return !name.isEmpty() && name.length() <= MAX_NAME_LENGTH && ACCEPTED_NAME.matcher(name).matches();
	}

	/** The closest missing variables by rule, then by edit distance; all of them on a tie. */
	private List<NearMiss> bestMatches(Candidate candidate, String origin, List<Target> missing) {
		List<NearMiss> best = new ArrayList<>();
		Match bestMatch = null;
		for (Target target : missing) {
			Match match = match(candidate, target);
			if (match == null) {
				continue;
			}
			int comparison = (bestMatch != null) ? Match.ORDER.compare(match, bestMatch) : -1;
			if (comparison < 0) {
				best.clear();
				bestMatch = match;
			}
			if (comparison <= 0) {
				best.add(new NearMiss(candidate.name(), origin, target.accountId(), target.role(), target.name(),
						match.reason()));
			}
		}
		return best;
	}

	/** How the candidate may be the target, or null. Structural rules first: they are cheap. */
	static Match match(Candidate candidate, Target target) {
		String[] found = candidate.segments();
		String[] wanted = target.segments();
		if (found.length == 0) {
			return null;
		}
		if (candidate.canonical().equals(target.canonical())) {
			return new Match(Rule.CASE, 0, "differs only in case or separators");
		}
		if (found.length < wanted.length && found.length >= Math.max(2, target.stemLength())
				&& startsWith(wanted, found)) {
			String ending = "_" + String.join("_", Arrays.copyOfRange(wanted, found.length, wanted.length));
			return structural(Rule.TRUNCATED, candidate, target, "lacks the ending " + ending);
		}
		if (found.length == wanted.length + 1) {
			int extra = removedIndex(found, wanted);
			if (extra >= 0) {
				return structural(Rule.EXTRA_PART, candidate, target, "has the extra part " + found[extra]);
			}
		}
		if (found.length == wanted.length) {
			int differing = extendedIndex(found, wanted);
			if (differing >= 0) {
				return structural(Rule.EXTENDED_PART, candidate, target,
						"has " + found[differing] + " where " + wanted[differing] + " is expected");
			}
		}
		if (found.length + 1 == wanted.length && found.length >= 2) {
			int lost = removedIndex(wanted, found);
			if (lost >= 0 && (lost >= target.stemLength() || STRUCTURE_WORDS.contains(wanted[lost]))) {
				return structural(Rule.MISSING_PART, candidate, target, "lacks the part " + wanted[lost]);
			}
		}
		if (target.canonical().length() >= MIN_FUZZY_LENGTH) {
			int distance = EditDistance.bounded(candidate.canonical(), target.canonical(), MAX_EDITS);
			if (distance <= MAX_EDITS) {
				return new Match(Rule.TYPO, distance,
						(distance == 1) ? "differs by one typo" : "differs by " + distance + " typos");
			}
		}
		return null;
	}

	/** A structural match; its edit distance only breaks ties (KRAKEN_USER_TANIA is nearer _API_KEY than _API_SECRET). */
	private static Match structural(Rule rule, Candidate candidate, Target target, String reason) {
		int distance = EditDistance.bounded(candidate.canonical(), target.canonical(), MAX_NAME_LENGTH);
		return new Match(rule, distance, reason);
	}

	private static boolean startsWith(String[] longer, String[] prefix) {
		for (int i = 0; i < prefix.length; i++) {
			if (!longer[i].equals(prefix[i])) {
				return false;
			}
		}
		return true;
	}

	/** The index in {@code longer} whose removal gives {@code shorter}, or -1. */
	private static int removedIndex(String[] longer, String[] shorter) {
		int i = 0;
		while (i < shorter.length && longer[i].equals(shorter[i])) {
			i++;
		}
		for (int j = i; j < shorter.length; j++) {
			if (!longer[j + 1].equals(shorter[j])) {
				return -1;
			}
		}
		return i;
	}

	/** The one segment of {@code found} that extends its counterpart (TANIAGILBERT for TANIA), or -1. */
	private static int extendedIndex(String[] found, String[] wanted) {
		int differing = -1;
		for (int i = 0; i < found.length; i++) {
			if (found[i].equals(wanted[i])) {
				continue;
			}
			if (differing >= 0 || !found[i].startsWith(wanted[i])) {
				return -1;
			}
			differing = i;
		}
		return differing;
	}

	/** The account whose variable prefix (e.g. KRAKEN_USER_TANIA_) the name starts with, longest first. */
	private String fittingAccount(Candidate candidate) {
		Target fitting = null;
		for (Target target : this.targets) {
			if (target.stemLength() >= 2 && candidate.segments().length > target.stemLength()
					&& startsWith(candidate.segments(), Arrays.copyOf(target.segments(), target.stemLength()))
					&& (fitting == null || target.stemLength() > fitting.stemLength())) {
				fitting = target;
			}
		}
		return (fitting != null) ? fitting.accountId() : null;
	}

	/** The kinds of near miss, strongest first. */
	enum Rule {

		CASE, TRUNCATED, EXTRA_PART, EXTENDED_PART, MISSING_PART, TYPO

	}

	record Match(Rule rule, int distance, String reason) {

		static final Comparator<Match> ORDER = Comparator.comparing(Match::rule).thenComparingInt(Match::distance);

	}

	/** A registered variable, split for comparison. */
	record Target(String accountId, VariableRole role, String name, String canonical, String[] segments,
			int stemLength) {

		static Target of(Account account, Variable variable) {
			Candidate split = Candidate.of(variable.name());
			String[] suffix = variable.role().suffix().split("_");
			String[] segments = split.segments();
			boolean conventional = segments.length > suffix.length && Arrays
				.equals(Arrays.copyOfRange(segments, segments.length - suffix.length, segments.length), suffix);
			int stemLength = conventional ? segments.length - suffix.length : Math.max(1, segments.length - 1);
			return new Target(account.id(), variable.role(), variable.name(), split.canonical(), segments, stemLength);
		}

	}

	/** A name found in a source: upper-cased and split on separators. */
	record Candidate(String name, String canonical, String[] segments) {

		static Candidate of(String name) {
			String[] segments = Arrays.stream(SEPARATORS.split(name.toUpperCase(Locale.ROOT)))
				.filter((segment) -> !segment.isEmpty())
				.toArray(String[]::new);
			return new Candidate(name, String.join("_", segments), segments);
		}

		/** Ends like a credential: {@code _API_KEY}, {@code _API_SECRET} or {@code _PAPER}. */
		boolean looksLikeCredential() {
			int n = this.segments.length;
			return (n >= 3 && this.segments[n - 2].equals("API")
					&& (this.segments[n - 1].equals("KEY") || this.segments[n - 1].equals("SECRET")))
					|| (n >= 2 && this.segments[n - 1].equals("PAPER"));
		}

	}

	/**
	 * A name that is probably a registered variable.
	 *
	 * @param found the name found in a source
	 * @param origin the source it was found in
	 * @param accountId the account of the missing variable
	 * @param role the missing variable's role
	 * @param variable the missing registered variable
	 * @param reason how the names differ
	 */
	public record NearMiss(String found, String origin, String accountId, VariableRole role, String variable,
			String reason) {

		public String message() {
			return "found " + this.found + ", did you mean " + this.variable + "? (" + this.found + " " + this.reason
					+ "; from " + this.origin + ")";
		}

	}

	/**
	 * A credential-looking name that no account registers.
	 *
	 * @param name the name
	 * @param origin the source it was found in
	 * @param accountId the account whose variable prefix it shares, or null
	 */
	public record Unregistered(String name, String origin, String accountId) {

		public String message() {
			return this.name + " looks like a credential of this account, but no account registers it (from "
					+ this.origin + "): register it or remove it";
		}

	}

	/**
	 * What one reading shows.
	 *
	 * @param nearMisses names that are probably a missing registered variable, each reported once
	 * @param unregistered credential-looking names that no account registers, near misses excluded
	 */
	public record Result(List<NearMiss> nearMisses, List<Unregistered> unregistered) {

		public static final Result EMPTY = new Result(List.of(), List.of());

		public Result {
			nearMisses = List.copyOf(nearMisses);
			unregistered = List.copyOf(unregistered);
		}

		/** Warnings for one account: near misses of its missing variables, then unregistered names that share its prefix. */
		public List<Finding> findings(String accountId) {
			List<Finding> findings = new ArrayList<>();
			Map<String, Integer> perVariable = new LinkedHashMap<>();
			for (NearMiss nearMiss : this.nearMisses) {
				if (nearMiss.accountId().equals(accountId)
						&& perVariable.merge(nearMiss.variable(), 1, Integer::sum) <= MAX_LISTED) {
					findings.add(Finding.warning(nearMiss.role(), nearMiss.message()));
				}
			}
			this.unregistered.stream()
				.filter((name) -> accountId.equals(name.accountId()))
				.limit(MAX_LISTED)
				.map((name) -> Finding.warning(null, name.message()))
				.forEach(findings::add);
			return findings;
		}

		/** One global warning listing every unregistered credential-looking name, or none. */
		public List<String> globalWarnings() {
			if (this.unregistered.isEmpty()) {
				return List.of();
			}
			StringBuilder message = new StringBuilder("credential-looking variables that no account registers: ");
			List<String> listed = this.unregistered.stream()
				.limit(MAX_LISTED)
				.map((name) -> name.name() + " (" + name.origin() + ")")
				.toList();
			message.append(String.join(", ", listed));
			if (this.unregistered.size() > MAX_LISTED) {
				message.append(" and ").append(this.unregistered.size() - MAX_LISTED).append(" more");
			}
			return List.of(message.append(": register them in credentials.accounts or remove them").toString());
		}

	}

}
