package io.credentialhealth.broker.verify;

import java.time.Duration;
import java.util.Map;

import io.credentialhealth.broker.alpaca.AlpacaVerifier;
import io.credentialhealth.broker.coinbase.CoinbaseVerifier;
import io.credentialhealth.broker.kraken.KrakenVerifier;
import io.credentialhealth.config.PropertyChecks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Live verification against the brokers ({@code credentials.verify.*}). Off unless enabled, globally
 * or for single accounts.
 *
 * @param enabled whether accounts are verified live (default false); an account's override wins
 * @param interval time between two verifications of one account (default 1h, at least 1s)
 * @param jitter up to this much is added at random to every interval, so that instances and
 * accounts do not call a broker in step (default 10% of the interval)
 * @param maxBackoff the longest wait after repeated inconclusive or refused answers (default 6h);
 * the wait doubles from the interval up to this
 * @param connectTimeout how long to wait for a connection to a broker (default 5s)
 * @param readTimeout how long to wait for a broker's complete answer once connected (default 10s)
 * @param kraken Kraken's endpoint
 * @param alpaca Alpaca's live and paper endpoints
 * @param coinbase Coinbase's endpoint
 * @param accounts per-account overrides by account id, e.g.
 * {@code credentials.verify.accounts.kraken-master.enabled=false}
 */
@ConfigurationProperties("credentials.verify")
public record VerifyProperties(@DefaultValue("false") boolean enabled, @DefaultValue("1h") Duration interval,
		Duration jitter, @DefaultValue("6h") Duration maxBackoff, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout, @DefaultValue Kraken kraken, @DefaultValue Alpaca alpaca,
		@DefaultValue Coinbase coinbase, Map<String, AccountOverride> accounts) implements Validator {

	public VerifyProperties {
		if (jitter == null && interval != null) {
			jitter = interval.dividedBy(10);
		}
		accounts = (accounts != null) ? Map.copyOf(accounts) : Map.of();
	}

	/** Whether the account is verified: its override if it has one, else the global switch. */
	public boolean isEnabledFor(String accountId) {
		AccountOverride override = this.accounts.get(accountId);
		return (override != null && override.enabled() != null) ? override.enabled() : this.enabled;
	}

	@Override
	public boolean supports(Class<?> type) {
		return VerifyProperties.class.isAssignableFrom(type);
	}

	/**
	 * Boot's binder calls this with {@code target == this} before the bean is used; a failure stops
	 * start-up naming the property. Overrides need no check here: an unknown account id fails in
	 * {@link VerifyConfiguration}, a value that is not a boolean fails binding.
	 */
	@Override
	public void validate(Object target, Errors errors) {
		Duration second = Duration.ofSeconds(1);
		Duration milli = Duration.ofMillis(1);
		PropertyChecks checks = new PropertyChecks(errors).notNull("interval", this.interval)
			.atLeast("interval", this.interval, second, "must be at least 1s: a broker must never be called in a tight loop")
			.atLeast("jitter", this.jitter, Duration.ZERO, "must not be negative")
			.notNull("max-backoff", this.maxBackoff)
			.atLeast("max-backoff", this.maxBackoff, second, "must be at least 1s")
			.notNull("connect-timeout", this.connectTimeout)
			.atLeast("connect-timeout", this.connectTimeout, milli, "must be positive")
			.notNull("read-timeout", this.readTimeout)
			.atLeast("read-timeout", this.readTimeout, milli, "must be positive");
		if (this.kraken != null) {
			checks.notBlank("kraken.base-url", this.kraken.baseUrl());
		}
		if (this.alpaca != null) {
			checks.notBlank("alpaca.live-base-url", this.alpaca.liveBaseUrl())
				.notBlank("alpaca.paper-base-url", this.alpaca.paperBaseUrl());
		}
		if (this.coinbase != null) {
			checks.notBlank("coinbase.base-url", this.coinbase.baseUrl());
		}
	}

	/**
	 * @param baseUrl scheme, host and optional port of Kraken's REST API
	 */
	public record Kraken(@DefaultValue(KrakenVerifier.DEFAULT_BASE_URL) String baseUrl) {
	}

	/**
	 * @param liveBaseUrl endpoint for live keys (paper flag false, or AK keys without a flag)
	 * @param paperBaseUrl endpoint for paper keys (paper flag true, or PK keys without a flag)
	 */
	public record Alpaca(@DefaultValue(AlpacaVerifier.DEFAULT_LIVE_BASE_URL) String liveBaseUrl,
			@DefaultValue(AlpacaVerifier.DEFAULT_PAPER_BASE_URL) String paperBaseUrl) {
	}

	/**
	 * @param baseUrl scheme, host and optional port of the Advanced Trade API
	 */
	public record Coinbase(@DefaultValue(CoinbaseVerifier.DEFAULT_BASE_URL) String baseUrl) {
	}

	/**
	 * @param enabled true or false to override {@code credentials.verify.enabled} for this account
	 */
	public record AccountOverride(Boolean enabled) {
	}

}
