package io.credentialhealth.source;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The process environment: what the platform injects. Highest precedence. */
public class EnvironmentSource implements CredentialSource {

	private final Supplier<Map<String, String>> environment;

	public EnvironmentSource(Supplier<Map<String, String>> environment) {
		this.environment = environment;
	}

	@Override
	public String name() {
		return "environment";
	}

	@Override
	public Map<String, SourcedValue> read() {
		Map<String, SourcedValue> values = new HashMap<>();
		this.environment.get().forEach((name, value) -> values.put(name, new SourcedValue(name, name(), value)));
		return values;
	}

}
