package io.credentialhealth.registry;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The credential registry: which accounts exist and which variables carry them.
 *
 * @param accounts accounts by id (lower-case words joined by dashes, e.g. kraken-user-tania)
 */
@ConfigurationProperties("credentials")
@Validated
public record RegistryProperties(
		@NotEmpty(message = "must declare at least one account, e.g. credentials.accounts.kraken-master.broker=kraken") Map<String, @Valid AccountProperties> accounts) {

}
