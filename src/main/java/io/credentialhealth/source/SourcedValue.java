package io.credentialhealth.source;

/**
 * A raw value and where it came from. It stays in memory only between reads of its source (a source
 * hands out the same object again while the value is unchanged, so that the checker can skip
 * re-deriving it) and never leaves the process; its {@link #toString()} never prints the value, so
 * it cannot leak through a log or an exception.
 *
 * @param name the variable name
 * @param origin where the value was found, e.g. "environment" or "secret file /etc/secrets/X"
 * @param value the raw value, never null
 */
public record SourcedValue(String name, String origin, String value) {

	@Override
	public String toString() {
		return "SourcedValue[name=" + this.name + ", origin=" + this.origin + ", value=(" + this.value.length()
				+ " characters, hidden)]";
	}

}
