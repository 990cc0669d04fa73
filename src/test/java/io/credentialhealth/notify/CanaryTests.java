package io.credentialhealth.notify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The canary search itself must catch a leak, and must not leak in its report. */
class CanaryTests {

	private static final String SECRET = "s3cRetCanaryValue/9xQ+Tn5Lw2Ye8Ru0Kd==";

	@Test
	void findsAnyEightCharacterPiece() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> Canary.assertNoPieceOf("key=..." + SECRET.substring(20, 28) + "...", SECRET))
			.satisfies((error) -> Canary.assertNoPieceOf(error.getMessage(), SECRET));
	}

	@Test
	void allowsShorterPieces() {
		assertThatNoException().isThrownBy(() -> Canary.assertNoPieceOf("s3cRetC and ...Ru0Kd==", SECRET));
	}

}
