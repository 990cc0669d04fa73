package io.credentialhealth.state;

import java.util.List;
import java.util.Map;

/**
 * Memory of what earlier checks saw, kept across restarts and redeploys. Implementations never
 * throw: a store that cannot persist keeps working in memory and says so in {@link #status()}.
 */
public interface StateStore {

	StoredState load();

	void save(StoredState state);

	StoreStatus status();

	/**
	 * Does ahead of time what would otherwise make the first {@link #save} slow, with no effect on
	 * what is stored. The checker calls it while preparing the first check, off the thread that
	 * start-up waits on. Never throws. The default does nothing.
	 */
	default void prepareSave() {
	}

	/**
	 * Called by the checker at the start of every check after the first, with the memory it holds.
	 * A store whose {@link #load()} could only give a provisional state (its database was
	 * unreachable) returns the stored state here once it can, so losses are still detected and
	 * fingerprints use the shared salt. The default keeps the checker's memory.
	 * @param current the checker's memory
	 * @return the memory the check should start from
	 */
	default StoredState reconcile(StoredState current) {
		return current;
	}

	/**
	 * What the other environments of this service remember, by variable name; read once per check,
	 * after {@link #save}, so nothing reads the store outside a check. Empty for a store that only
	 * knows this instance (the default).
	 * @return fleet entries by variable name, never null
	 */
	default Map<String, List<FleetEntry>> fleet() {
		return Map.of();
	}

}
