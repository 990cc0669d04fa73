package io.credentialhealth.state;

/**
 * Memory of what earlier checks saw, kept across restarts and redeploys. Implementations never
 * throw: a store that cannot persist keeps working in memory and says so in {@link #status()}.
 */
public interface StateStore {

	StoredState load();

	void save(StoredState state);

	StoreStatus status();

}
