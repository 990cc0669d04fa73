package io.credentialhealth.broker.coinbase;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.credentialhealth.broker.CredentialValues;
import io.credentialhealth.broker.Verification;
import io.credentialhealth.broker.VerificationResult;
import io.credentialhealth.broker.VerifierSettings;
import io.credentialhealth.broker.support.StubServer;
import io.credentialhealth.broker.support.StubServer.Response;
import io.credentialhealth.broker.support.TestKeys;

class CoinbaseVerifierTest {

	/** Generous, so that a cold JVM never turns a normal answer into a timeout. */
	private static final VerifierSettings NORMAL = new VerifierSettings(Duration.ofSeconds(2), Duration.ofSeconds(5));

	/** For the tests that wait for a timeout. */
	private static final VerifierSettings FAST = new VerifierSettings(Duration.ofMillis(500), Duration.ofMillis(700));

	private final StubServer server = new StubServer((request) -> Response.text(500, "not ready"));

	private final CoinbaseStub coinbase = new CoinbaseStub(this.server.port());

	private final CoinbaseVerifier verifier = new CoinbaseVerifier(this.server.baseUrl(), NORMAL, Clock.systemUTC());

	private final String keyName = TestKeys.coinbaseKeyName();

	private final KeyPair pair = TestKeys.p256();

	CoinbaseVerifierTest() {
		this.server.handler(this.coinbase::handle);
	}

	@AfterEach
	void stop() {
		this.server.close();
		assertThat(this.server.failures()).as("requests Coinbase would have refused as malformed").isEmpty();
	}

	@Test
	void ecKeyIsVerifiedWithItsPermissions() {
		this.coinbase.addKey(this.keyName, this.pair.getPublic());
		Verification verification = this.verifier.verify(new CredentialValues(this.keyName, TestKeys.sec1Pem(this.pair)));
		assertThat(verification.result()).isEqualTo(VerificationResult.VERIFIED);
		assertThat(verification.permissions()).containsExactly(Map.entry("can_view", true), Map.entry("can_trade", true),
				Map.entry("can_transfer", false));
		assertThat(verification.warnings()).isEmpty();
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void ed25519KeyIsVerified() {
		KeyPair ed = TestKeys.ed25519();
		this.coinbase.addKey(this.keyName, ed.getPublic());
		assertThat(this.verifier.verify(new CredentialValues(this.keyName, TestKeys.ed25519Secret(ed))).result())
			.isEqualTo(VerificationResult.VERIFIED);
	}

	@Test
	void literalBackslashNSecretIsNormalisedAndVerified() {
		this.coinbase.addKey(this.keyName, this.pair.getPublic());
		String secret = TestKeys.sec1Pem(this.pair).replace("\n", "\\n");
		assertThat(this.verifier.verify(new CredentialValues(this.keyName, secret)).result())
			.isEqualTo(VerificationResult.VERIFIED);
	}

	@Test
	void transferPermissionAndMissingTradeAreWarnings() {
		this.coinbase.addKey(this.keyName, this.pair.getPublic());
		this.coinbase.permissions("{\"can_view\":true,\"can_trade\":false,\"can_transfer\":true}");
		Verification verification = this.verifier.verify(new CredentialValues(this.keyName, TestKeys.pkcs8Pem(this.pair)));
		assertThat(verification.result()).isEqualTo(VerificationResult.VERIFIED);
		assertThat(verification.warnings()).hasSize(2);
	}

	@Test
	void unknownKeyIsRetriedOnceWithAFreshTokenThenRejected() {
		Verification verification = this.verifier.verify(new CredentialValues(this.keyName, TestKeys.sec1Pem(this.pair)));
		assertThat(verification.result()).isEqualTo(VerificationResult.REJECTED);
		assertThat(verification.reason()).contains("HTTP 401").contains("twice");
		assertThat(this.server.requests()).hasSize(2);
		assertThat(this.server.requests().get(0).header("Authorization"))
			.isNotEqualTo(this.server.requests().get(1).header("Authorization"));
	}

	@Test
	void secretOfAnotherKeyIsRejected() {
		this.coinbase.addKey(this.keyName, TestKeys.p256().getPublic());
		assertThat(this.verifier.verify(new CredentialValues(this.keyName, TestKeys.sec1Pem(this.pair))).result())
			.isEqualTo(VerificationResult.REJECTED);
	}

	@Test
	void oneTransient401IsForgiven() {
		this.coinbase.addKey(this.keyName, this.pair.getPublic());
		AtomicInteger calls = new AtomicInteger();
		this.server.handler((request) -> (calls.incrementAndGet() == 1) ? Response.text(401, "Unauthorized")
				: this.coinbase.handle(request));
		assertThat(this.verifier.verify(new CredentialValues(this.keyName, TestKeys.sec1Pem(this.pair))).result())
			.isEqualTo(VerificationResult.VERIFIED);
		assertThat(calls).hasValue(2);
	}

	@Test
	void a401WhileThisHostsClockIsOffIsNotARejection() {
		// The stub server stamps every answer with its own (correct) Date header.
		this.server.handler((request) -> Response.text(401, "Unauthorized"));
		CoinbaseVerifier skewed = new CoinbaseVerifier(this.server.baseUrl(), NORMAL,
				Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)));
		Verification verification = skewed.verify(new CredentialValues(this.keyName, TestKeys.sec1Pem(this.pair)));
		assertThat(verification.result()).isEqualTo(VerificationResult.UNVERIFIED);
		assertThat(verification.reason()).contains("clock");
	}

	@Test
	void forbiddenIsRejectedRateLimitIsUnverifiedServerErrorIsUnreachable() {
		CredentialValues values = new CredentialValues(this.keyName, TestKeys.sec1Pem(this.pair));
		this.server.handler((request) -> Response.json(403, "{\"error\":\"PERMISSION_DENIED\",\"message\":\"forbidden\"}"));
		assertThat(this.verifier.verify(values).result()).isEqualTo(VerificationResult.REJECTED);
		this.server.handler((request) -> Response.json(429, "{}"));
		Verification limited = this.verifier.verify(values);
		assertThat(limited.result()).isEqualTo(VerificationResult.UNVERIFIED);
		assertThat(limited.retryAfter()).isNotNull();
		this.server.handler((request) -> Response.text(500, "oops"));
		assertThat(this.verifier.verify(values).result()).isEqualTo(VerificationResult.UNREACHABLE);
		this.server.handler((request) -> Response.text(200, "<html/>"));
		assertThat(this.verifier.verify(values).result()).isEqualTo(VerificationResult.UNVERIFIED);
	}

	@Test
	void unusableSecretsAreNotSent() {
		assertThat(this.verifier.verify(new CredentialValues(this.keyName, "garbage")).result())
			.isEqualTo(VerificationResult.UNVERIFIED);
		assertThat(this.verifier.verify(new CredentialValues("a1B2c3D4e5F6g7H8", "0123456789abcdefABCDEF0123456789"))
			.reason()).contains("legacy");
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void hangingServerIsUnreachableWithinTheTimeout() {
		this.server.handler((request) -> Response.hang(10_000));
		CoinbaseVerifier impatient = new CoinbaseVerifier(this.server.baseUrl(), FAST, Clock.systemUTC());
		long start = System.nanoTime();
		Verification verification = impatient.verify(new CredentialValues(this.keyName, TestKeys.sec1Pem(this.pair)));
		assertThat(verification.result()).isEqualTo(VerificationResult.UNREACHABLE);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_200 + 1_000));
	}

}
