package io.credentialhealth.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A directory with one file per variable, as Render's Secret Files ({@code /etc/secrets}) or a
 * mounted Kubernetes secret. One trailing newline is trimmed: editors add it, values never need it.
 */
public class SecretFilesSource implements CredentialSource {

	/** Credentials are short; a larger file is not one and is read only up to this size. */
	static final int MAX_BYTES = 64 * 1024;

	private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final Path directory;

	public SecretFilesSource(Path directory) {
		this.directory = directory;
	}

	@Override
	public String name() {
		return "secret files";
	}

	public Path directory() {
		return this.directory;
	}

	@Override
	public Map<String, SourcedValue> read() throws SourceReadException {
		if (!Files.isDirectory(this.directory)) {
			throw new SourceReadException("secret-files directory " + this.directory + " does not exist or is not a directory");
		}
		Map<String, SourcedValue> values = new HashMap<>();
		// One buffer for the whole directory: readNBytes(MAX_BYTES) allocated 8 KB per file (160 MB per read of 20,000).
		byte[] buffer = new byte[MAX_BYTES];
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory)) {
			for (Path file : files) {
				String name = file.getFileName().toString();
				BasicFileAttributes attributes = VARIABLE_NAME.matcher(name).matches() ? attributes(file) : null;
				if (attributes != null && attributes.isRegularFile()) {
					readFile(file, attributes.size(), buffer).ifPresent((value) -> values.put(name,
							new SourcedValue(name, "secret file " + file, trimOneNewline(value))));
				}
			}
		}
		catch (IOException ex) {
			throw new SourceReadException("secret-files directory " + this.directory + " could not be listed ("
					+ ex.getClass().getSimpleName() + ")");
		}
		return values;
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
	private static java.util.Optional<String> readFile(Path file, long size, byte[] buffer) {
		try (InputStream in = Files.newInputStream(file)) {
			int length = in.readNBytes(buffer, 0, (int) Math.min(size, MAX_BYTES));
			return java.util.Optional.of(new String(buffer, 0, length, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			// Unreadable file (permissions, removed while listing): the variable counts as missing.
			return java.util.Optional.empty();
		}
	}

	static String trimOneNewline(String value) {
		return value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
	}

}
