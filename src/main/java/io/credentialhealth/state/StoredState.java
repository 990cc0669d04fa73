package io.credentialhealth.state;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.HashMap;

/**
 * Everything the state store holds for this installation.
 *
 * @param salt random per-installation key of the fingerprint HMAC, so fingerprints cannot be
 * brute-forced from a leaked store without it
 * @param variables memory by variable name
 */
public record StoredState(String salt, Map<String, VariableMemory> variables) {

	/** A hash map: the checker replaces every valid variable's entry at each check (the file store sorts on write). */
	public StoredState {
		variables = (variables != null) ? new HashMap<>(variables) : new HashMap<>();
	}

	public static StoredState fresh() {
		byte[] salt = new byte[32];
		new SecureRandom().nextBytes(salt);
		return new StoredState(Base64.getEncoder().encodeToString(salt), Map.of());
	}

	@Override
	public Map<String, VariableMemory> variables() {
		return Collections.unmodifiableMap(this.variables);
	}

	public StoredState with(Map<String, VariableMemory> variables) {
		return new StoredState(this.salt, variables);
	}

}
