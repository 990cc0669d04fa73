package io.credentialhealth.notify;

import java.time.Instant;

import io.credentialhealth.check.CredentialTransition;
import io.credentialhealth.check.Transition;
import io.credentialhealth.platform.Platform;
import io.credentialhealth.platform.PlatformInfo;

/** Sample events and platform for the notify tests. */
final class Transitions {

	static final Instant LAST_SEEN = Instant.parse("2026-01-16T20:45:00Z");

	static final Instant NOW = Instant.parse("2026-01-16T20:50:00Z");

	static final PlatformInfo RAILWAY = new PlatformInfo(Platform.RAILWAY, "production", "bot-credentials",
			"9b1d0e4c-5a6f-4d3b-8e2a-1c0f9e8d7b6a", "replica-1", "9b1d0e4", "proj-1");

	private Transitions() {
	}

	static CredentialTransition lost() {
		return of(Transition.LOST, "now missing");
	}

	static CredentialTransition of(Transition transition, String detail) {
		return new CredentialTransition(transition, "kraken-user-tania", "Tania Gilbert", "kraken",
				"KRAKEN_USER_TANIA_API_KEY", NOW, LAST_SEEN, "7f3c2a1", detail, "9b1d0e4");
	}

}
