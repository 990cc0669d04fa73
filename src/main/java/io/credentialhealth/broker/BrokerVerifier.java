package io.credentialhealth.broker;

/**
 * Proves against the broker, with its cheapest authenticated read, that a credential still works.
 * Implementations never throw: every failure, including bad input, becomes a {@link Verification}
 * whose reason contains no value. They block for at most about the configured connect plus request
 * timeout. They hold no per-account state, so one instance serves all accounts of its broker; the
 * caller keeps at most one verification in flight per account.
 */
public interface BrokerVerifier {

	Broker broker();

	Verification verify(CredentialValues values);

}
