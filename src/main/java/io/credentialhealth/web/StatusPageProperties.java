package io.credentialhealth.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The status page at {@code /}.
 *
 * @param enabled whether {@code /} serves the page
 * @param refreshInterval how often an open page fetches fresh state
 */
@ConfigurationProperties("credentials.status-page")
public record StatusPageProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration refreshInterval) {
}
