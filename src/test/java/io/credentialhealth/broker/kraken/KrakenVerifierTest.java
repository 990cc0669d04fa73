package io.credentialhealth.broker.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.credentialhealth.broker.CredentialValues;
import io.credentialhealth.broker.Verification;
import io.credentialhealth.broker.VerificationResult;
import io.credentialhealth.broker.VerifierSettings;
import io.credentialhealth.broker.support.StubServer;
import io.credentialhealth.broker.support.StubServer.Response;
import io.credentialhealth.broker.support.TestKeys;

class KrakenVerifierTest {

	/** Generous, so that a cold JVM never turns a normal answer into a timeout. */
	private static final VerifierSettings NORMAL = new VerifierSettings(Duration.ofSeconds(2), Duration.ofSeconds(5));

	/** For the tests that wait for a timeout. */
	private static final VerifierSettings FAST = new VerifierSettings(Duration.ofMillis(500), Duration.ofMillis(700));

	private final KrakenStub kraken = new KrakenStub();

	private final StubServer server = new StubServer(this.kraken::handle);

	private final String key = TestKeys.krakenKey();

	private final String secret = TestKeys.krakenSecret();

	private final KrakenVerifier verifier = new KrakenVerifier(this.server.baseUrl(), NORMAL, Clock.systemUTC());

	@AfterEach
	void stop() {
		this.server.close();
		assertThat(this.server.failures()).as("requests Kraken would have refused as malformed").isEmpty();
	}

	private Verification verify() {
		return this.verifier.verify(new CredentialValues(this.key, this.secret));
	}

