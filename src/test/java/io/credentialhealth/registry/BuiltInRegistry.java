package io.credentialhealth.registry;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The registry shipped in application.yaml, read the way Boot reads it. */
final class BuiltInRegistry {

	static final Map<String, String> PROPERTIES = load();

	private BuiltInRegistry() {
	}

	private static Map<String, String> load() {
		try {
			Map<String, String> properties = new LinkedHashMap<>();
			for (PropertySource<?> source : new YamlPropertySourceLoader().load("application",
					new ClassPathResource("application.yaml"))) {
				Map<?, ?> map = (Map<?, ?>) source.getSource();
				map.forEach((key, value) -> {
					if (key.toString().startsWith("credentials.accounts")) {
						properties.put(key.toString(), value.toString());
					}
				});
			}
			return properties;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
