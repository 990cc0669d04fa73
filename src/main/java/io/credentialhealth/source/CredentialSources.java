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
public class CredentialSources {

	private final List<CredentialSource> sources;

	public CredentialSources(List<CredentialSource> sources) {
		this.sources = List.copyOf(sources);
	}

	public List<CredentialSource> sources() {
		return this.sources;
	}

	/** Reads every source once. A source that fails is reported and contributes nothing. */
	public Reading read() {
		Map<String, SourcedValue> values = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		for (CredentialSource source : this.sources) {
			try {
				source.read().forEach(values::putIfAbsent);
			}
			catch (SourceReadException ex) {
				problems.add(ex.getMessage());
			}
			catch (RuntimeException ex) {
				problems.add(source.name() + " could not be read (" + ex.getClass().getSimpleName() + ")");
			}
		}
		return new Reading(Collections.unmodifiableMap(values), List.copyOf(problems));
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
