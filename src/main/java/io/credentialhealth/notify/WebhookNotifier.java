package io.credentialhealth.notify;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.credentialhealth.check.CredentialTransition;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;

/**
 * Sends one webhook notification per {@link CredentialTransition}. The listener only enqueues:
 * checks publish transitions while they hold their lock, so delivery runs on one daemon thread of
 * its own behind a bounded queue; a full queue drops and counts. An outage is logged once (WARN)
 * and its end once (INFO), whatever the number of notifications in between.
 */
public class WebhookNotifier implements DisposableBean {

	private static final Log logger = LogFactory.getLog(WebhookNotifier.class);

	private final WebhookAddress address;

	private final NotificationPayloads payloads;

	private final WebhookDelivery delivery;

	private final NotificationStats stats;

	private final Duration shutdownGrace;

	private final ThreadPoolExecutor executor;

	/** Only the delivery thread changes these two. */
	private final AtomicBoolean failing = new AtomicBoolean();

	private long failedInOutage;

	private final AtomicBoolean dropping = new AtomicBoolean();

	public WebhookNotifier(NotifyProperties properties, NotificationPayloads payloads, NotificationStats stats) {
		this.address = WebhookAddress.parse(properties.webhookUrl());
		this.payloads = payloads;
		this.stats = stats;
		this.delivery = new WebhookDelivery(this.address, properties.timeout(), properties.maxAttempts(),
				properties.initialBackoff());
		this.shutdownGrace = properties.timeout();
		this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(properties.queueCapacity()), (task) -> {
					Thread thread = new Thread(task, "credential-notify");
					thread.setDaemon(true);
					return thread;
				});
		logger.info("Notifications on: " + payloads.format().name().toLowerCase(Locale.ROOT) + " webhook " + this.address
				+ " (timeout " + properties.timeout().toMillis() + "ms, " + properties.maxAttempts()
				+ " attempts, back-off from " + properties.initialBackoff().toMillis() + "ms)");
	}

	/** Enqueues and returns at once; never blocks, never throws into the check. */
	@EventListener
	public void onTransition(CredentialTransition transition) {
		try {
			this.executor.execute(() -> deliver(transition));
			this.dropping.set(false);
		}
		catch (RejectedExecutionException ex) {
			this.stats.recordDropped(1);
			if (this.dropping.compareAndSet(false, true)) {
				logger.warn("Notification queue full or closed: dropping notifications for " + this.address
						+ " until it drains (counted as credentials_notifications_total{result=\"dropped\"})");
			}
		}
	}

	public NotificationStats stats() {
		return this.stats;
	}

	/** Notifications waiting, not counting the one being delivered. */
	int queued() {
		return this.executor.getQueue().size();
	}

	private void deliver(CredentialTransition transition) {
		String what = "CREDENTIAL " + transition.transition().name() + " "
				+ ((transition.variable() != null) ? transition.variable() : transition.account());
		WebhookDelivery.Outcome outcome;
		try {
			outcome = this.delivery.deliver(this.payloads.body(transition));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.stats.recordDropped(1);
			return;
		}
		catch (RuntimeException ex) {
			// Not the message: keep whatever an exception might echo out of the log.
			outcome = new WebhookDelivery.Outcome(false, 0, "could not build the payload (" + ex.getClass().getName() + ")");
		}
		this.stats.recordRetries(Math.max(0, outcome.attempts() - 1));
		if (outcome.delivered()) {
			this.stats.recordSent();
			if (this.failing.compareAndSet(true, false)) {
				logger.info("Notifications: webhook delivering again (" + this.address + "); " + this.failedInOutage
						+ " notification(s) failed during the outage");
				this.failedInOutage = 0;
			}
			else if (logger.isDebugEnabled()) {
				logger.debug("Notification sent to " + this.address + ": " + what + " (attempt " + outcome.attempts() + ")");
			}
			return;
		}
		this.stats.recordFailed();
		this.failedInOutage++;
		if (this.failing.compareAndSet(false, true)) {
			logger.warn("Notifications: webhook " + this.address + " failed: " + outcome.problem() + " after "
					+ outcome.attempts() + " attempt(s); the notification for " + what
					+ " is lost. Further failures are counted (credentials_notifications_total{result=\"failed\"}) "
					+ "and not logged until it delivers again");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Notification to " + this.address + " failed: " + what + ": " + outcome.problem());
		}
	}

	/** Gives queued notifications a short grace (one timeout), then counts the rest as dropped. */
	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdown();
		try {
			if (this.executor.awaitTermination(this.shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
				return;
			}
		}
		finally {
			List<Runnable> pending = this.executor.shutdownNow();
			// The delivery in flight sees the interrupt and counts itself as dropped.
			this.executor.awaitTermination(1, TimeUnit.SECONDS);
			if (!pending.isEmpty()) {
				this.stats.recordDropped(pending.size());
				logger.warn("Notifications: " + pending.size() + " queued notification(s) not sent before shutdown");
			}
		}
	}

}
