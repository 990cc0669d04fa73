package io.credentialhealth.notify;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** An absolute http(s) URL with a host, or nothing at all (notifications off). */
@Documented
@Constraint(validatedBy = WebhookUrlValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface WebhookUrl {

	String message() default "must be an absolute http(s) URL such as https://hooks.slack.com/services/..., or unset to turn notifications off";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
