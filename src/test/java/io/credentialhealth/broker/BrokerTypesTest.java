package io.credentialhealth.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.credentialhealth.broker.alpaca.AlpacaVerifier;
import io.credentialhealth.broker.coinbase.CoinbaseVerifier;
import io.credentialhealth.broker.kraken.KrakenVerifier;
import io.credentialhealth.broker.support.TestKeys;

class BrokerTypesTest {

	@Test
	void brokerIdsAreLowerCase() {
		assertThat(Broker.values()).extracting(Broker::id).containsExactly("coinbase", "kraken", "alpaca", "generic");
	}

	@Test
	void credentialValuesToStringMasks() {
		String secret = TestKeys.krakenSecret();
		CredentialValues values = new CredentialValues("AKXYZ12345678901234", secret, "true");
		assertThat(values.toString()).isEqualTo("CredentialValues[key=AKXY\u2026, secret=[hidden], paper=true]");
		assertThat(new CredentialValues("short", null, "yes please").toString())
			.isEqualTo("CredentialValues[key=[hidden], secret=null, paper=[10 chars]]");
		assertThat(CredentialValues.maskKey("\u0000\u0001\u0002\u0003rest-of-key")).isEqualTo("????\u2026");
	}

	@Test
	void verificationCopiesItsCollections() {
		Verification verification = Verification.verified("ok", Instant.EPOCH, Map.of("can_view", true), null);
		assertThat(verification.warnings()).isEmpty();
		assertThat(verification.permissions()).containsEntry("can_view", true);
	}

	@Test
	void settingsDefaultAndValidate() {
		VerifierSettings defaults = new VerifierSettings(null, null);
		assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(defaults.userAgent()).isEqualTo("credential-health");
		assertThatIllegalArgumentException().isThrownBy(() -> new VerifierSettings(Duration.ZERO, null));
	}

	@Test
	void formatChecksPickByBroker() {
		FormatChecks checks = FormatChecks.defaults();
		assertThat(checks.check(Broker.GENERIC, new CredentialValues("x", "y"))).isEmpty();
		assertThat(checks.rulesFor(Broker.GENERIC)).isEmpty();
		assertThat(checks.check(Broker.KRAKEN, new CredentialValues(TestKeys.krakenKey(), "short"))).isNotEmpty();
		assertThat(checks.check(Broker.ALPACA, new CredentialValues("PKABC", "s", "maybe")))
			.extracting(FormatFinding::variableRole)
			.contains("paper");
	}

	@Test
	void aRuleThatThrowsBecomesOneErrorWithoutItsMessage() {
		FormatRules broken = new FormatRules() {
			@Override
			public Broker broker() {
				return Broker.GENERIC;
			}

			@Override
			public List<FormatFinding> check(CredentialValues values) {
				throw new IllegalStateException("boom " + values.secret());
			}
		};
		List<FormatFinding> findings = new FormatChecks(List.of(broken)).check(Broker.GENERIC,
				new CredentialValues("k", "the-secret-value"));
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.isError()).isTrue();
			assertThat(finding.message()).contains("IllegalStateException").doesNotContain("the-secret-value");
		});
	}

	@Test
	void badBaseUrlsFailFastWithoutQuotingThem() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new KrakenVerifier("http://exa mple.com/with spaces", null, null))
			.withMessage("credentials.verify.kraken.base-url is not a valid URL");
		assertThatIllegalArgumentException().isThrownBy(() -> new AlpacaVerifier("ftp://example.com", null, null, null))
			.withMessage("credentials.verify.alpaca.live-base-url must be an absolute http(s) URL");
		assertThatIllegalArgumentException().isThrownBy(() -> new CoinbaseVerifier("api.coinbase.com", null, null))
			.withMessage("credentials.verify.coinbase.base-url must be an absolute http(s) URL");
		assertThat(new CoinbaseVerifier("https://api.coinbase.com/", null, null).broker()).isEqualTo(Broker.COINBASE);
	}

	@Test
	void genericHasNoVerifier() {
		BrokerVerifiers verifiers = new BrokerVerifiers(List.of(), Clock.systemUTC());
		assertThat(verifiers.verify(Broker.GENERIC, new CredentialValues("k", "s")).result())
			.isEqualTo(VerificationResult.UNVERIFIED);
	}

	@Test
	void base64ProblemsAreDescribedByPosition() {
		assertThat(ValueShape.base64Problem("QUJD")).isNull();
		assertThat(ValueShape.base64Problem("QUI=")).isNull();
		assertThat(ValueShape.base64Problem("QUI")).isNull();
		assertThat(ValueShape.base64Problem("QU=I")).contains("padding before position 4");
		assertThat(ValueShape.base64Problem("QUJD\n")).isEqualTo("contains a line break at position 5");
		assertThat(ValueShape.base64Problem("QUJ\u00e9")).contains("non-ASCII");
		assertThat(ValueShape.base64Problem("Q===")).contains("at most 2");
		assertThat(ValueShape.base64Problem("QUJDR")).contains("length of 5");
	}

	@Test
	void scrubberRedactsRunsOfTheValues() {
		CredentialValues values = new CredentialValues("AKLIVEKEY1234567890", "s3cr3tS3cr3tS3cr3tS3cr3t");
		String scrubbed = SecretScrubber.scrub("bad key AKLIVEKEY1234567890 and part S3cr3tS3cr3 of it\u0007", values,
				200);
		assertThat(scrubbed).isEqualTo("bad key [redacted] and part [redacted] of it?");
		assertThat(SecretScrubber.scrub("x".repeat(500), values, 10)).isEqualTo("xxxxxxxxxx\u2026");
	}

	@Test
	void onlyHeaderFreeLoggingIsSafe() {
		assertThat(VerifierHttp.unsafeLoggingReason((name) -> null)).isNull();
		assertThat(VerifierHttp.unsafeLoggingReason(
				(name) -> name.equals("jdk.httpclient.HttpClient.log") ? "errors, requests,SSL" : null))
			.isNull();
		assertThat(VerifierHttp.unsafeLoggingReason(
				(name) -> name.equals("jdk.httpclient.HttpClient.log") ? "errors,headers" : null))
			.contains("'headers'");
		assertThat(VerifierHttp.unsafeLoggingReason(
				(name) -> name.equals("jdk.httpclient.HttpClient.log") ? "frames:all" : null))
			.isNotNull();
		assertThat(VerifierHttp.unsafeLoggingReason(
				(name) -> name.equals("jdk.internal.httpclient.debug") ? "true" : null))
			.contains("jdk.internal.httpclient.debug");
	}

}
