package io.credentialhealth.notify;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Webhook notifications on credential transitions.
 *
 * @param webhookUrl where to POST; unset or blank turns notifications off. It usually embeds a
 * token, so it is never logged in full (environment variable
 * {@code CREDENTIALS_NOTIFY_WEBHOOK_URL})
 * @param format payload shape: slack, discord or json
 * @param timeout connect timeout and time to wait for an answer, per attempt
 * @param maxAttempts attempts per notification before it counts as failed
 * @param initialBackoff wait before the second attempt; doubles per attempt, at most one minute
 * @param queueCapacity notifications waiting for delivery; beyond it they are dropped and counted
 */
@ConfigurationProperties("credentials.notify")
@Validated
public record NotifyProperties(@WebhookUrl String webhookUrl, @DefaultValue("json") @NotNull NotificationFormat format,
		@DefaultValue("5s") @DurationMin(millis = 1, message = "must be positive, e.g. 5s") @DurationMax(minutes = 5,
				message = "must be at most 5m") Duration timeout,
		@DefaultValue("4") @Min(1) @Max(10) int maxAttempts,
		@DefaultValue("1s") @DurationMin(millis = 0, message = "must not be negative") @DurationMax(minutes = 1,
				message = "must be at most 1m") Duration initialBackoff,
		@DefaultValue("100") @Min(1) @Max(10000) int queueCapacity) {

	/** Whether a webhook is configured at all. */
	public boolean enabled() {
		return this.webhookUrl != null && !this.webhookUrl.isBlank();
	}

}
