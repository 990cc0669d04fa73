package io.credentialhealth.broker.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.credentialhealth.broker.CredentialValues;
import io.credentialhealth.broker.FormatFinding;
import io.credentialhealth.broker.Severity;
import io.credentialhealth.broker.support.TestKeys;

class AlpacaFormatRulesTest {

	private final AlpacaFormatRules rules = new AlpacaFormatRules();

	private List<FormatFinding> check(String key, String paper) {
		return this.rules.check(new CredentialValues(key, TestKeys.alpacaSecret(), paper));
	}

	@Test
	void paperKeyWithPaperTrueIsClean() {
		assertThat(check(TestKeys.alpacaKey("PK"), "true")).isEmpty();
	}

	@Test
	void liveKeyWithPaperFalseIsClean() {
		assertThat(check(TestKeys.alpacaKey("AK"), "false")).isEmpty();
	}

	@Test
	void keyWithoutPaperFlagIsClean() {
		assertThat(check(TestKeys.alpacaKey("AK"), null)).isEmpty();
	}

	@Test
	void keyWithAnUnknownPrefixIsAWarning() {
		assertThat(check(TestKeys.alpacaKey("XY"), null)).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.WARNING);
			assertThat(finding.variableRole()).isEqualTo("key");
			assertThat(finding.message()).contains("neither PK (paper) nor AK (live)");
		});
	}

	@Test
	void keyWithLowerCaseCharactersIsAWarning() {
		assertThat(check("PKabc123", null)).singleElement()
			.satisfies((finding) -> assertThat(finding.severity()).isEqualTo(Severity.WARNING));
	}

	@Test
	void paperFlagMustBeExactlyTrueOrFalse() {
		for (String bad : List.of("True", "TRUE", " true", "false\n", "1", "yes", "", "paper")) {
			assertThat(check(TestKeys.alpacaKey("PK"), bad)).as("paper flag of %d chars", bad.length())
				.singleElement()
				.satisfies((finding) -> {
					assertThat(finding.severity()).isEqualTo(Severity.ERROR);
					assertThat(finding.variableRole()).isEqualTo("paper");
					assertThat(finding.message()).startsWith("ALPACA paper flag must be exactly true or false");
				});
		}
	}

	@Test
	void paperKeyWithPaperFalseIsAMismatch() {
		assertThat(check(TestKeys.alpacaKey("PK"), "false")).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.ERROR);
			assertThat(finding.message()).contains("PK (a paper key)").contains("live endpoint will refuse");
		});
	}

	@Test
	void liveKeyWithPaperTrueIsAMismatch() {
		assertThat(check(TestKeys.alpacaKey("AK"), "true")).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.ERROR);
			assertThat(finding.message()).contains("AK (a live key)").contains("paper endpoint will refuse");
		});
	}

	@Test
	void hostileValuesAreDescribedNotEchoed() {
		String huge = "PK" + "A".repeat(100_000);
		assertThat(check(huge, "x".repeat(100_000))).extracting(FormatFinding::message)
			.allSatisfy((message) -> assertThat(message).hasSizeLessThan(300));
	}

}
