package io.credentialhealth.broker.verify;

import java.util.Locale;

import io.credentialhealth.broker.VerificationResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Live verification in Prometheus: {@code credentials_account_last_verified_timestamp_seconds{account}}
 * (0 when never) and {@code credentials_verifications_total{account,result}}, both for the accounts
 * that are verified live only, the counters registered at 0 so that {@code increase()} works from
 * the first answer on.
 */
public class VerificationMetrics implements MeterBinder {

	static final String LAST_VERIFIED = "credentials.account.last.verified.timestamp";

	static final String VERIFICATIONS = "credentials.verifications";

	private final LiveVerdicts verdicts;

	private volatile MeterRegistry registry;

	public VerificationMetrics(LiveVerdicts verdicts) {
		this.verdicts = verdicts;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String account : this.verdicts.accounts()) {
			Gauge.builder(LAST_VERIFIED, this.verdicts, (verdicts) -> verdicts.lastVerifiedSeconds(account))
				.description("When the broker last accepted the account's credentials in a live verification "
						+ "(0 when never since start-up)")
				.baseUnit("seconds")
				.tag("account", account)
				.register(registry);
			for (VerificationResult result : VerificationResult.values()) {
				counter(registry, account, result);
			}
		}
		this.registry = registry;
	}

	/** Counts one answer; a no-op before the registry is bound. */
	void count(String account, VerificationResult result) {
		MeterRegistry registry = this.registry;
		if (registry != null) {
			counter(registry, account, result).increment();
		}
	}

	private static Counter counter(MeterRegistry registry, String account, VerificationResult result) {
		return Counter.builder(VERIFICATIONS)
			.description("Live verifications of the account's credentials by result "
					+ "(verified, rejected, unverified, unreachable)")
			.tag("account", account)
			.tag("result", result.name().toLowerCase(Locale.ROOT))
			.register(registry);
	}

}
