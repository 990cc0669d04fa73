package io.credentialhealth.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when an access token is configured (a blank one counts as none). */
class OnAccessTokenCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return SecurityProperties.protectedByToken(context.getEnvironment());
	}

}
