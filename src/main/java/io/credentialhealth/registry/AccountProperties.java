package io.credentialhealth.registry;

import io.credentialhealth.broker.Broker;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One entry of {@code credentials.accounts.<account-id>}. Variable names left out follow the
 * convention {@code {BROKER}_MASTER_API_KEY} or {@code {BROKER}_USER_{USER}_API_KEY} (and
 * {@code _API_SECRET}, {@code _PAPER}).
 *
 * @param broker the broker: coinbase, kraken, alpaca or generic
 * @param role master or user
 * @param owner display name, e.g. "Tania Gilbert"; defaults to "Master" or the user id
 * @param user id used in variable names of a user account, e.g. "tania"
 * @param required whether a missing credential makes readiness fail (default true)
 * @param enabled whether the account is checked at all (default true)
 * @param keyVariable variable carrying the API key
 * @param secretVariable variable carrying the API secret
 * @param paperVariable alpaca only: variable carrying the paper-trading flag; empty for none
 */
public record AccountProperties(
		@NotNull(message = "is required; allowed values: coinbase, kraken, alpaca, generic") Broker broker,
		@NotNull(message = "is required; allowed values: master, user") Role role, String owner,
		@Pattern(regexp = "[a-z][a-z0-9_]*",
				message = "must be lower-case letters, digits or underscores, starting with a letter (e.g. tania)") String user,
		@DefaultValue("true") boolean required, @DefaultValue("true") boolean enabled,
		@Pattern(regexp = AccountProperties.VARIABLE_NAME, message = AccountProperties.VARIABLE_NAME_MESSAGE) String keyVariable,
		@Pattern(regexp = AccountProperties.VARIABLE_NAME, message = AccountProperties.VARIABLE_NAME_MESSAGE) String secretVariable,
		@Pattern(regexp = AccountProperties.VARIABLE_NAME + "|",
				message = AccountProperties.VARIABLE_NAME_MESSAGE + ", or empty for none") String paperVariable) {

	static final String VARIABLE_NAME = "[A-Z][A-Z0-9_]*";

	static final String VARIABLE_NAME_MESSAGE = "must be an environment variable name matching [A-Z][A-Z0-9_]* (upper-case letters, digits and underscores, starting with a letter)";

}
