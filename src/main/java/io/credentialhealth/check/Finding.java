package io.credentialhealth.check;

import io.credentialhealth.registry.VariableRole;

/**
 * Something an inspector noticed about an account's values. Messages describe shapes and lengths,
 * never the value itself.
 *
 * @param severity an error makes the account INVALID; a warning is only shown
 * @param role the variable it concerns, or null for the account as a whole
 * @param message one sentence for operators
 */
public record Finding(Severity severity, VariableRole role, String message) {

	public enum Severity {

		ERROR, WARNING

	}

	public static Finding error(VariableRole role, String message) {
		return new Finding(Severity.ERROR, role, message);
	}

	public static Finding warning(VariableRole role, String message) {
		return new Finding(Severity.WARNING, role, message);
	}

}
