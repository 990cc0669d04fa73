package io.credentialhealth.broker.verify;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongUnaryOperator;

import io.credentialhealth.broker.Verification;
import io.credentialhealth.broker.VerificationResult;

/**
 * When an account is verified next. After a VERIFIED answer: the interval plus jitter. After
 * {@code n} answers in a row that were not VERIFIED (REJECTED, UNVERIFIED, UNREACHABLE): the interval
 * doubled {@code n - 1} times, capped at the maximum back-off, plus jitter. Never sooner than the
 * answer's own {@link Verification#retryAfter()}, and never sooner than the interval: a broker that
 * fails is asked less often, not more (Kraken locks keys after repeated failed calls).
 */
final class VerifyPolicy {

	private final Duration interval;

	private final Duration jitter;

	private final Duration maxBackoff;

	/** Given a bound n > 0, a random number in [0, n). */
	private final LongUnaryOperator random;

	VerifyPolicy(Duration interval, Duration jitter, Duration maxBackoff, LongUnaryOperator random) {
		this.interval = Objects.requireNonNull(interval);
		this.jitter = (jitter != null) ? jitter : Duration.ZERO;
		this.maxBackoff = (maxBackoff != null && maxBackoff.compareTo(interval) > 0) ? maxBackoff : interval;
		this.random = random;
	}

	static VerifyPolicy of(VerifyProperties properties) {
		return new VerifyPolicy(properties.interval(), properties.jitter(), properties.maxBackoff(),
				(bound) -> java.util.concurrent.ThreadLocalRandom.current().nextLong(bound));
	}

	Duration interval() {
		return this.interval;
	}

	Duration jitter() {
		return this.jitter;
	}

	/**
	 * @param verification the answer just received
	 * @param strikes how many answers in a row, this one included, were not VERIFIED
	 */
	Duration nextDelay(Verification verification, int strikes) {
		Duration base = (verification.result() == VerificationResult.VERIFIED) ? this.interval : backoff(strikes);
		Duration delay = base.plus(jitterSample());
		Duration retryAfter = verification.retryAfter();
		return (retryAfter != null && retryAfter.compareTo(delay) > 0) ? retryAfter : delay;
	}

	/** The interval doubled for every strike after the first, capped at the maximum back-off. */
	Duration backoff(int strikes) {
		Duration wait = this.interval;
		for (int i = 1; i < strikes && wait.compareTo(this.maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
	}

	private Duration jitterSample() {
		long bound = this.jitter.toMillis();
		return (bound > 0) ? Duration.ofMillis(this.random.applyAsLong(bound + 1)) : Duration.ZERO;
	}

}
