package io.credentialhealth.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class FileStateStoreTest {

	private static final Clock clock = Clock.fixed(Instant.parse("2026-01-16T20:45:00Z"), ZoneOffset.UTC);

	@TempDir
	Path dir;

	@Test
	void savesAndLoadsAcrossInstances() {
		Path file = this.dir.resolve("data/credential-state.json");
		StoredState state = sample();
		new FileStateStore(file, clock).save(state);
		StoredState loaded = new FileStateStore(file, clock).load();
		assertThat(loaded).isEqualTo(state);
		assertThat(Files.exists(file.resolveSibling("credential-state.json.tmp"))).isFalse();
	}

	@Test
	void preparingTheFirstSaveTouchesNothing(CapturedOutput output) throws Exception {
		Path blocker = Files.writeString(this.dir.resolve("blocker"), "a file where a directory should be");
		FileStateStore unwritable = new FileStateStore(blocker.resolve("state.json"), clock);
		unwritable.prepareSave();
		assertThat(unwritable.status().degraded()).as("only a save reports the location").isFalse();
		Path file = this.dir.resolve("data/credential-state.json");
		FileStateStore store = new FileStateStore(file, clock);
		store.prepareSave();
		assertThat(this.dir).isDirectoryNotContaining("glob:**/data");
		assertThat(output).doesNotContain("State store").doesNotContain("State file");
		store.save(sample());
		assertThat(new FileStateStore(file, clock).load()).isEqualTo(sample());
	}

	@Test
	void aMissingFileStartsFresh() {
		StoredState state = new FileStateStore(this.dir.resolve("none.json"), clock).load();
		assertThat(state.variables()).isEmpty();
		assertThat(state.salt()).isNotBlank();
	}

	@Test
	void aCorruptFileIsMovedAsideAndAFreshStoreStarted(CapturedOutput output) throws Exception {
		Path file = Files.writeString(this.dir.resolve("state.json"), "{ not json");
		FileStateStore store = new FileStateStore(file, clock);
		StoredState state = store.load();
		assertThat(state.variables()).isEmpty();
		assertThat(this.dir.resolve("state.json.corrupt-" + clock.millis())).hasContent("{ not json");
		assertThat(output).contains("is corrupt").contains("started a fresh store");
		store.save(sample());
		assertThat(store.status().degraded()).isFalse();
	}

	@Test
	void anUnwritableLocationDegradesToMemoryAndRecovers(CapturedOutput output) throws Exception {
		Path blocker = Files.writeString(this.dir.resolve("blocker"), "a file where a directory should be");
		FileStateStore store = new FileStateStore(blocker.resolve("state.json"), clock);
		store.save(sample());
		store.save(sample());
		assertThat(store.status().degraded()).isTrue();
		assertThat(store.status().problem()).contains("is not writable").contains("memory");
		assertThat(output.getOut().split("State store degraded", -1)).as("logged once per outage").hasSize(2);
		Files.delete(blocker);
		store.save(sample());
		assertThat(store.status().degraded()).isFalse();
		assertThat(output).contains("is writable again");
	}

	@Test
	void theFileHoldsFingerprintsButNoValue() throws Exception {
		Path file = this.dir.resolve("state.json");
		StoredState fresh = StoredState.fresh();
		String secret = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";
		String fingerprint = new Fingerprints(fresh.salt()).of(secret);
		new FileStateStore(file, clock).save(fresh.with(Map.of("KRAKEN_MASTER_API_SECRET", new VariableMemory(
				clock.instant(), clock.instant(), fingerprint, "7f3c2a1", "abc", Condition.VALID, null, clock.instant()))));
		String json = Files.readString(file);
		assertThat(json).contains(fingerprint).contains("KRAKEN_MASTER_API_SECRET");
		io.credentialhealth.support.Canary.assertNoLeak(json, java.util.List.of(secret));
		assertThat(fingerprint).hasSize(16).isNotEqualTo(new Fingerprints(StoredState.fresh().salt()).of(secret));
	}

	private static StoredState sample() {
		return new StoredState("c2FsdA==", Map.of("A", new VariableMemory(clock.instant(), clock.instant(), "0123456789abcdef",
				"7f3c2a1", "abc", Condition.VALID, null, clock.instant())));
	}

}
