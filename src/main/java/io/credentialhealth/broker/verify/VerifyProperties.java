package io.credentialhealth.broker.verify;

import java.time.Duration;
import java.util.Map;

import io.credentialhealth.broker.alpaca.AlpacaVerifier;
import io.credentialhealth.broker.coinbase.CoinbaseVerifier;
import io.credentialhealth.broker.kraken.KrakenVerifier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
@Validated
public record VerifyProperties(@DefaultValue("false") boolean enabled,
		@NotNull @DurationMin(seconds = 1, message = "must be at least 1s: a broker must never be called in a tight loop") @DefaultValue("1h") Duration interval,
		@DurationMin(millis = 0, message = "must not be negative") Duration jitter,
		@NotNull @DurationMin(seconds = 1, message = "must be at least 1s") @DefaultValue("6h") Duration maxBackoff,
		@NotNull @DurationMin(millis = 1, message = "must be positive") @DefaultValue("5s") Duration connectTimeout,
		@NotNull @DurationMin(millis = 1, message = "must be positive") @DefaultValue("10s") Duration readTimeout,
		@Valid @DefaultValue Kraken kraken, @Valid @DefaultValue Alpaca alpaca, @Valid @DefaultValue Coinbase coinbase,
		Map<String, @Valid AccountOverride> accounts) {

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

	/**
	 * @param baseUrl scheme, host and optional port of Kraken's REST API
	 */
	public record Kraken(@NotBlank @DefaultValue(KrakenVerifier.DEFAULT_BASE_URL) String baseUrl) {
	}

	/**
	 * @param liveBaseUrl endpoint for live keys (paper flag false, or AK keys without a flag)
	 * @param paperBaseUrl endpoint for paper keys (paper flag true, or PK keys without a flag)
	 */
	public record Alpaca(@NotBlank @DefaultValue(AlpacaVerifier.DEFAULT_LIVE_BASE_URL) String liveBaseUrl,
			@NotBlank @DefaultValue(AlpacaVerifier.DEFAULT_PAPER_BASE_URL) String paperBaseUrl) {
	}

	/**
	 * @param baseUrl scheme, host and optional port of the Advanced Trade API
	 */
	public record Coinbase(@NotBlank @DefaultValue(CoinbaseVerifier.DEFAULT_BASE_URL) String baseUrl) {
	}

	/**
	 * @param enabled true or false to override {@code credentials.verify.enabled} for this account
	 */
	public record AccountOverride(Boolean enabled) {
	}

}
