package io.credentialhealth.check;

/**
 * Published after every check, once its snapshot is current.
 *
 * @param previous the snapshot it replaced, null after the first check
 * @param current the new snapshot
 */
public record CheckCompleted(Snapshot previous, Snapshot current) {

	public boolean isFirst() {
		return this.previous == null;
	}

}
