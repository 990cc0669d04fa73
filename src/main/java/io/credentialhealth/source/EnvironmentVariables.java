package io.credentialhealth.source;

import java.util.Map;

/**
 * The process environment as a bean, so tests can plant variables without touching the real one.
 * Without such a bean, {@link System#getenv()} is used.
 */
@FunctionalInterface
public interface EnvironmentVariables {

	Map<String, String> get();

}
