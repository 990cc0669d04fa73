package io.credentialhealth.state;

/** Keeps memory for the life of the process only: for tests, and as what a failing store falls back to. */
public class InMemoryStateStore implements StateStore {

	private volatile StoredState state;

	@Override
	public StoredState load() {
		StoredState current = this.state;
		return (current != null) ? current : StoredState.fresh();
	}

	@Override
	public void save(StoredState state) {
		this.state = state;
	}

	@Override
	public StoreStatus status() {
		return new StoreStatus("memory", "process memory", false, null);
	}

}
