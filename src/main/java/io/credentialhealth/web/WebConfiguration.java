package io.credentialhealth.web;

import java.time.Clock;

import io.credentialhealth.check.CheckProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration(proxyBeanMethods = false)
@Import(StatusPageController.class)
public class WebConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "credentials.status-page.enabled", matchIfMissing = true)
	static class StatusPageConfiguration {

		@Bean
		StatusPage statusPage(CheckProperties checks, StatusPageProperties properties, Clock clock) {
			return new StatusPage(checks.checkInterval(), properties.refreshInterval(), clock);
		}

	}

}
