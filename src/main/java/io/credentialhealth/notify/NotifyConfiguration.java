package io.credentialhealth.notify;

import io.credentialhealth.platform.PlatformInfo;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Webhook notifications, only when a webhook URL is configured. */
@Configuration(proxyBeanMethods = false)
@Conditional(OnWebhookConfigured.class)
public class NotifyConfiguration {

	@Bean
	NotificationStats notificationStats() {
		return new NotificationStats();
	}

	@Bean
	WebhookNotifier webhookNotifier(NotifyProperties properties, PlatformInfo platform, NotificationStats stats) {
		// A mapper of our own: the payload shape must not follow the application's spring.jackson.* settings.
		NotificationPayloads payloads = new NotificationPayloads(properties.format(), platform,
				JsonMapper.builder().build());
		return new WebhookNotifier(properties, payloads, stats);
	}

}
