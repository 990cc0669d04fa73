package io.credentialhealth.notify;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Accepts what {@link WebhookAddress#parse(String)} accepts, and blank for "off". */
public class WebhookUrlValidator implements ConstraintValidator<WebhookUrl, String> {

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		if (value == null || value.isBlank()) {
			return true;
		}
		String problem = WebhookAddress.problem(value);
		if (problem == null) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		// The problem text is ours (never echoes the URL), and has no {} or $ for the interpolator.
		context.buildConstraintViolationWithTemplate(
				"is not a usable webhook URL (" + problem + "); expected an absolute http(s) URL such as "
						+ "https://hooks.slack.com/services/..., or leave it unset to turn notifications off")
			.addConstraintViolation();
		return false;
	}

}
