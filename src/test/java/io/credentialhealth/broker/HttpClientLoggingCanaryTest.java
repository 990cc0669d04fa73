package io.credentialhealth.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.credentialhealth.broker.support.Canary;
import io.credentialhealth.broker.support.TestKeys;

/**
 * With the JDK HTTP client's own logging turned up, no planted key or secret may appear in the
 * output. Header logging would print Alpaca's secret header and Kraken's API key, so the
 * verifiers refuse to send anything while it is on; the control request proves that the capture
 * really sees headers.
 */
class HttpClientLoggingCanaryTest {

	private final String krakenKey = TestKeys.krakenKey();

	private final String krakenSecret = TestKeys.krakenSecret();

	private final String alpacaKey = TestKeys.alpacaKey("PK");

	private final String alpacaSecret = TestKeys.alpacaSecret();

	private final String coinbaseKey = TestKeys.coinbaseKeyName();

	private final String coinbaseSecret = TestKeys.sec1Pem(TestKeys.p256());

	private final String control = "CONTROL" + TestKeys.alpacaSecret();

	@Test
	void headerLoggingMakesTheVerifiersRefuseAndNothingLeaks() throws Exception {
		String output = runChild(List.of("-Djdk.httpclient.HttpClient.log=all"), "control");

		assertThat(output).as("the capture sees request headers").contains(this.control);
		assertThat(output).contains("RESULT KRAKEN UNVERIFIED", "RESULT ALPACA UNVERIFIED", "RESULT COINBASE UNVERIFIED")
			.contains("jdk.httpclient.HttpClient.log")
			.contains("REQUESTS 1");
		assertNoPlantedValue(output);
	}

	@Test
	void safeLoggingTopicsStillVerifyAndNothingLeaks() throws Exception {
		String output = runChild(List.of("-Djdk.httpclient.HttpClient.log=errors,requests,ssl"), "verify");

		assertThat(output).contains("RESULT KRAKEN VERIFIED", "RESULT ALPACA VERIFIED", "RESULT COINBASE VERIFIED")
			.contains("REQUESTS 3");
		assertThat(output).as("the client did log the requests").contains("REQUEST: http://127.0.0.1");
		assertNoPlantedValue(output);
	}

	@Test
	void internalDebugSwitchMakesTheVerifiersRefuse() throws Exception {
		String output = runChild(List.of("-Djdk.internal.httpclient.debug=true"), "verify");

		assertThat(output).contains("RESULT KRAKEN UNVERIFIED", "RESULT ALPACA UNVERIFIED", "RESULT COINBASE UNVERIFIED")
			.contains("REQUESTS 0");
		assertNoPlantedValue(output);
	}

	private void assertNoPlantedValue(String output) {
		List<String> planted = new ArrayList<>(List.of(this.krakenKey, this.krakenSecret, this.alpacaKey,
				this.alpacaSecret, Canary.pemBody(this.coinbaseSecret)));
		planted.addAll(List.of(Canary.keyNameIds(this.coinbaseKey)));
		Canary.assertNoLeak(output, planted.toArray(String[]::new));
	}

	private String runChild(List<String> jvmOptions, String mode) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-Xshare:auto");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(LoggingCanaryMain.class.getName());
		command.add(mode);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		env.put("KRAKEN_KEY", this.krakenKey);
		env.put("KRAKEN_SECRET", this.krakenSecret);
		env.put("ALPACA_KEY", this.alpacaKey);
		env.put("ALPACA_SECRET", this.alpacaSecret);
		env.put("ALPACA_PAPER", "true");
		env.put("COINBASE_KEY", this.coinbaseKey);
		env.put("COINBASE_SECRET", this.coinbaseSecret);
		env.put("CANARY_CONTROL", this.control);
		Process process = builder.start();
		byte[] out = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(out, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as("child JVM exit code; its output has %d lines", output.lines().count())
			.isZero();
		return output;
	}

}
