package io.credentialhealth.broker.verify;

import java.time.Instant;
import java.util.Set;

import io.credentialhealth.broker.Verification;
import io.credentialhealth.broker.VerificationResult;
import io.credentialhealth.support.PromtoolCheck;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The two families as Prometheus reads them: names, help, pre-registered zeros. */
class VerificationMetricsTest {

	private final LiveVerdicts verdicts = new LiveVerdicts(Set.of("kraken-master"));

	private final VerificationMetrics metrics = new VerificationMetrics(this.verdicts);

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	@Test
	void familiesAreRegisteredAtZeroAndCount() {
		this.metrics.count("kraken-master", VerificationResult.VERIFIED); // before binding: dropped, no failure
		this.metrics.bindTo(this.registry);
		String before = this.registry.scrape();
		assertThat(before)
			.contains("# HELP credentials_account_last_verified_timestamp_seconds When the broker last accepted")
			.contains("# TYPE credentials_account_last_verified_timestamp_seconds gauge")
			.contains("credentials_account_last_verified_timestamp_seconds{account=\"kraken-master\"} 0.0")
			.contains("# TYPE credentials_verifications_total counter");
		for (String result : new String[] { "verified", "rejected", "unverified", "unreachable" }) {
			assertThat(before)
				.contains("credentials_verifications_total{account=\"kraken-master\",result=\"" + result + "\"} 0.0");
		}
		this.verdicts.record("kraken-master", "d", Verification.verified("ok", Instant.ofEpochSecond(1768596300), null,
				null));
		this.metrics.count("kraken-master", VerificationResult.VERIFIED);
		String after = this.registry.scrape();
		assertThat(after).contains("credentials_account_last_verified_timestamp_seconds{account=\"kraken-master\"} 1.7685963E9")
			.contains("credentials_verifications_total{account=\"kraken-master\",result=\"verified\"} 1.0");
	}

	@Test
	void nothingIsRegisteredWhenNoAccountIsVerified() {
		new VerificationMetrics(new LiveVerdicts(Set.of())).bindTo(this.registry);
		assertThat(this.registry.getMeters()).isEmpty();
	}

	/** promtool is optional locally (skipped), required under CI (.ci/run installs it). */
	@Test
	void promtoolFindsNothingToComplainAbout() {
		this.metrics.bindTo(this.registry);
		assertThat(PromtoolCheck.metrics(PromtoolCheck.only(this.registry.scrape(), "credentials_"))).isEmpty();
	}

}
