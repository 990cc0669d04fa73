package io.credentialhealth.broker.verify;

import java.time.Duration;
import java.time.Instant;

import io.credentialhealth.broker.Verification;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyPolicyTest {

	private static final Instant NOW = Instant.parse("2026-01-16T20:45:00Z");

	private final VerifyPolicy policy = new VerifyPolicy(Duration.ofHours(1), Duration.ofMinutes(6), Duration.ofHours(6),
			(bound) -> bound - 1);

	private final VerifyPolicy noJitter = new VerifyPolicy(Duration.ofHours(1), Duration.ZERO, Duration.ofHours(6),
			(bound) -> {
				throw new AssertionError("no jitter, no random number");
			});

	@Test
	void verifiedWaitsTheIntervalPlusJitter() {
		assertThat(this.policy.nextDelay(Verification.verified("ok", NOW, null, null), 0))
			.isEqualTo(Duration.ofMinutes(66));
		VerifyPolicy random = new VerifyPolicy(Duration.ofHours(1), Duration.ofMinutes(6), Duration.ofHours(6),
				(bound) -> java.util.concurrent.ThreadLocalRandom.current().nextLong(bound));
		for (int i = 0; i < 100; i++) {
			assertThat(random.nextDelay(Verification.verified("ok", NOW, null, null), 0))
				.isBetween(Duration.ofHours(1), Duration.ofMinutes(66));
		}
	}

	@Test
	void repeatedInconclusiveAnswersBackOffUpToTheMaximum() {
		assertThat(this.noJitter.nextDelay(Verification.unreachable("down", NOW, null), 1)).isEqualTo(Duration.ofHours(1));
		assertThat(this.noJitter.nextDelay(Verification.unreachable("down", NOW, null), 2)).isEqualTo(Duration.ofHours(2));
		assertThat(this.noJitter.nextDelay(Verification.unverified("odd", NOW, null), 3)).isEqualTo(Duration.ofHours(4));
		assertThat(this.noJitter.nextDelay(Verification.unverified("odd", NOW, null), 4)).isEqualTo(Duration.ofHours(6));
		assertThat(this.noJitter.nextDelay(Verification.unverified("odd", NOW, null), 400)).isEqualTo(Duration.ofHours(6));
		assertThat(this.noJitter.nextDelay(Verification.rejected("no", NOW, null), 2)).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void retryAfterIsAMinimum() {
		VerifyPolicy fast = new VerifyPolicy(Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(4), (bound) -> 0);
		assertThat(fast.nextDelay(Verification.unverified("nonce", NOW, Duration.ofMinutes(15)), 1))
			.isEqualTo(Duration.ofMinutes(15));
		assertThat(fast.nextDelay(Verification.rejected("invalid key", NOW, Duration.ofHours(1)), 9))
			.isEqualTo(Duration.ofHours(1));
		assertThat(this.noJitter.nextDelay(Verification.unverified("429", NOW, Duration.ofMinutes(5)), 1))
			.isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aMaximumBelowTheIntervalNeverShortensIt() {
		VerifyPolicy odd = new VerifyPolicy(Duration.ofHours(1), Duration.ZERO, Duration.ofMinutes(1), (bound) -> 0);
		assertThat(odd.nextDelay(Verification.unreachable("down", NOW, null), 5)).isEqualTo(Duration.ofHours(1));
	}

}
