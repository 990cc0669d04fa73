package io.credentialhealth.broker;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.credentialhealth.broker.alpaca.AlpacaFormatRules;
import io.credentialhealth.broker.coinbase.CoinbaseFormatRules;
import io.credentialhealth.broker.kraken.KrakenFormatRules;

/**
 * Picks the format rules of a broker and runs them. {@link Broker#GENERIC} has no rules. A rule
 * that throws is reported as one error finding naming only the exception type, so a bug in a rule
 * can neither crash the checker nor leak a value through an exception message.
 */
public final class FormatChecks {

	private final Map<Broker, FormatRules> rules = new EnumMap<>(Broker.class);

	public FormatChecks(List<? extends FormatRules> rules) {
		for (FormatRules rule : rules) {
			if (this.rules.putIfAbsent(rule.broker(), rule) != null) {
				throw new IllegalArgumentException("Two format rule sets for broker " + rule.broker().id());
			}
		}
	}

	/**
	 * The built-in rules for Kraken, Alpaca and Coinbase.
	 */
	public static FormatChecks defaults() {
		return new FormatChecks(List.of(new KrakenFormatRules(), new AlpacaFormatRules(), new CoinbaseFormatRules()));
	}

	public Optional<FormatRules> rulesFor(Broker broker) {
		return Optional.ofNullable(this.rules.get(broker));
	}

	public List<FormatFinding> check(Broker broker, CredentialValues values) {
		FormatRules rule = this.rules.get(broker);
		if (rule == null || values == null) {
			return List.of();
		}
		try {
			return List.copyOf(rule.check(values));
		}
		catch (RuntimeException ex) {
			return List.of(FormatFinding.error(FormatFinding.SECRET, broker.name()
					+ " format check failed unexpectedly (" + ex.getClass().getSimpleName() + "); please report this"));
		}
	}

}
