package io.credentialhealth.source;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands out the previous read's {@link SourcedValue} for a variable whose origin and value did not
 * change, so that the checker can recognise unchanged values by identity and skip re-deriving them
 * (classification, fingerprint, format rules): with thousands of accounts that was most of a check.
 * Not thread-safe: each source calls it under its own lock.
 */
final class ValueReuse {

	private Map<String, SourcedValue> previous = Map.of();

	private Map<String, SourcedValue> next = new HashMap<>();

	/** Whether this read handed out an object the previous one did not. */
	private boolean changed;

	SourcedValue value(String name, String origin, String value) {
		SourcedValue before = this.previous.get(name);
		SourcedValue current;
		if (before != null && before.origin().equals(origin) && before.value().equals(value)) {
			current = before;
		}
		else {
			current = new SourcedValue(name, origin, value);
			this.changed = true;
		}
		this.next.put(name, current);
		return current;
	}

	/**
	 * Ends a read: what it handed out is what the next read compares with. A read that found exactly
	 * the previous values returns the previous map itself, so a whole unchanged source is one
	 * comparison for its callers.
	 */
	Map<String, SourcedValue> finish() {
		if (!this.changed && this.next.size() == this.previous.size()) {
			this.next.clear();
			return this.previous;
		}
		this.previous = Collections.unmodifiableMap(this.next);
		this.next = new HashMap<>();
		this.changed = false;
		return this.previous;
	}

	/** Ends a read that failed: nothing carries over. */
	void forget() {
		this.previous = Map.of();
		this.next = new HashMap<>();
		this.changed = false;
	}

}