	@Test
	void validKeyIsVerified() {
		this.kraken.addKey(this.key, this.secret, true);
		Verification verification = verify();
		assertThat(verification.result()).isEqualTo(VerificationResult.VERIFIED);
		assertThat(verification.permissions()).containsEntry("query_funds", true);
		assertThat(verification.warnings()).isEmpty();
		assertThat(verification.retryAfter()).isNull();
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void unknownKeyIsRejected() {
		Verification verification = verify();
		assertThat(verification.result()).isEqualTo(VerificationResult.REJECTED);
		assertThat(verification.reason())
			.startsWith("Kraken refused the key: EAPI:Invalid key. It was probably rotated or revoked.");
		assertThat(verification.retryAfter()).isGreaterThanOrEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void secretOfAnotherKeyIsRejectedAsInvalidSignature() {
		this.kraken.addKey(this.key, TestKeys.krakenSecret(), true);
		Verification verification = verify();
		assertThat(verification.result()).isEqualTo(VerificationResult.REJECTED);
		assertThat(verification.reason()).contains("EAPI:Invalid signature");
	}

	@Test
	void keyWithoutQueryFundsIsVerifiedWithAWarning() {
		this.kraken.addKey(this.key, this.secret, false);
		Verification verification = verify();
		assertThat(verification.result()).isEqualTo(VerificationResult.VERIFIED);
		assertThat(verification.permissions()).containsEntry("query_funds", false);
		assertThat(verification.warnings()).singleElement().asString().contains("Query Funds");
	}

	@Test
	void nonceBehindTheBotsIsUnverifiedWithALongBackOff() {
		this.kraken.addKey(this.key, this.secret, true);
		this.kraken.nonceUsedElsewhere(this.key, System.currentTimeMillis() + 60_000);
		Verification verification = verify();
		assertThat(verification.result()).isEqualTo(VerificationResult.UNVERIFIED);
		assertThat(verification.reason()).contains("EAPI:Invalid nonce").contains("nonce window");
		assertThat(verification.retryAfter()).isGreaterThanOrEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void noncesAreMillisecondsAndStrictlyIncreasingEvenWhenTheClockStands() {
		this.kraken.addKey(this.key, this.secret, true);
		long now = System.currentTimeMillis();
		KrakenVerifier frozen = new KrakenVerifier(this.server.baseUrl(), NORMAL, Clock.systemUTC(), () -> now);
		List<VerificationResult> results = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			results.add(frozen.verify(new CredentialValues(this.key, this.secret)).result());
		}
		assertThat(results).containsOnly(VerificationResult.VERIFIED);
		assertThat(this.kraken.lastNonce(this.key)).isEqualTo(now + 2);
	}

	@Test
	void rateLimitAndLockoutAreUnverifiedWithBackOff() {
		this.server.handler((request) -> KrakenStub.error("EAPI:Rate limit exceeded"));
		Verification rateLimited = verify();
		assertThat(rateLimited.result()).isEqualTo(VerificationResult.UNVERIFIED);
		assertThat(rateLimited.reason()).contains("EAPI:Rate limit exceeded");
		assertThat(rateLimited.retryAfter()).isGreaterThanOrEqualTo(Duration.ofMinutes(15));

		this.server.handler((request) -> KrakenStub.error("EGeneral:Temporary lockout"));
		Verification locked = verify();
		assertThat(locked.result()).isEqualTo(VerificationResult.UNVERIFIED);
		assertThat(locked.reason()).contains("EGeneral:Temporary lockout");
		assertThat(locked.retryAfter()).isGreaterThanOrEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void serviceErrorsAndServerErrorsAreUnreachable() {
		this.server.handler((request) -> KrakenStub.error("EService:Unavailable"));
		assertThat(verify().result()).isEqualTo(VerificationResult.UNREACHABLE);
		this.server.handler((request) -> Response.text(502, "<html>Bad gateway</html>"));
		Verification verification = verify();
		assertThat(verification.result()).isEqualTo(VerificationResult.UNREACHABLE);
		assertThat(verification.reason()).contains("HTTP 502");
	}

	@Test
	void garbageAndUnknownErrorsAreUnverified() {
		this.server.handler((request) -> Response.text(200, "<html>maintenance</html>"));
		assertThat(verify().result()).isEqualTo(VerificationResult.UNVERIFIED);
		this.server.handler((request) -> Response.json(200, "{\"error\":[]}"));
		assertThat(verify().result()).isEqualTo(VerificationResult.UNVERIFIED);
		this.server.handler((request) -> KrakenStub.error("EGeneral:Something new"));
		Verification verification = verify();
		assertThat(verification.result()).isEqualTo(VerificationResult.UNVERIFIED);
		assertThat(verification.reason()).contains("EGeneral:Something new");
	}

	@Test
	void badSecretIsNotSentToKraken() {
		Verification verification = this.verifier.verify(new CredentialValues(this.key, "c2hvcnQ="));
		assertThat(verification.result()).isEqualTo(VerificationResult.UNVERIFIED);
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void keyWithALineBreakIsNotSent() {
		Verification verification = this.verifier.verify(new CredentialValues("ab\ncd", this.secret));
		assertThat(verification.result()).isEqualTo(VerificationResult.UNVERIFIED);
		assertThat(verification.reason()).contains("HTTP header");
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void hangingServerIsUnreachableWithinTheTimeout() {
		this.server.handler((request) -> Response.hang(10_000));
		KrakenVerifier impatient = new KrakenVerifier(this.server.baseUrl(), FAST, Clock.systemUTC());
		long start = System.nanoTime();
		Verification verification = impatient.verify(new CredentialValues(this.key, this.secret));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(verification.result()).isEqualTo(VerificationResult.UNREACHABLE);
		assertThat(verification.reason()).containsPattern("no (complete )?answer within (0.7|1.2) s");
		assertThat(took).isLessThan(Duration.ofMillis(1_200 + 1_000));
	}

	@Test
	void serverStallingMidBodyIsCutOffAtTheDeadline() {
		this.server.handler((request) -> Response.stallMidBody(10_000));
		KrakenVerifier impatient = new KrakenVerifier(this.server.baseUrl(), FAST, Clock.systemUTC());
		long start = System.nanoTime();
		Verification verification = impatient.verify(new CredentialValues(this.key, this.secret));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(verification.result()).isEqualTo(VerificationResult.UNREACHABLE);
		assertThat(verification.reason()).contains("no complete answer within 1.2 s");
		assertThat(took).isLessThan(Duration.ofMillis(1_200 + 1_000));
	}

	@Test
	void closedPortIsUnreachable() {
		int port = this.server.port();
		this.server.close();
		KrakenVerifier verifier = new KrakenVerifier("http://127.0.0.1:" + port, NORMAL, Clock.systemUTC());
		Verification verification = verifier.verify(new CredentialValues(this.key, this.secret));
		assertThat(verification.result()).isEqualTo(VerificationResult.UNREACHABLE);
		assertThat(verification.reason()).contains("connection was refused");
	}

	@Test
	void verifiedAtComesFromTheClock() {
		Instant fixed = Instant.parse("2026-03-01T12:00:00Z");
		this.kraken.addKey(this.key, this.secret, true);
		KrakenVerifier verifier = new KrakenVerifier(this.server.baseUrl(), NORMAL,
				Clock.fixed(fixed, ZoneOffset.UTC), System::currentTimeMillis);
		assertThat(verifier.verify(new CredentialValues(this.key, this.secret)).verifiedAt()).isEqualTo(fixed);
	}

}
