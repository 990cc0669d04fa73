package io.credentialhealth.notify;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code credentials.notify.webhook-url} has text. Unlike
 * {@code @ConditionalOnProperty}, a blank value (how platforms often "unset" a variable) means off.
 */
class OnWebhookConfigured implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return Binder.get(context.getEnvironment())
			.bind("credentials.notify.webhook-url", String.class)
			.map((url) -> !url.isBlank())
			.orElse(false);
	}

}
