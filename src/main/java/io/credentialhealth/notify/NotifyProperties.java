package io.credentialhealth.notify;

import java.time.Duration;

import io.credentialhealth.config.PropertyChecks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Webhook notifications on credential transitions.
 *
 * @param webhookUrl where to POST; unset or blank turns notifications off. It usually embeds a
 * token, so it is never logged in full (environment variable
 * {@code CREDENTIALS_NOTIFY_WEBHOOK_URL})
 * @param format payload shape: slack, discord or json
 * @param timeout connect timeout and time to wait for an answer, per attempt (1ms to 5m)
 * @param maxAttempts attempts per notification before it counts as failed (1 to 10)
 * @param initialBackoff wait before the second attempt (0 to 1m); doubles per attempt, at most one
 * minute
 * @param queueCapacity notifications waiting for delivery (1 to 10000); beyond it they are dropped
 * and counted
 */
@ConfigurationProperties("credentials.notify")
public record NotifyProperties(String webhookUrl, @DefaultValue("json") NotificationFormat format,
		@DefaultValue("5s") Duration timeout, @DefaultValue("4") int maxAttempts,
		@DefaultValue("1s") Duration initialBackoff, @DefaultValue("100") int queueCapacity) implements Validator {

	/** Whether a webhook is configured at all. */
	public boolean enabled() {
		return this.webhookUrl != null && !this.webhookUrl.isBlank();
	}

	@Override
	public boolean supports(Class<?> type) {
		return NotifyProperties.class.isAssignableFrom(type);
	}

	/**
	 * Boot's binder calls this with {@code target == this} before the bean is used; a failure stops
	 * start-up, reported by {@link NotifyPropertiesFailureAnalyzer} without the URL.
	 */
	@Override
	public void validate(Object target, Errors errors) {
		PropertyChecks checks = new PropertyChecks(errors);
		String problem = enabled() ? WebhookAddress.problem(this.webhookUrl) : null;
		if (problem != null) {
			// The problem text is ours and never echoes the URL, which usually embeds a token.
			checks.reject("webhook-url", "is not a usable webhook URL (" + problem + "); expected an absolute http(s) URL "
					+ "such as https://hooks.slack.com/services/..., or leave it unset to turn notifications off");
		}
		checks.notNull("format", this.format)
			.atLeast("timeout", this.timeout, Duration.ofMillis(1), "must be positive, e.g. 5s")
			.atMost("timeout", this.timeout, Duration.ofMinutes(5), "must be at most 5m")
			.between("max-attempts", this.maxAttempts, 1, 10)
			.atLeast("initial-backoff", this.initialBackoff, Duration.ZERO, "must not be negative")
			.atMost("initial-backoff", this.initialBackoff, Duration.ofMinutes(1), "must be at most 1m")
			.between("queue-capacity", this.queueCapacity, 1, 10000);
	}

}
