package io.credentialhealth.notify;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Reports invalid {@code credentials.notify.*} properties like Boot does, but without the
 * webhook URL's value: Slack and Discord URLs embed a token. Ordered before Boot's own analyzer,
 * which would print every rejected value.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotifyPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<BindValidationException> {

	private static final String PREFIX = "credentials.notify";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
		if (!PREFIX.equals(cause.getValidationErrors().getName().toString())) {
			return null;
		}
		StringBuilder description = new StringBuilder("Invalid notification settings (" + PREFIX + ".*):");
		for (ObjectError error : cause.getValidationErrors().getAllErrors()) {
			description.append(String.format("%n"));
			if (error instanceof FieldError field) {
				// NotifyProperties rejects fields under their dashed names, e.g. max-attempts.
				String property = PREFIX + "." + field.getField();
				description.append("    Property ").append(property);
				if (!property.equals(PREFIX + ".webhook-url")) {
					description.append(" = \"").append(field.getRejectedValue()).append("\"");
				}
				description.append(": ");
			}
			else {
				description.append("    ");
			}
			description.append(error.getDefaultMessage());
		}
		return new FailureAnalysis(description.toString(),
				"Fix or unset these properties (environment variables CREDENTIALS_NOTIFY_WEBHOOK_URL, "
						+ "CREDENTIALS_NOTIFY_FORMAT, ...). The webhook URL is not shown because it usually embeds a token.",
				cause);
	}

}
