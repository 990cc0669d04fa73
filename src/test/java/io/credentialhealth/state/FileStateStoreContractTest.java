package io.credentialhealth.state;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.io.TempDir;

/** The store contract against the embedded default: one JSON file. */
class FileStateStoreContractTest extends StateStoreContract {

	@TempDir
	Path directory;

	@Override
	protected StateStore newStore() {
		return new FileStateStore(this.directory.resolve("data/credential-state.json"), Clock.systemUTC());
	}

}
