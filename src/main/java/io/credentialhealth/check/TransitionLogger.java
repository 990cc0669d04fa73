package io.credentialhealth.check;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;

/**
 * Logs exactly one WARN line per transition, in the form operators grep for, e.g.
 * {@code CREDENTIAL LOST: KRAKEN_USER_TANIA_API_KEY (kraken-user-tania, Tania Gilbert) was valid, now missing; last seen valid 2026-01-16T20:45:00Z in deployment 7f3c2a1, elapsed 300s}.
 */
public class TransitionLogger {

	private static final Log logger = LogFactory.getLog(TransitionLogger.class);

	@EventListener
	public void log(CredentialTransition transition) {
		logger.warn(format(transition));
	}

	/** The line as logged; notifications reuse it so chat and logs read the same. */
	public static String format(CredentialTransition t) {
		String subject = ((t.variable() != null) ? t.variable() : t.account()) + " (" + t.account() + ", " + t.owner() + ")";
		String what = switch (t.transition()) {
			case LOST -> "was valid, " + t.detail();
			case INVALID -> "was valid, " + t.detail();
			case RESTORED -> "is valid again";
			case ROTATED -> "has a new value (" + t.detail() + ")";
			case REJECTED -> "was refused by the broker: " + t.detail();
		};
		String lastSeen = (t.lastSeenValid() != null)
				? "last seen valid " + t.lastSeenValid() + " in deployment " + t.lastDeployment()
				: "never seen valid before";
		return "CREDENTIAL " + t.transition().name() + ": " + subject + " " + what + "; " + lastSeen + ", elapsed "
				+ t.elapsed().toSeconds() + "s";
	}

}
