package io.credentialhealth.broker.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.credentialhealth.broker.CredentialValues;
import io.credentialhealth.broker.Verification;
import io.credentialhealth.broker.VerificationResult;
import io.credentialhealth.broker.VerifierSettings;
import io.credentialhealth.broker.support.StubServer;
import io.credentialhealth.broker.support.StubServer.Request;
import io.credentialhealth.broker.support.StubServer.Response;
import io.credentialhealth.broker.support.TestKeys;

class AlpacaVerifierTest {

	/** Generous, so that a cold JVM never turns a normal answer into a timeout. */
	private static final VerifierSettings NORMAL = new VerifierSettings(Duration.ofSeconds(2), Duration.ofSeconds(5));

	/** For the tests that wait for a timeout. */
	private static final VerifierSettings FAST = new VerifierSettings(Duration.ofMillis(500), Duration.ofMillis(700));

	static final String ACCOUNT = """
			{"id":"e6fe16f3-64a4-4921-8928-cadf02f92f98","account_number":"010203ABCD","status":"ACTIVE",
			 "currency":"USD","cash":"1000.00","trading_blocked":false,"transfers_blocked":false,
			 "account_blocked":false,"trade_suspended_by_user":false,"pattern_day_trader":false}""";

	private final String paperKey = TestKeys.alpacaKey("PK");

	private final String paperSecret = TestKeys.alpacaSecret();

	private final String liveKey = TestKeys.alpacaKey("AK");

	private final String liveSecret = TestKeys.alpacaSecret();

	private final StubServer paper = new StubServer((request) -> answer(request, Map.of(this.paperKey, this.paperSecret)));

	private final StubServer live = new StubServer((request) -> answer(request, Map.of(this.liveKey, this.liveSecret)));

	private final AlpacaVerifier verifier = new AlpacaVerifier(this.live.baseUrl(), this.paper.baseUrl(), NORMAL,
			Clock.systemUTC());

