package io.credentialhealth.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * A directory with one file per variable, as Render's Secret Files ({@code /etc/secrets}) or a
 * mounted Kubernetes secret. One trailing newline is trimmed: editors add it, values never need it.
 * <p>
 * Reading thousands of files is bound by system calls (stat, open, read, close each), so with a
 * full-read interval the directory is watched (inotify on Linux) and a read while it reported no
 * change returns the previous values: they stay in memory between checks, as environment variables
 * do. Every file is read again after any change in the directory, when the directory itself was
 * replaced, and at least once per interval, for what a watch cannot see (network filesystems, edits
 * to a link's target outside the directory). A file created, deleted or renamed is seen by the next
 * read (the directory's modification time changes); one rewritten in place as soon as the watch has
 * reported it, usually within a millisecond. With an interval of zero every read reads every file.
 */
public class SecretFilesSource implements CredentialSource, AutoCloseable {

	/** Credentials are short; a larger file is not one and is read only up to this size. */
	static final int MAX_BYTES = 64 * 1024;

	/**
	 * How old the directory's modification time must be to be trusted: a change within the same tick
	 * of the filesystem's clock (up to a second or two on some filesystems) would leave it unchanged.
	 */
	private static final Duration SETTLED = Duration.ofSeconds(2);

	private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final Path directory;

	private final long fullReadIntervalNanos;

	private final LongSupplier nanoTime;

	private final ValueReuse reuse = new ValueReuse();

	/** What the last full read returned; null before the first and after a failed one. */
	private Map<String, SourcedValue> lastRead;

	private long lastReadAt;

	/**
	 * The directory's modification time when the last full read began; null when it was too recent to
	 * tell a later change from it (filesystem times are coarse), so the next read is a full one.
	 */
	private FileTime lastReadModified;

	private Watch watch;

	/** How many reads opened every file; the others returned the last read. */
	private long fullReads;

	/** A source that reads every file at every read. */
	public SecretFilesSource(Path directory) {
		this(directory, Duration.ZERO);
	}

	/**
	 * @param fullReadInterval how long a read is trusted while the directory reports no change;
	 * zero reads every file every time ({@code credentials.secret-files-full-read-interval})
	 */
	public SecretFilesSource(Path directory, Duration fullReadInterval) {
		this(directory, fullReadInterval, System::nanoTime);
	}

	SecretFilesSource(Path directory, Duration fullReadInterval, LongSupplier nanoTime) {
		this.directory = directory;
		this.fullReadIntervalNanos = fullReadInterval.toNanos();
		this.nanoTime = nanoTime;
	}

	@Override
	public String name() {
		return "secret files";
	}

	public Path directory() {
		return this.directory;
	}

	@Override
	public synchronized Map<String, SourcedValue> read() throws SourceReadException {
		BasicFileAttributes attributes = attributes(this.directory);
		if (attributes == null || !attributes.isDirectory()) {
			forget();
			throw new SourceReadException("secret-files directory " + this.directory + " does not exist or is not a directory");
		}
		if (this.fullReadIntervalNanos > 0) {
			// The directory's own time catches files created, deleted or renamed at once; the watch also sees
			// files rewritten in place, as soon as its thread has taken the kernel's event.
			if (this.watch != null && this.watch.isCurrent(attributes) && this.lastRead != null
					&& this.nanoTime.getAsLong() - this.lastReadAt < this.fullReadIntervalNanos
					&& attributes.lastModifiedTime().equals(this.lastReadModified) && !this.watch.changed()) {
				return this.lastRead;
			}
			// Watched before reading, so that a change made while the files are read is seen by the next read.
			watch(attributes);
		}
		try {
			long startedAt = this.nanoTime.getAsLong();
			FileTime modified = attributes.lastModifiedTime();
			boolean settled = modified.toMillis() < System.currentTimeMillis() - SETTLED.toMillis();
			this.fullReads++;
			this.lastRead = readAll();
			this.lastReadAt = startedAt;
			this.lastReadModified = settled ? modified : null;
			return this.lastRead;
		}
		catch (IOException ex) {
			forget();
			throw new SourceReadException("secret-files directory " + this.directory + " could not be listed ("
					+ ex.getClass().getSimpleName() + ")");
		}
	}

	synchronized long fullReads() {
		return this.fullReads;
	}

	/** Stops watching the directory. */
	@Override
	public synchronized void close() {
		forget();
	}

	private Map<String, SourcedValue> readAll() throws IOException {
		// One buffer for the whole directory: readNBytes(MAX_BYTES) allocated 8 KB per file (160 MB per read of 20,000).
		byte[] buffer = new byte[MAX_BYTES];
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory)) {
			for (Path file : files) {
				String name = file.getFileName().toString();
				BasicFileAttributes attributes = VARIABLE_NAME.matcher(name).matches() ? attributes(file) : null;
				if (attributes != null && attributes.isRegularFile()) {
					readFile(file, attributes.size(), buffer).ifPresent(
							(value) -> this.reuse.value(name, "secret file " + file, trimOneNewline(value)));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			this.reuse.forget();
			throw ex;
		}
		return this.reuse.finish();
	}

	private void watch(BasicFileAttributes attributes) {
		if (this.watch != null && this.watch.isCurrent(attributes)) {
			this.watch.changed();
			return;
		}
		closeWatch();
		this.watch = Watch.start(this.directory, attributes);
	}

	private void forget() {
		this.lastRead = null;
		closeWatch();
	}

	private void closeWatch() {
		if (this.watch != null) {
			this.watch.close();
			this.watch = null;
		}
	}

	/** Followed through links (a mounted Kubernetes secret is links into a timestamped directory); null if gone. */
	private static BasicFileAttributes attributes(Path file) {
		try {
			return Files.readAttributes(file, BasicFileAttributes.class);
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * Reads the size the listing saw, so a file costs four system calls (stat, open, read, close) and
	 * not five: a read of 20,000 files is bound by them.
	 */
	private static Optional<String> readFile(Path file, long size, byte[] buffer) {
		try (InputStream in = Files.newInputStream(file)) {
			int length = in.readNBytes(buffer, 0, (int) Math.min(size, MAX_BYTES));
			return Optional.of(new String(buffer, 0, length, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			// Unreadable file (permissions, removed while listing): the variable counts as missing.
			return Optional.empty();
		}
	}

	static String trimOneNewline(String value) {
		return value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
	}

	/**
	 * A watch of the directory, tied to the directory it was started on (its file key), so that a
	 * directory replaced by another at the same path is read again. Null when watching is unsupported.
	 */
	private record Watch(WatchService service, WatchKey key, Object directoryKey) {

		static Watch start(Path directory, BasicFileAttributes attributes) {
			WatchService service = null;
			try {
				service = directory.getFileSystem().newWatchService();
				WatchKey key = directory.register(service, StandardWatchEventKinds.ENTRY_CREATE,
						StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
				return new Watch(service, key, attributes.fileKey());
			}
			catch (IOException | UnsupportedOperationException ex) {
				// No watch (e.g. the inotify limit is reached): every read reads every file, as with an interval of zero.
				closeQuietly(service);
				return null;
			}
		}

		boolean isCurrent(BasicFileAttributes attributes) {
			return this.key.isValid() && Objects.equals(this.directoryKey, attributes.fileKey());
		}

		/** Whether anything happened in the directory since the last call; takes the events. */
		boolean changed() {
			boolean changed = false;
			try {
				for (WatchKey signalled = this.service.poll(); signalled != null; signalled = this.service.poll()) {
					// Any event, overflow included, means "read everything": which file changed does not matter.
					signalled.pollEvents();
					signalled.reset();
					changed = true;
				}
			}
			catch (ClosedWatchServiceException ex) {
				return true;
			}
			return changed || !this.key.isValid();
		}

		void close() {
			closeQuietly(this.service);
		}

		private static void closeQuietly(WatchService service) {
			if (service != null) {
				try {
					service.close();
				}
				catch (IOException ex) {
					// Nothing to do: the watch is dropped either way.
				}
			}
		}

	}

}
