package io.credentialhealth.check;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the first check while the application starts, before the web server opens its port, so no
 * account is ever UNKNOWN; then again every {@code credentials.check-interval}.
 */
public class CheckScheduler implements SmartLifecycle {

	/** Before the web server's lifecycle phase, which starts serving requests. */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final CredentialChecker checker;

	private volatile boolean running;

	public CheckScheduler(CredentialChecker checker) {
		this.checker = checker;
	}

	@Override
	public void start() {
		this.checker.check();
		this.running = true;
	}

	@Scheduled(fixedDelayString = "${credentials.check-interval:5m}", initialDelayString = "${credentials.check-interval:5m}")
	public void checkPeriodically() {
		if (this.running) {
			this.checker.check();
		}
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
