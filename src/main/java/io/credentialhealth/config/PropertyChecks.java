package io.credentialhealth.config;

import java.time.Duration;

import org.springframework.validation.Errors;

/**
 * Checks for {@code @ConfigurationProperties} records that validate themselves: they implement
 * Spring's {@link org.springframework.validation.Validator} and Boot's binder runs it at start-up,
 * no Bean Validation needed. A failure is rejected under the property's name as users write it
 * ({@code max-attempts}, {@code kraken.base-url}): Boot's report prints {@code prefix.field}
 * verbatim. A null value passes every check except {@link #notNull}.
 */
public final class PropertyChecks {

	private final Errors errors;

	public PropertyChecks(Errors errors) {
		this.errors = errors;
	}

	public PropertyChecks notNull(String property, Object value) {
		if (value == null) {
			reject(property, "must not be null");
		}
		return this;
	}

	public PropertyChecks notBlank(String property, String value) {
		if (value == null || value.isBlank()) {
			reject(property, "must not be blank");
		}
		return this;
	}

	/** {@code min <= value <= max}. */
	public PropertyChecks between(String property, int value, int min, int max) {
		if (value < min) {
			reject(property, "must be greater than or equal to " + min);
		}
		else if (value > max) {
			reject(property, "must be less than or equal to " + max);
		}
		return this;
	}

	/** {@code value >= min}; the message says why. */
	public PropertyChecks atLeast(String property, Duration value, Duration min, String message) {
		if (value != null && value.compareTo(min) < 0) {
			reject(property, message);
		}
		return this;
	}

	/** {@code value <= max}; the message says why. */
	public PropertyChecks atMost(String property, Duration value, Duration max, String message) {
		if (value != null && value.compareTo(max) > 0) {
			reject(property, message);
		}
		return this;
	}

	/** Any other rule: {@code problem} is said of the property and must not echo its value. */
	public PropertyChecks reject(String property, String problem) {
		this.errors.rejectValue(property, "invalid", problem);
		return this;
	}

}
