package io.credentialhealth.registry;

import java.util.ArrayList;
import java.util.List;

import io.credentialhealth.CredentialHealthApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A bad registry stops start-up with Boot's short failure report naming the property and what is
 * allowed, not a wall of stack trace. Runs the real application without the built-in registry.
 */
@ExtendWith(OutputCaptureExtension.class)
class RegistryStartupFailureTest {

	@Test
	void unknownBrokerListsTheAllowedValues(CapturedOutput output) {
		assertFailure(output, List.of("credentials.accounts.a.broker=binance", "credentials.accounts.a.role=master"),
				"credentials.accounts.a.broker", "binance", "ALPACA", "COINBASE", "GENERIC", "KRAKEN");
	}

	@Test
	void unknownRole(CapturedOutput output) {
		assertFailure(output, List.of("credentials.accounts.a.broker=kraken", "credentials.accounts.a.role=admin"),
				"credentials.accounts.a.role", "admin", "MASTER", "USER");
	}

	@Test
	void missingBroker(CapturedOutput output) {
		assertFailure(output, List.of("credentials.accounts.a.role=master"), "credentials.accounts.a.broker is required",
				"allowed values: coinbase, kraken, alpaca, generic");
	}

	@Test
	void badAccountId(CapturedOutput output) {
		assertFailure(output, List.of("credentials.accounts.Kraken_Main.broker=kraken", "credentials.accounts.Kraken_Main.role=master"),
				"Invalid credential registry", "Kraken_Main", "lower-case words joined by dashes");
	}

	@Test
	void badVariableName(CapturedOutput output) {
		String report = assertFailure(output,
				List.of("credentials.accounts.a.broker=kraken", "credentials.accounts.a.role=master",
						"credentials.accounts.a.key-variable=kraken-key"),
				"credentials.accounts.a.key-variable must be an environment variable name", "[A-Z][A-Z0-9_]*");
		assertThat(report).as("the rejected value is not echoed").doesNotContain("kraken-key");
	}

	@Test
	void aSecretPastedAsVariableNameIsNotEchoed(CapturedOutput output) {
		String pasted = "kQ9+canarySECRET/zz==";
		String report = assertFailure(output,
				List.of("credentials.accounts.a.broker=kraken", "credentials.accounts.a.role=master",
						"credentials.accounts.a.secret-variable=" + pasted),
				"credentials.accounts.a.secret-variable must be an environment variable name");
		assertThat(report).doesNotContain(pasted).doesNotContain("canarySECRET");
	}

	@Test
	void variableClaimedTwice(CapturedOutput output) {
		assertFailure(output,
				List.of("credentials.accounts.a.broker=kraken", "credentials.accounts.a.role=master",
						"credentials.accounts.b.broker=generic", "credentials.accounts.b.role=master",
						"credentials.accounts.b.secret-variable=KRAKEN_MASTER_API_SECRET"),
				"credentials.accounts.b.secret-variable", "KRAKEN_MASTER_API_SECRET", "already uses");
	}

	@Test
	void noAccounts(CapturedOutput output) {
		assertFailure(output, List.of(), "credentials.accounts", "at least one account");
	}

	private String assertFailure(CapturedOutput output, List<String> properties, String... expected) {
		List<String> all = new ArrayList<>(properties);
		// Leave out application.yaml so its built-in accounts do not mix in.
		all.add("spring.config.location=optional:classpath:/no-such-config.yaml");
		all.add("credentials.schedule.enabled=false");
		all.add("credentials.state-file=target/test-state/registry-failure.json");
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(CredentialHealthApplication.class)
			.web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.run());
		String report = output.getOut() + output.getErr();
		assertThat(report).contains("APPLICATION FAILED TO START").contains(expected);
		String analysis = report.substring(report.indexOf("APPLICATION FAILED TO START"));
		assertThat(analysis).as("a short report, not a stack trace").doesNotContain("\tat ");
		return report;
	}

}
