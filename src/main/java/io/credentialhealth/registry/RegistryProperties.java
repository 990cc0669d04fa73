package io.credentialhealth.registry;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The credential registry: which accounts exist and which variables carry them. Validated as a
 * whole by {@link CredentialRegistry#of}, which names the offending property.
 *
 * @param accounts accounts by id (lower-case words joined by dashes, e.g. kraken-user-tania)
 */
@ConfigurationProperties("credentials")
public record RegistryProperties(Map<String, AccountProperties> accounts) {

}
