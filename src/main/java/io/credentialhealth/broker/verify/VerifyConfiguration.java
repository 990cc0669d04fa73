package io.credentialhealth.broker.verify;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.credentialhealth.broker.Broker;
import io.credentialhealth.broker.BrokerVerifiers;
import io.credentialhealth.broker.FormatChecks;
import io.credentialhealth.broker.VerifierSettings;
import io.credentialhealth.broker.alpaca.AlpacaVerifier;
import io.credentialhealth.broker.coinbase.CoinbaseVerifier;
import io.credentialhealth.broker.kraken.KrakenVerifier;
import io.credentialhealth.check.CredentialChecker;
import io.credentialhealth.check.CurrentSnapshot;
import io.credentialhealth.registry.Account;
import io.credentialhealth.registry.CredentialRegistry;
import io.credentialhealth.registry.InvalidRegistryException;
import io.credentialhealth.source.CredentialSources;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Live verification. The beans always exist (the verdicts answer "nothing to say" when it is off),
 * but no HTTP client and no thread is created unless at least one account is verified.
 */
@Configuration(proxyBeanMethods = false)
public class VerifyConfiguration {

	@Bean
	LiveVerdicts liveVerdicts(VerifyProperties properties, CredentialRegistry registry) {
		return new LiveVerdicts(verifiedAccounts(properties, registry));
	}

	@Bean
	VerificationMetrics verificationMetrics(LiveVerdicts verdicts) {
		return new VerificationMetrics(verdicts);
	}

	@Bean
	LiveVerifier liveVerifier(VerifyProperties properties, LiveVerdicts verdicts, VerificationMetrics metrics,
			CredentialSources sources, CurrentSnapshot snapshot, CredentialChecker checker, FormatChecks formatChecks,
			Clock clock) {
		BrokerVerifiers verifiers = verdicts.accounts().isEmpty() ? null : brokerVerifiers(properties, clock);
		return new LiveVerifier(verifiers, sources, snapshot, checker, formatChecks, verdicts, metrics,
				VerifyPolicy.of(properties), clock);
	}

	static BrokerVerifiers brokerVerifiers(VerifyProperties properties, Clock clock) {
		VerifierSettings settings = new VerifierSettings(properties.connectTimeout(), properties.readTimeout());
		try {
			return new BrokerVerifiers(List.of(new KrakenVerifier(properties.kraken().baseUrl(), settings, clock),
					new AlpacaVerifier(properties.alpaca().liveBaseUrl(), properties.alpaca().paperBaseUrl(), settings,
							clock),
					new CoinbaseVerifier(properties.coinbase().baseUrl(), settings, clock)), clock);
		}
		catch (IllegalArgumentException ex) {
			// The verifiers name the property and never echo the URL: "credentials.verify.kraken.base-url must be ..."
			String message = String.valueOf(ex.getMessage());
			int space = message.indexOf(' ');
			String property = (space > 0) ? message.substring(0, space) : "credentials.verify";
			throw new InvalidRegistryException(property, (space > 0) ? message.substring(space + 1) : message);
		}
	}

	/**
	 * The accounts verified live: enabled in the registry, of a broker with a live check, and switched
	 * on globally or by their override. An override naming no account fails start-up: a typo would
	 * otherwise silently leave verification on for an account meant to be left alone.
	 */
	static Set<String> verifiedAccounts(VerifyProperties properties, CredentialRegistry registry) {
		for (String id : properties.accounts().keySet()) {
			if (registry.account(id).isEmpty()) {
				throw new InvalidRegistryException("credentials.verify.accounts." + id,
						"names no registered account; registered accounts: " + registry.accounts()
							.stream()
							.map(Account::id)
							.collect(Collectors.joining(", ")));
			}
		}
		return registry.accounts()
			.stream()
			.filter(Account::enabled)
			.filter((account) -> account.broker() != Broker.GENERIC)
			.filter((account) -> properties.isEnabledFor(account.id()))
			.map(Account::id)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

}
