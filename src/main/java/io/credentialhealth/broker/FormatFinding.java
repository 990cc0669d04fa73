package io.credentialhealth.broker;

import java.util.Objects;

/**
 * One result of an offline format rule. The message describes shapes (lengths, prefixes,
 * positions) and never contains a value.
 *
 * @param severity whether the account becomes INVALID or only carries a warning
 * @param variableRole which variable the finding is about: {@code key}, {@code secret} or
 * {@code paper}
 * @param message an operator-friendly sentence without any value in it
 */
public record FormatFinding(Severity severity, String variableRole, String message) {

	public static final String KEY = "key";

	public static final String SECRET = "secret";

	public static final String PAPER = "paper";

	public FormatFinding {
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(variableRole, "variableRole");
		Objects.requireNonNull(message, "message");
	}

	public static FormatFinding error(String variableRole, String message) {
		return new FormatFinding(Severity.ERROR, variableRole, message);
	}

	public static FormatFinding warning(String variableRole, String message) {
		return new FormatFinding(Severity.WARNING, variableRole, message);
	}

	public boolean isError() {
		return this.severity == Severity.ERROR;
	}

}
