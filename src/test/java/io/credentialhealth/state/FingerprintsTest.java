package io.credentialhealth.state;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Fingerprints reuse the keyed digest states: every value must still get exactly the HMAC a fresh Mac computes. */
class FingerprintsTest {

	/** Base64 of "0123456789abcdef0123456789abcdef". */
	static final String SALT = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	/** First 16 hex characters of HMAC-SHA256, computed with openssl dgst -sha256 -mac HMAC. */
	static final String CANARY_FINGERPRINT = "96befe63e34d5c98";

	static final String OTHER_FINGERPRINT = "bdd7d72406c90148";

	@Test
	void matchesTheHmacOfOpenssl() {
		Fingerprints fingerprints = new Fingerprints(SALT);

		assertThat(fingerprints.of("canary-value")).isEqualTo(CANARY_FINGERPRINT);
		assertThat(fingerprints.of("other")).isEqualTo(OTHER_FINGERPRINT);
		assertThat(fingerprints.of("canary-value")).as("the Mac is reset between values").isEqualTo(CANARY_FINGERPRINT);
	}

	@Test
	void equalsTheHmacOfJavaxCryptoForAnyKeyAndValue() throws Exception {
		java.util.Random random = new java.util.Random(42);
		for (int keyLength : new int[] { 1, 32, 63, 64, 65, 200 }) {
			byte[] key = new byte[keyLength];
			random.nextBytes(key);
			String salt = java.util.Base64.getEncoder().encodeToString(key);
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
			Fingerprints fingerprints = new Fingerprints(salt);
			for (int valueLength : new int[] { 0, 1, 55, 56, 64, 119, 1000 }) {
				StringBuilder value = new StringBuilder();
				for (int i = 0; i < valueLength; i++) {
					value.append((char) (' ' + random.nextInt(200)));
				}
				byte[] expected = mac.doFinal(value.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
				assertThat(fingerprints.of(value.toString()))
					.as("key %d bytes, value %d characters", keyLength, valueLength)
					.isEqualTo(java.util.HexFormat.of().formatHex(expected, 0, 8));
			}
		}
	}

	@Test
	void anotherSaltGivesAnotherFingerprint() {
		assertThat(new Fingerprints(StoredState.fresh().salt()).of("canary-value")).isNotEqualTo(CANARY_FINGERPRINT)
			.hasSize(16);
	}

	@Test
	void concurrentCallersGetTheirOwnFingerprint() throws Exception {
		Fingerprints fingerprints = new Fingerprints(SALT);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < 2000; i++) {
				boolean canary = (i % 2 == 0);
				results.add(pool.submit(() -> fingerprints.of(canary ? "canary-value" : "other")
					.equals(canary ? CANARY_FINGERPRINT : OTHER_FINGERPRINT)));
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
