package io.credentialhealth.cli;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.credentialhealth.registry.InvalidRegistryException;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a start-up failure caused by the registry or another property into one line that names
 * the property and says what is allowed. Rejected values are never shown: messages come from the
 * registry's own rules and the properties' own checks, not from the input.
 */
final class StartupFailures {

	private static final int MAX_DEPTH = 64;

	private StartupFailures() {
	}

	/** One line for an invalid registry or configuration, or empty for any other failure. */
	static Optional<String> describeInvalidConfiguration(Throwable failure) {
		InvalidRegistryException registry = find(failure, InvalidRegistryException.class);
		if (registry != null) {
			return Optional.of("Invalid credential registry: " + registry.getMessage());
		}
		BindValidationException validation = find(failure, BindValidationException.class);
		if (validation != null) {
			return Optional.of("Invalid configuration: " + validationErrors(validation.getValidationErrors().getAllErrors()));
		}
		BindException bind = find(failure, BindException.class);
		if (bind != null) {
			String property = (bind.getProperty() != null) ? bind.getProperty().getName().toString()
					: bind.getName().toString();
			return Optional.of("Invalid configuration: " + property + " " + expected(bind));
		}
		return Optional.empty();
	}

	/** Type names only: a message of an unknown failure may echo input. */
	static String describeOther(Throwable failure) {
		Throwable root = failure;
		Set<Throwable> seen = new HashSet<>();
		while (root.getCause() != null && seen.add(root) && seen.size() < MAX_DEPTH) {
			root = root.getCause();
		}
		String what = failure.getClass().getSimpleName();
		if (root != failure) {
			what += ", caused by " + root.getClass().getSimpleName();
		}
		return "The application could not start (" + what + "); run it without 'verify' to see the full report";
	}

	private static String validationErrors(List<ObjectError> errors) {
		return errors.stream().map((error) -> {
			if (error instanceof FieldError field) {
				return field.getObjectName() + "." + field.getField() + " " + field.getDefaultMessage();
			}
			return error.getObjectName() + " " + error.getDefaultMessage();
		}).collect(Collectors.joining("; "));
	}

	private static String expected(BindException bind) {
		Class<?> type = bind.getTarget().getType().resolve();
		if (type != null && type.isEnum()) {
			String allowed = Arrays.stream(type.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", "));
			return "has a value that is not allowed; allowed values: " + allowed;
		}
		return "cannot be read as " + ((type != null) ? type.getSimpleName() : "the expected type");
	}

	private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		Set<Throwable> seen = new HashSet<>();
		for (Throwable current = failure; current != null && seen.add(current) && seen.size() <= MAX_DEPTH; current = current
			.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
		}
		return null;
	}

}
