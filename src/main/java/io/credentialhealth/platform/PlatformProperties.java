package io.credentialhealth.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Overrides for what platform detection finds.
 *
 * @param environment environment name, when the platform has none (Render) or it should read
 * differently
 * @param service service name, for fix commands and metrics
 * @param kubernetesSecret name of the Kubernetes secret that holds the credentials
 * @param renderEnvGroup name of the Render environment group that holds the credentials
 */
@ConfigurationProperties("credentials.platform")
public record PlatformProperties(String environment, String service, String kubernetesSecret, String renderEnvGroup) {
}
