package io.credentialhealth.check;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the latest snapshot. Checks swap it atomically; readers never see a half-built one and
 * never wait for a check.
 */
public class CurrentSnapshot {

	private final AtomicReference<Snapshot> current = new AtomicReference<>();

	/** The latest snapshot; the first check runs before the application serves, so never null then. */
	public Snapshot get() {
		Snapshot snapshot = this.current.get();
		if (snapshot == null) {
			throw new IllegalStateException("No credential check has completed yet");
		}
		return snapshot;
	}

	public boolean isAvailable() {
		return this.current.get() != null;
	}

	/** Publishes a snapshot and returns the one it replaced (null for the first). */
	Snapshot publish(Snapshot snapshot) {
		return this.current.getAndSet(snapshot);
	}

}
