package io.credentialhealth.source;

import java.util.Map;

/**
 * A place where credential values live. Read at every check; a source may answer from its last read
 * while it knows nothing changed (a watched directory), and hands back the same {@link SourcedValue}
 * for a value that did not change.
 */
public interface CredentialSource {

	/** A short name for details and logs, e.g. "environment". */
	String name();

	/**
	 * Everything this source defines right now, by variable name. Implementations never throw for
	 * a missing or unreadable location: they return what they can and report the rest through
	 * {@link SourceReadException} only when the whole source is unusable.
	 */
	Map<String, SourcedValue> read() throws SourceReadException;

}
