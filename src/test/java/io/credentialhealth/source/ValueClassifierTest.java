package io.credentialhealth.source;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.credentialhealth.source.Classification.CONTROL_CHARACTERS;
import static io.credentialhealth.source.Classification.EMPTY;
import static io.credentialhealth.source.Classification.MISSING;
import static io.credentialhealth.source.Classification.PLACEHOLDER;
import static io.credentialhealth.source.Classification.PRESENT;
import static io.credentialhealth.source.Classification.QUOTED;
import static io.credentialhealth.source.Classification.SURROUNDING_WHITESPACE;
import static io.credentialhealth.source.Classification.WHITESPACE_ONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ValueClassifierTest {

	@Test
	void missingAndEmpty() {
		assertThat(ValueClassifier.classify(null)).isEqualTo(MISSING);
		assertThat(ValueClassifier.classify("")).isEqualTo(EMPTY);
	}

	@ParameterizedTest
	@ValueSource(strings = { " ", "   ", "\t", "\n", "\r\n", "\u00A0", "\u2003\u200B", "\uFEFF" })
	void whitespaceOnly(String value) {
		assertThat(ValueClassifier.classify(value)).isEqualTo(WHITESPACE_ONLY);
	}

	@ParameterizedTest
	@ValueSource(strings = { " abcdefgh12345678", "abcdefgh12345678 ", "abcdefgh12345678\r", "abcdefgh12345678\n",
			"\tabcdefgh12345678", "abcdefgh12345678\u00A0", "\u200Babcdefgh12345678",
			"-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI\n-----END EC PRIVATE KEY-----\n\n" })
	void surroundingWhitespaceIncludingAStrayCarriageReturn(String value) {
		assertThat(ValueClassifier.classify(value)).isEqualTo(SURROUNDING_WHITESPACE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"abcdefgh12345678\"", "'abcdefgh12345678'", "`abcdefgh12345678`" })
	void quoted(String value) {
		assertThat(ValueClassifier.classify(value)).isEqualTo(QUOTED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "<your-coinbase-key>", "<your-kraken-secret>", "your_api_key", "YOUR_API_KEY",
			"your-api-secret-here", "changeme", "CHANGE_ME", "xxxx", "xxxxxxxxxxxxxxxx", "XXXXXXXX", "****", "REPLACE_ME",
			"replace-me", "TODO", "todo", "placeholder", "${KRAKEN_API_KEY}", "${{shared.KRAKEN_MASTER_API_KEY}}",
			"insert-key-here", "none", "null" })
	void placeholders(String value) {
		assertThat(ValueClassifier.classify(value)).isEqualTo(PLACEHOLDER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc\u0000def12345678", "abc\u0007def12345678", "abc\u001Bdef", "abc\u200Edef12345678",
			"abc\rdef" })
	void controlCharacters(String value) {
		assertThat(ValueClassifier.classify(value)).isEqualTo(CONTROL_CHARACTERS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "PKABCDEFGHIJKLMNOPQR", "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==",
			"organizations/0b1c/apiKeys/9f2e", "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI\n-----END EC PRIVATE KEY-----",
			"-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI\n-----END EC PRIVATE KEY-----\n",
			"true", "false", "mykeyisverylongandreal", "clé-ünïcødé-密钥-🔑-value", "xyzzy-real-looking-key-4242" })
	void presentIncludingUnicodeAndPemNewlines(String value) {
		assertThat(ValueClassifier.classify(value)).isEqualTo(PRESENT);
	}

	@Test
	void veryLongValuesAreClassifiedQuickly() {
		String huge = "a".repeat(5_000_000);
		assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
			assertThat(ValueClassifier.classify(huge)).isEqualTo(PRESENT);
			assertThat(ValueClassifier.classify(" " + huge)).isEqualTo(SURROUNDING_WHITESPACE);
			assertThat(ValueClassifier.classify("x".repeat(5_000_000))).isEqualTo(PRESENT);
			assertThat(ValueClassifier.classify(huge + "\u0000" + huge)).isEqualTo(CONTROL_CHARACTERS);
		});
	}

	@Test
	void problemSentencesNameTheVariable() {
		assertThat(MISSING.describe("KRAKEN_USER_TANIA_API_KEY")).isEqualTo("KRAKEN_USER_TANIA_API_KEY is not set");
		assertThat(EMPTY.describe("X")).isEqualTo("X is set but empty");
	}

}
