package io.credentialhealth.notify;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationStatsTests {

	@Test
	void publishesOneCounterPerResult() {
		NotificationStats stats = new NotificationStats();
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		stats.bindTo(registry);
		stats.recordSent();
		stats.recordSent();
		stats.recordFailed();
		stats.recordDropped(3);
		assertThat(registry.scrape()).contains("credentials_notifications_total{result=\"sent\"} 2.0")
			.contains("credentials_notifications_total{result=\"failed\"} 1.0")
			.contains("credentials_notifications_total{result=\"dropped\"} 3.0");
	}

}
