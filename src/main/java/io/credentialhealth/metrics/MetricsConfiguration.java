package io.credentialhealth.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.credentialhealth.check.CheckProperties;
import io.credentialhealth.check.CurrentSnapshot;
import io.credentialhealth.platform.PlatformInfo;
import io.credentialhealth.registry.CredentialRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

	@Bean
	CredentialMetrics credentialMetrics(CredentialRegistry registry, CurrentSnapshot snapshot, PlatformInfo platform,
			CheckProperties properties) {
		return new CredentialMetrics(registry, snapshot, platform, properties.checkInterval());
	}

	/**
	 * Common tags {@code environment} and {@code service} on every meter, from the detected platform (override them
	 * with {@code credentials.platform.environment}/{@code .service}). A key set in {@code management.metrics.tags.*}
	 * wins: Micrometer keeps the first common tag it meets, so the platform's would otherwise shadow it.
	 */
	@Bean
	MeterRegistryCustomizer<MeterRegistry> platformCommonTags(PlatformInfo platform,
			ObjectProvider<MetricsProperties> metricsProperties) {
		return (registry) -> registry.config().commonTags(platformTags(platform, metricsProperties.getIfAvailable()));
	}

	static List<Tag> platformTags(PlatformInfo platform, MetricsProperties properties) {
		Map<String, String> configured = (properties != null) ? properties.getTags() : Map.of();
		List<Tag> tags = new ArrayList<>();
		if (!configured.containsKey("environment")) {
			tags.add(Tag.of("environment", platform.environment()));
		}
		if (!configured.containsKey("service")) {
			tags.add(Tag.of("service", platform.service()));
		}
		return tags;
	}

}
