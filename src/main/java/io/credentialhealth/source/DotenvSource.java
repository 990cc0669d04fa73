package io.credentialhealth.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A local {@code .env} file, for development only: platforms never read it, which is exactly why
 * credentials kept there vanish on deploy. Understands {@code KEY=value}, {@code export KEY=value},
 * comments and matching quotes around a value (quotes are dotenv syntax here, not part of the value).
 */
public class DotenvSource implements CredentialSource {

	private static final long MAX_BYTES = 1024 * 1024;

	private final Path file;

	private final ValueReuse reuse = new ValueReuse();

	public DotenvSource(Path file) {
		this.file = file;
	}

	@Override
	public String name() {
		return ".env file";
	}

	public Path file() {
		return this.file;
	}

	@Override
	public synchronized Map<String, SourcedValue> read() throws SourceReadException {
		if (!Files.isRegularFile(this.file)) {
			this.reuse.forget();
			return Map.of();
		}
		List<String> lines;
		try {
			if (Files.size(this.file) > MAX_BYTES) {
				throw new SourceReadException(".env file " + this.file + " is larger than 1 MiB and was not read");
			}
			lines = Files.readAllLines(this.file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new SourceReadException(".env file " + this.file + " could not be read (" + ex.getClass().getSimpleName() + ")");
		}
		String origin = ".env file " + this.file;
		for (String line : lines) {
			String trimmed = line.strip();
			if (trimmed.startsWith("export ")) {
				trimmed = trimmed.substring("export ".length()).strip();
			}
			int equals = trimmed.indexOf('=');
			if (trimmed.isEmpty() || trimmed.startsWith("#") || equals <= 0) {
				continue;
			}
			String name = trimmed.substring(0, equals).strip();
			String value = unquote(line.substring(line.indexOf('=') + 1));
			this.reuse.value(name, origin, value);
		}
		return this.reuse.finish();
	}

	/** Strips one pair of matching quotes; an unquoted value keeps its whitespace so it can be flagged. */
	static String unquote(String raw) {
		String stripped = raw.strip();
		if (stripped.length() >= 2 && (stripped.charAt(0) == '"' || stripped.charAt(0) == '\'')
				&& stripped.charAt(stripped.length() - 1) == stripped.charAt(0)) {
			return stripped.substring(1, stripped.length() - 1);
		}
		return raw;
	}

}
