package io.credentialhealth.broker;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the live verifier of a broker. {@link Broker#GENERIC} has none and answers UNVERIFIED.
 */
public final class BrokerVerifiers {

	private final Map<Broker, BrokerVerifier> verifiers = new EnumMap<>(Broker.class);

	private final Clock clock;

	public BrokerVerifiers(List<? extends BrokerVerifier> verifiers, Clock clock) {
		this.clock = (clock != null) ? clock : Clock.systemUTC();
		for (BrokerVerifier verifier : verifiers) {
			if (this.verifiers.putIfAbsent(verifier.broker(), verifier) != null) {
				throw new IllegalArgumentException("Two verifiers for broker " + verifier.broker().id());
			}
		}
	}

	public Optional<BrokerVerifier> verifierFor(Broker broker) {
		return Optional.ofNullable(this.verifiers.get(broker));
	}

	public Verification verify(Broker broker, CredentialValues values) {
		BrokerVerifier verifier = this.verifiers.get(broker);
		if (verifier == null) {
			return Verification.unverified("No live check exists for " + broker.id() + " credentials.",
					this.clock.instant(), null);
		}
		return verifier.verify(values);
	}

}
