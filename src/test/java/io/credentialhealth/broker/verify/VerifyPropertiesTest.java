package io.credentialhealth.broker.verify;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.credentialhealth.support.PropertyViolations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** The rules of {@code credentials.verify.*}, checked by {@link VerifyProperties} itself at binding. */
@ExtendWith(OutputCaptureExtension.class)
class VerifyPropertiesTest {

	@Test
	void defaultsAndInclusiveBoundsPass() {
		assertThat(violations()).isEmpty();
		assertThat(violations("interval=1s", "jitter=0s", "max-backoff=1s", "connect-timeout=1ms", "read-timeout=1ms"))
			.isEmpty();
	}

	@Test
	void eachRuleNamesThePropertyAsWritten() {
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("interval=999ms",
				"credentials.verify.interval: must be at least 1s: a broker must never be called in a tight loop");
		expected.put("jitter=-1ms", "credentials.verify.jitter: must not be negative");
		expected.put("max-backoff=999ms", "credentials.verify.max-backoff: must be at least 1s");
		expected.put("connect-timeout=0s", "credentials.verify.connect-timeout: must be positive");
		expected.put("read-timeout=-1s", "credentials.verify.read-timeout: must be positive");
		expected.put("kraken.base-url= ", "credentials.verify.kraken.base-url: must not be blank");
		expected.put("alpaca.live-base-url= ", "credentials.verify.alpaca.live-base-url: must not be blank");
		expected.put("alpaca.paper-base-url= ", "credentials.verify.alpaca.paper-base-url: must not be blank");
		expected.put("coinbase.base-url= ", "credentials.verify.coinbase.base-url: must not be blank");
		expected.forEach((setting, violation) -> assertThat(violations(setting)).as(setting).containsExactly(violation));
	}

	@Test
	void durationsAreRequired() {
		VerifyProperties none = new VerifyProperties(false, null, null, null, null, null,
				new VerifyProperties.Kraken("https://k"), new VerifyProperties.Alpaca("https://a", "https://p"),
				new VerifyProperties.Coinbase("https://c"), null);
		assertThat(PropertyViolations.of(none, "credentials.verify")).containsExactly(
				"credentials.verify.interval: must not be null", "credentials.verify.max-backoff: must not be null",
				"credentials.verify.connect-timeout: must not be null",
				"credentials.verify.read-timeout: must not be null");
	}

	@Test
	void bootsReportNamesEveryPropertyAsWritten(CapturedOutput output) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(VerifyConfigurationTest.PropertiesOnly.class)
			.web(WebApplicationType.NONE)
			.properties("credentials.verify.interval=100ms", "credentials.verify.max-backoff=0s",
					"credentials.verify.kraken.base-url= ")
			.run());
		assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
			.contains("Property: credentials.verify.interval")
			.contains("Origin: \"credentials.verify.interval\" from property source \"defaultProperties\"")
			.contains("Reason: must be at least 1s: a broker must never be called in a tight loop")
			.contains("Property: credentials.verify.max-backoff")
			.contains("Property: credentials.verify.kraken.base-url")
			.contains("Reason: must not be blank")
			.doesNotContain("maxBackoff")
			.doesNotContain("baseUrl");
	}

	private static List<String> violations(String... settings) {
		return PropertyViolations.whenBound(VerifyConfigurationTest.PropertiesOnly.class,
				Arrays.stream(settings).map((setting) -> "credentials.verify." + setting).toArray(String[]::new));
	}

}
