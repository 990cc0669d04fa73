package io.credentialhealth.source;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The process environment: what the platform injects. Highest precedence. Unchanged values come
 * back as the same {@link SourcedValue} objects; the JVM holds these strings for the process's life
 * anyway.
 */
public class EnvironmentSource implements CredentialSource {

	private final Supplier<Map<String, String>> environment;

	private final ValueReuse reuse = new ValueReuse();

	public EnvironmentSource(Supplier<Map<String, String>> environment) {
		this.environment = environment;
	}

	@Override
	public String name() {
		return "environment";
	}

	@Override
	public synchronized Map<String, SourcedValue> read() {
		String origin = name();
		try {
			this.environment.get().forEach((name, value) -> this.reuse.value(name, origin, value));
		}
		catch (RuntimeException ex) {
			this.reuse.forget();
			throw ex;
		}
		return this.reuse.finish();
	}

}
