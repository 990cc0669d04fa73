package io.credentialhealth.broker.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.credentialhealth.broker.CredentialValues;
import io.credentialhealth.broker.FormatFinding;
import io.credentialhealth.broker.Severity;
import io.credentialhealth.broker.support.TestKeys;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class KrakenFormatRulesTest {

	private final KrakenFormatRules rules = new KrakenFormatRules();

	private List<FormatFinding> check(String key, String secret) {
		return this.rules.check(new CredentialValues(key, secret));
	}

	@Test
	void goodKeyAndSecretHaveNoFindings() {
		assertThat(check(TestKeys.krakenKey(), TestKeys.krakenSecret())).isEmpty();
	}

	@Test
	void kraken_published_example_secret_is_well_formed() {
		assertThat(check(TestKeys.krakenKey(),
				"kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg=="))
			.isEmpty();
	}

	@Test
	void secretThatIsNotBase64IsAnError() {
		String secret = TestKeys.krakenSecret();
		String broken = secret.substring(0, 40) + " " + secret.substring(40);
		assertThat(check(TestKeys.krakenKey(), broken)).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.ERROR);
			assertThat(finding.variableRole()).isEqualTo("secret");
			assertThat(finding.message()).contains("not base64").contains("whitespace at position 41");
		});
	}

	@Test
	void secretOfWrongDecodedLengthIsAnError() {
		String short63 = Base64.getEncoder().encodeToString(TestKeys.random(63));
		String long65 = Base64.getEncoder().encodeToString(TestKeys.random(65));
		assertThat(check(TestKeys.krakenKey(), short63)).singleElement()
			.satisfies((finding) -> assertThat(finding.message()).contains("decodes to 63 bytes instead of 64"));
		assertThat(check(TestKeys.krakenKey(), long65)).singleElement()
			.satisfies((finding) -> assertThat(finding.isError()).isTrue());
	}

	@Test
	void urlSafeBase64IsNamed() {
		String secret = TestKeys.krakenSecret().replace('+', '-').replace('/', '_');
		if (!secret.contains("-") && !secret.contains("_")) {
			secret = "-" + secret.substring(1);
		}
		assertThat(check(TestKeys.krakenKey(), secret)).singleElement()
			.satisfies((finding) -> assertThat(finding.message()).contains("URL-safe"));
	}

	@Test
	void keyOfUnusualLengthIsAWarning() {
		assertThat(check(TestKeys.krakenKey().substring(0, 52), TestKeys.krakenSecret())).singleElement()
			.satisfies((finding) -> {
				assertThat(finding.severity()).isEqualTo(Severity.WARNING);
				assertThat(finding.variableRole()).isEqualTo("key");
				assertThat(finding.message()).contains("52 characters").contains("56");
			});
	}

	@Test
	void keyThatIsNotBase64IsAWarning() {
		assertThat(check("my-kraken-key_with-dashes-and-underscores-000000000000000", TestKeys.krakenSecret()))
			.singleElement()
			.satisfies((finding) -> assertThat(finding.severity()).isEqualTo(Severity.WARNING));
	}

	@Test
	void surroundingWhitespaceIsAWarningAndTheRestStillChecks() {
		assertThat(check(TestKeys.krakenKey() + "\n", TestKeys.krakenSecret() + " ")).extracting(FormatFinding::severity)
			.containsExactly(Severity.WARNING, Severity.WARNING);
	}

	@Test
	void swappedKeyAndSecretAreNamed() {
		assertThat(check(TestKeys.krakenSecret(), TestKeys.krakenKey())).singleElement()
			.satisfies((finding) -> assertThat(finding.message()).contains("swapped"));
	}

	@Test
	void absentValuesAreSkipped() {
		assertThat(this.rules.check(new CredentialValues(null, null))).isEmpty();
	}

	@Test
	void hostileInputIsAnsweredQuickly() {
		String huge = "A".repeat(5_000_000);
		char[] binary = new char[20_000];
		for (int i = 0; i < binary.length; i++) {
			binary[i] = (char) (i * 7919 % 65536);
		}
		assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
			assertThat(check(huge, huge)).extracting(FormatFinding::message)
				.anySatisfy((message) -> assertThat(message).contains("5000000 characters"));
			assertThat(check(new String(binary), new String(binary))).isNotEmpty();
			assertThat(check("\u0000\u0001", "\u0000\u0007==")).isNotEmpty();
			assertThat(check("", "")).isNotEmpty();
		});
	}

}
