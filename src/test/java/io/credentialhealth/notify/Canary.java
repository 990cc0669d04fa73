package io.credentialhealth.notify;

import static org.assertj.core.api.Assertions.fail;

/** Searches an output for any 8-character piece of a planted secret. */
final class Canary {

	static final int PIECE = 8;

	private Canary() {
	}

	static void assertNoPieceOf(String output, String... secrets) {
		for (String secret : secrets) {
			for (int i = 0; i + PIECE <= secret.length(); i++) {
				String piece = secret.substring(i, i + PIECE);
				int at = output.indexOf(piece);
				if (at >= 0) {
					// Say where, never the piece itself: the report must not leak either.
					fail("A piece of a planted secret (characters " + i + ".." + (i + PIECE) + ") appears at offset " + at
							+ " of an output of " + output.length() + " characters");
				}
			}
		}
	}

}
