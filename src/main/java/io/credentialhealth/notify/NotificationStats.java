package io.credentialhealth.notify;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What became of each notification, published as {@code credentials_notifications_total{result}}
 * with result {@code sent}, {@code failed} (gave up after the last attempt, or the receiver refused
 * it) or {@code dropped} (queue full, or still queued at shutdown).
 */
public class NotificationStats implements MeterBinder {

	/** Meter name; Prometheus shows it as {@code credentials_notifications_total}. */
	public static final String METER = "credentials.notifications";

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicLong dropped = new AtomicLong();

	private final AtomicLong retries = new AtomicLong();

	public long sent() {
		return this.sent.get();
	}

	public long failed() {
		return this.failed.get();
	}

	public long dropped() {
		return this.dropped.get();
	}

	/** Attempts beyond the first, over all notifications. */
	public long retries() {
		return this.retries.get();
	}

	void recordSent() {
		this.sent.incrementAndGet();
	}

	void recordFailed() {
		this.failed.incrementAndGet();
	}

	void recordDropped(long count) {
		this.dropped.addAndGet(count);
	}

	void recordRetries(long count) {
		this.retries.addAndGet(count);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		counter(registry, "sent", this.sent);
		counter(registry, "failed", this.failed);
		counter(registry, "dropped", this.dropped);
	}

	private void counter(MeterRegistry registry, String result, AtomicLong count) {
		// This bean holds the counts strongly; FunctionCounter only keeps a weak reference.
		FunctionCounter.builder(METER, count, AtomicLong::doubleValue)
			.tag("result", result)
			.description("Webhook notifications by result: sent (accepted), failed (given up or refused), "
					+ "dropped (queue full or shutdown)")
			.register(registry);
	}

	@Override
	public String toString() {
		return "sent=" + sent() + ", failed=" + failed() + ", dropped=" + dropped() + ", retries=" + retries();
	}

}
