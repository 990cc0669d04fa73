package io.credentialhealth.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded store: one JSON file, written atomically (temporary file, fsync, rename). A corrupt
 * file is moved aside and a fresh store started; an unwritable location degrades to memory. Both
 * are logged once and shown in {@link #status()}; neither stops a check.
 */
public class FileStateStore implements StateStore {

	private static final Log logger = LogFactory.getLog(FileStateStore.class);

	private final Path file;

	private final Clock clock;

	/**
	 * Compact (indentation made up a quarter of the file: 10,000 accounts, 7.3 MB indented, 5.6 MB
	 * compact) and sorted by variable, so the file reads and diffs the same whatever the map order.
	 */
	private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

	private volatile String problem;

	public FileStateStore(Path file, Clock clock) {
		this.file = file.toAbsolutePath().normalize();
		this.clock = clock;
	}

	@Override
	public synchronized StoredState load() {
		if (!Files.exists(this.file)) {
			return StoredState.fresh();
		}
		try {
			StoredState state = this.mapper.readValue(this.file.toFile(), StoredState.class);
			if (state.salt() == null || state.salt().isBlank()) {
				throw new IllegalStateException("no salt");
			}
			return state;
		}
		catch (JacksonException | IllegalStateException ex) {
			Path aside = this.file.resolveSibling(this.file.getFileName() + ".corrupt-" + this.clock.millis());
			try {
				Files.move(this.file, aside, StandardCopyOption.REPLACE_EXISTING);
				logger.warn("State file " + this.file + " is corrupt (" + ex.getClass().getSimpleName()
						+ "); moved it to " + aside + " and started a fresh store");
			}
			catch (IOException moveFailure) {
				logger.warn("State file " + this.file + " is corrupt and could not be moved aside ("
						+ moveFailure.getClass().getSimpleName() + "); starting a fresh store in memory");
			}
			return StoredState.fresh();
		}
		catch (RuntimeException ex) {
			degrade("could not be read (" + ex.getClass().getSimpleName() + ")");
			return StoredState.fresh();
		}
	}

	/**
	 * Jackson builds a type's serializers the first time it writes one: 60-90 ms of the first save,
	 * which ran inside the first check while start-up waited (docs/benchmarks.md). A state without
	 * variables builds them all, because records are final types. Nothing is written.
	 */
	@Override
	public void prepareSave() {
		try {
			this.mapper.writeValueAsBytes(new StoredState("", Map.of()));
		}
		catch (RuntimeException ex) {
			// Only an optimisation: the save meets and reports whatever went wrong here.
		}
	}

	@Override
	public synchronized void save(StoredState state) {
		try {
			Files.createDirectories(this.file.getParent());
			Path temporary = this.file.resolveSibling(this.file.getFileName() + ".tmp");
			byte[] json = this.mapper.writeValueAsBytes(state);
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				ByteBuffer buffer = ByteBuffer.wrap(json);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			try {
				Files.move(temporary, this.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING);
			}
			if (this.problem != null) {
				logger.warn("State file " + this.file + " is writable again; memory is persisted");
				this.problem = null;
			}
		}
		catch (IOException | RuntimeException ex) {
			degrade("is not writable (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private void degrade(String what) {
		String message = "state file " + this.file + " " + what + "; keeping state in memory only";
		if (!message.equals(this.problem)) {
			logger.warn("State store degraded: " + message
					+ ". Losses across restarts cannot be detected until it is fixed (mount a volume or disk, or set credentials.state-file).");
		}
		this.problem = message;
	}

	@Override
	public StoreStatus status() {
		String current = this.problem;
		return new StoreStatus("file", this.file.toString(), current != null, current);
	}

}
