package io.credentialhealth.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;
import org.springframework.validation.ObjectError;
import org.springframework.validation.Validator;

/**
 * What a self-validating {@code @ConfigurationProperties} type rejects, as {@code "property: message"}
 * lines with the property named as Boot's failure report names it.
 */
public final class PropertyViolations {

	private PropertyViolations() {
	}

	/**
	 * Binds the properties through Boot's binder, exactly as at start-up.
	 * @param configuration a configuration enabling the properties type
	 * @param properties {@code name=value} pairs
	 * @return the violations, empty when the context started
	 */
	public static List<String> whenBound(Class<?> configuration, String... properties) {
		List<String> violations = new ArrayList<>();
		new ApplicationContextRunner().withUserConfiguration(configuration)
			.withPropertyValues(properties)
			.run((context) -> {
				Throwable failure = context.getStartupFailure();
				if (failure == null) {
					return;
				}
				BindValidationException validation = find(failure);
				if (validation == null) {
					throw new AssertionError("start-up failed, but not by validation", failure);
				}
				for (ObjectError error : validation.getValidationErrors()) {
					violations.add(describe(error));
				}
			});
		return violations;
	}

	/** Validates an instance built in code, for values binding cannot produce (such as null). */
	public static List<String> of(Validator properties, String prefix) {
		MapBindingResult errors = new MapBindingResult(new java.util.HashMap<>(), prefix);
		properties.validate(properties, errors);
		return errors.getAllErrors().stream().map(PropertyViolations::describe).toList();
	}

	private static String describe(ObjectError error) {
		String property = (error instanceof FieldError field) ? error.getObjectName() + "." + field.getField()
				: error.getObjectName();
		return property + ": " + error.getDefaultMessage();
	}

	private static BindValidationException find(Throwable failure) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (current instanceof BindValidationException validation) {
				return validation;
			}
		}
		return null;
	}

}
