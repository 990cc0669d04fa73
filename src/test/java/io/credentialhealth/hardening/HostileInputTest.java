package io.credentialhealth.hardening;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.credentialhealth.broker.Broker;
import io.credentialhealth.broker.CredentialValues;
import io.credentialhealth.broker.FormatChecks;
import io.credentialhealth.broker.FormatFinding;
import io.credentialhealth.source.Classification;
import io.credentialhealth.source.ValueClassifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Random and adversarial values through the classifier and every broker's format rules: no
 * exception, no hang, bounded time per value, and no value echoed in a finding. Seeded, so a
 * failure can be replayed.
 */
class HostileInputTest {

	private static final long SEED = 20261203L;

	/** Generous: the slowest legitimate value (a large PEM) takes a few milliseconds. */
	private static final Duration PER_VALUE = Duration.ofMillis(750);

	private final FormatChecks formatChecks = FormatChecks.defaults();

	@Test
	void classifierAndFormatRulesSurviveHostileValues() {
		List<String> values = hostileValues(new Random(SEED));
		assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
			long slowest = 0;
			for (String value : values) {
				long started = System.nanoTime();
				Classification classification = ValueClassifier.classify(value);
				assertThat(classification).isNotNull();
				for (Broker broker : Broker.values()) {
					List<FormatFinding> findings = this.formatChecks.check(broker, new CredentialValues(value, value, value));
					for (FormatFinding finding : findings) {
						// PEM armour lines are quoted by design ("no -----END EC PRIVATE KEY----- line"): not a value.
						if (value.length() >= 8 && !value.startsWith("-----")) {
							assertThat(finding.message()).doesNotContain(value);
						}
					}
				}
				slowest = Math.max(slowest, System.nanoTime() - started);
			}
			assertThat(Duration.ofNanos(slowest)).isLessThan(PER_VALUE);
		});
	}

	static List<String> hostileValues(Random random) {
		List<String> values = new ArrayList<>(List.of("", " ", "\u0000", "\r\n", "\uFEFF", "\u202Eevil", "null", "${jndi:ldap://x}",
				"-----BEGIN EC PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----\n" + "A".repeat(100_000) + "\n-----END PRIVATE KEY-----",
				"-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----",
				"organizations/\u0430bc/apiKeys/\u0435f", // Cyrillic confusables
				"\u0420\u041A" + "A".repeat(18), // Cyrillic "PK"
				"PK" + "\uFF21".repeat(18), // full-width letters
				"a".repeat(2_000_000), "=".repeat(100_000), "%".repeat(64), "\\n".repeat(10_000),
				"x\ny\nz".repeat(5_000), "<".repeat(10_000) + ">".repeat(10_000), "your_".repeat(20) + "key",
				"true\n", "TRUE", "tru\u0435", "AK\u200B" + "A".repeat(18)));
		for (int i = 0; i < 3_000; i++) {
			int length = (random.nextInt(10) == 0) ? random.nextInt(20_000) : random.nextInt(120);
			values.add(switch (i % 4) {
				case 0 -> randomBytes(random, length);
				case 1 -> randomCodePoints(random, length);
				case 2 -> randomFrom(random, length, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");
				default -> randomFrom(random, length, " \t\r\n\"'`<>{}$_-xX*\\\u00A0\u200B");
			});
		}
		return values;
	}

	private static String randomBytes(Random random, int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	private static String randomCodePoints(Random random, int length) {
		StringBuilder builder = new StringBuilder();
		for (int i = 0; i < length; i++) {
			int codePoint = random.nextInt(0x10FFFF);
			if (Character.isValidCodePoint(codePoint) && !Character.isSurrogate((char) codePoint)) {
				builder.appendCodePoint(codePoint);
			}
		}
		return builder.toString();
	}

	private static String randomFrom(Random random, int length, String alphabet) {
		StringBuilder builder = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			builder.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return builder.toString();
	}

}
