package io.credentialhealth.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All sources in precedence order: environment, then secret files, then the {@code .env} file. The
 * first source that defines a variable wins, even with an empty value, because that is the value
 * the bot sees too: an empty variable hiding a good secret file must be reported, not papered over.
 */
public class CredentialSources implements AutoCloseable {

	private final List<CredentialSource> sources;

	/** The last complete reading and the maps it was made of, for {@link #read()}; guarded by this. */
	private Reading last;

	private List<Map<String, SourcedValue>> lastParts;

	public CredentialSources(List<CredentialSource> sources) {
		this.sources = List.copyOf(sources);
	}

	public List<CredentialSource> sources() {
		return this.sources;
	}

	/**
	 * Reads every source once. A source that fails is reported and contributes nothing. When every
	 * source hands back the very map it returned last time (nothing changed), so does this: the last
	 * reading itself, which lets the checker see an unchanged reading at a glance.
	 */
	public synchronized Reading read() {
		List<Map<String, SourcedValue>> parts = new ArrayList<>(this.sources.size());
		List<String> problems = new ArrayList<>();
		for (CredentialSource source : this.sources) {
			try {
				parts.add(source.read());
			}
			catch (SourceReadException ex) {
				problems.add(ex.getMessage());
			}
			catch (RuntimeException ex) {
				problems.add(source.name() + " could not be read (" + ex.getClass().getSimpleName() + ")");
			}
		}
		if (problems.isEmpty() && this.last != null && sameMaps(parts, this.lastParts)) {
			return this.last;
		}
		Map<String, SourcedValue> values = new LinkedHashMap<>();
		for (Map<String, SourcedValue> part : parts) {
			part.forEach(values::putIfAbsent);
		}
		Reading reading = new Reading(Collections.unmodifiableMap(values), List.copyOf(problems));
		this.last = problems.isEmpty() ? reading : null;
		this.lastParts = parts;
		return reading;
	}

	private static boolean sameMaps(List<Map<String, SourcedValue>> parts, List<Map<String, SourcedValue>> before) {
		if (before == null || parts.size() != before.size()) {
			return false;
		}
		for (int i = 0; i < parts.size(); i++) {
			if (parts.get(i) != before.get(i)) {
				return false;
			}
		}
		return true;
	}

	/** Closes the sources that hold resources (a directory watch); the context does it at shutdown. */
	@Override
	public void close() {
		for (CredentialSource source : this.sources) {
			if (source instanceof AutoCloseable closeable) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					// Shutting down: nothing a caller could do about it.
				}
			}
		}
	}

	/**
	 * One read of all sources.
	 *
	 * @param values the winning value of every defined variable
	 * @param problems sources that could not be read
	 */
	public record Reading(Map<String, SourcedValue> values, List<String> problems) {

		public Optional<SourcedValue> value(String name) {
			return Optional.ofNullable(this.values.get(name));
		}

		@Override
		public String toString() {
			return "Reading[" + this.values.size() + " variables, problems=" + this.problems + "]";
		}

	}

}
