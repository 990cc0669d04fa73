package io.credentialhealth.registry;

import io.credentialhealth.broker.Broker;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One entry of {@code credentials.accounts.<account-id>}. Variable names left out follow the
 * convention {@code {BROKER}_MASTER_API_KEY} or {@code {BROKER}_USER_{USER}_API_KEY} (and
 * {@code _API_SECRET}, {@code _PAPER}). {@link CredentialRegistry#of} checks every field.
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
public record AccountProperties(Broker broker, Role role, String owner, String user,
		@DefaultValue("true") boolean required, @DefaultValue("true") boolean enabled, String keyVariable,
		String secretVariable, String paperVariable) {

}
