package io.credentialhealth.source;

/**
 * A raw value and where it came from. It lives only while a check or a verification runs; its
 * {@link #toString()} never prints the value, so it cannot leak through a log or an exception.
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