	/** Plays Alpaca: GET /v2/account with both headers; each environment knows only its own keys. */
	static Response answer(Request request, Map<String, String> keys) {
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.path()).isEqualTo("/v2/account");
		assertThat(request.body()).isEmpty();
		String key = request.header("APCA-API-KEY-ID");
		String secret = request.header("APCA-API-SECRET-KEY");
		if (key == null || secret == null || !secret.equals(keys.get(key))) {
			return Response.json(401, "{\"code\":40110000,\"message\":\"request is not authorized\"}");
		}
		return Response.json(200, ACCOUNT);
	}

	@AfterEach
	void stop() {
		this.paper.close();
		this.live.close();
		assertThat(this.paper.failures()).isEmpty();
		assertThat(this.live.failures()).isEmpty();
	}

	@Test
	void paperKeyIsVerifiedOnThePaperEndpoint() {
		Verification verification = this.verifier.verify(new CredentialValues(this.paperKey, this.paperSecret, "true"));
		assertThat(verification.result()).isEqualTo(VerificationResult.VERIFIED);
		assertThat(verification.reason()).contains("paper endpoint");
		assertThat(verification.permissions()).containsEntry("can_trade", true).containsEntry("can_transfer", true);
		assertThat(verification.warnings()).isEmpty();
		assertThat(this.paper.requests()).hasSize(1);
		assertThat(this.live.requests()).isEmpty();
	}

	@Test
	void liveKeyIsVerifiedOnTheLiveEndpoint() {
		Verification verification = this.verifier.verify(new CredentialValues(this.liveKey, this.liveSecret, "false"));
		assertThat(verification.result()).isEqualTo(VerificationResult.VERIFIED);
		assertThat(this.live.requests()).hasSize(1);
		assertThat(this.paper.requests()).isEmpty();
	}

	@Test
	void withoutAPaperFlagTheKeyPrefixChooses() {
		assertThat(this.verifier.verify(new CredentialValues(this.paperKey, this.paperSecret)).result())
			.isEqualTo(VerificationResult.VERIFIED);
		assertThat(this.verifier.verify(new CredentialValues(this.liveKey, this.liveSecret)).result())
			.isEqualTo(VerificationResult.VERIFIED);
		assertThat(this.paper.requests()).hasSize(1);
		assertThat(this.live.requests()).hasSize(1);
	}

	@Test
	void wrongSecretIsRejected() {
		Verification verification = this.verifier
			.verify(new CredentialValues(this.liveKey, TestKeys.alpacaSecret(), "false"));
		assertThat(verification.result()).isEqualTo(VerificationResult.REJECTED);
		assertThat(verification.reason()).contains("HTTP 401").contains("request is not authorized")
			.contains("regenerated or deleted");
	}

	@Test
	void paperKeySentToLiveIsRejectedWithAHintAboutTheFlag() {
		Verification verification = this.verifier.verify(new CredentialValues(this.paperKey, this.paperSecret, "false"));
		assertThat(verification.result()).isEqualTo(VerificationResult.REJECTED);
		assertThat(verification.reason()).contains("live endpoint").contains("fix the paper flag");
	}

	@Test
	void forbiddenIsRejected() {
		this.live.handler((request) -> Response.json(403, "{\"message\":\"forbidden\"}"));
		assertThat(this.verifier.verify(new CredentialValues(this.liveKey, this.liveSecret, "false")).result())
			.isEqualTo(VerificationResult.REJECTED);
	}

	@Test
	void blockedAccountIsVerifiedWithWarnings() {
		this.live.handler((request) -> Response.json(200,
				"{\"status\":\"ACCOUNT_UPDATED\",\"trading_blocked\":true,\"transfers_blocked\":false,\"account_blocked\":true}"));
		Verification verification = this.verifier.verify(new CredentialValues(this.liveKey, this.liveSecret, "false"));
		assertThat(verification.result()).isEqualTo(VerificationResult.VERIFIED);
		assertThat(verification.permissions()).containsEntry("can_trade", false);
		assertThat(verification.warnings()).hasSize(3);
	}

	@Test
	void rateLimitHonoursRetryAfter() {
		this.live.handler((request) -> Response.json(429, "{\"message\":\"too many requests\"}",
				Map.of("Retry-After", "900")));
		Verification verification = this.verifier.verify(new CredentialValues(this.liveKey, this.liveSecret, "false"));
		assertThat(verification.result()).isEqualTo(VerificationResult.UNVERIFIED);
		assertThat(verification.retryAfter()).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void serverErrorIsUnreachableAndGarbageIsUnverified() {
		this.live.handler((request) -> Response.text(503, "down"));
		assertThat(this.verifier.verify(new CredentialValues(this.liveKey, this.liveSecret, "false")).result())
			.isEqualTo(VerificationResult.UNREACHABLE);
		this.live.handler((request) -> Response.text(200, "<html>captive portal</html>"));
		assertThat(this.verifier.verify(new CredentialValues(this.liveKey, this.liveSecret, "false")).result())
			.isEqualTo(VerificationResult.UNVERIFIED);
	}

	@Test
	void invalidPaperFlagSendsNothing() {
		Verification verification = this.verifier.verify(new CredentialValues(this.paperKey, this.paperSecret, "yes"));
		assertThat(verification.result()).isEqualTo(VerificationResult.UNVERIFIED);
		assertThat(this.paper.requests()).isEmpty();
		assertThat(this.live.requests()).isEmpty();
	}

	@Test
	void hangingServerIsUnreachableWithinTheTimeout() {
		this.paper.handler((request) -> Response.hang(10_000));
		AlpacaVerifier impatient = new AlpacaVerifier(this.live.baseUrl(), this.paper.baseUrl(), FAST,
				Clock.systemUTC());
		long start = System.nanoTime();
		Verification verification = impatient.verify(new CredentialValues(this.paperKey, this.paperSecret, "true"));
		assertThat(verification.result()).isEqualTo(VerificationResult.UNREACHABLE);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_200 + 1_000));
	}

}
