package io.credentialhealth.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.credentialhealth.broker.alpaca.AlpacaVerifier;
import io.credentialhealth.broker.coinbase.CoinbaseSecret;
import io.credentialhealth.broker.coinbase.CoinbaseVerifier;
import io.credentialhealth.broker.kraken.KrakenSigner;
import io.credentialhealth.broker.kraken.KrakenVerifier;
import io.credentialhealth.broker.support.Canary;
import io.credentialhealth.broker.support.StubServer;
import io.credentialhealth.broker.support.StubServer.Request;
import io.credentialhealth.broker.support.StubServer.Response;
import io.credentialhealth.broker.support.TestKeys;

/**
 * Plants known credentials, drives every format rule and every verifier outcome with them, including
 * a hostile broker that echoes the credentials back in its error messages, and searches every
 * finding, reason, warning, permission name, toString, exception message and log record for the
 * values and for any 8-character run of them.
 */
class LeakCanaryTest {

	private static final VerifierSettings SETTINGS = new VerifierSettings(Duration.ofSeconds(2), Duration.ofSeconds(5));

	private final String krakenKey = TestKeys.krakenKey();

	private final String krakenSecret = TestKeys.krakenSecret();

	private final String alpacaKey = TestKeys.alpacaKey("PK");

	private final String alpacaSecret = TestKeys.alpacaSecret();

	private final String coinbaseKey = TestKeys.coinbaseKeyName();

	private final String coinbaseSecret = TestKeys.sec1Pem(TestKeys.p256());

	private final String ed25519Secret = TestKeys.ed25519Secret(TestKeys.ed25519());

	private final List<String> outputs = new ArrayList<>();

	private final List<LogRecord> records = new ArrayList<>();

	private final Handler capture = new Handler() {
		@Override
		public void publish(LogRecord record) {
			synchronized (LeakCanaryTest.this.records) {
				LeakCanaryTest.this.records.add(record);
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}
	};

	@BeforeEach
	void captureLogs() {
		this.capture.setLevel(Level.ALL);
		Logger.getLogger("").addHandler(this.capture);
	}

	@AfterEach
	void releaseLogs() {
		Logger.getLogger("").removeHandler(this.capture);
	}

	@Test
	void noPlantedValueLeaksAnywhere() {
		runFormatRules();
		runVerifiers();
		runExceptions();
		SimpleFormatter formatter = new SimpleFormatter();
		synchronized (this.records) {
			for (LogRecord record : this.records) {
				this.outputs.add(formatter.format(record));
			}
		}

		assertThat(this.outputs).hasSizeGreaterThan(60);
		assertThat(Canary.findWindow("x" + this.alpacaSecret.substring(10, 18) + "y", this.alpacaSecret))
			.as("the canary notices a short run").isNotNull();
		Canary.assertNoLeak(this.outputs, planted());
	}

	private String[] planted() {
		List<String> values = new ArrayList<>(List.of(this.krakenKey, this.krakenSecret, this.alpacaKey,
				this.alpacaSecret, Canary.pemBody(this.coinbaseSecret), this.ed25519Secret));
		values.addAll(List.of(Canary.keyNameIds(this.coinbaseKey)));
		return values.toArray(String[]::new);
	}

	private void runFormatRules() {
		FormatChecks checks = FormatChecks.defaults();
		List<CredentialValues> kraken = List.of(new CredentialValues(this.krakenKey, this.krakenSecret),
				new CredentialValues(this.krakenSecret, this.krakenKey),
				new CredentialValues(" " + this.krakenKey, this.krakenSecret.substring(3)),
				new CredentialValues(this.krakenKey + "x", this.krakenSecret.replace('+', '-') + "\n"),
				new CredentialValues(this.krakenKey.repeat(40), this.krakenSecret.repeat(400)));
		List<CredentialValues> alpaca = List.of(new CredentialValues(this.alpacaKey, this.alpacaSecret, "false"),
				new CredentialValues(this.alpacaSecret, this.alpacaKey, this.alpacaSecret),
				new CredentialValues(this.alpacaKey + " ", this.alpacaSecret + "\t", " True "));
		List<CredentialValues> coinbase = List.of(new CredentialValues(this.coinbaseKey, this.coinbaseSecret),
				new CredentialValues(this.coinbaseKey, this.coinbaseSecret.replace("\n", "\\n")),
				new CredentialValues(this.coinbaseSecret, this.coinbaseKey),
				new CredentialValues(this.coinbaseKey + "/", this.coinbaseSecret.substring(0, 150)),
				new CredentialValues(this.coinbaseKey, "\"" + this.coinbaseSecret + "\""),
				new CredentialValues(this.coinbaseKey, Canary.pemBody(this.coinbaseSecret)),
				new CredentialValues(this.coinbaseKey, this.ed25519Secret.substring(4)),
				new CredentialValues(this.coinbaseKey, this.ed25519Secret));
		record(checks, Broker.KRAKEN, kraken);
		record(checks, Broker.ALPACA, alpaca);
		record(checks, Broker.COINBASE, coinbase);
		this.outputs.add(CoinbaseSecret.parse(this.coinbaseSecret).toString());
		this.outputs.add(CoinbaseSecret.parse(this.ed25519Secret).toString());
	}

	private void record(FormatChecks checks, Broker broker, List<CredentialValues> variants) {
		for (CredentialValues values : variants) {
			this.outputs.add(values.toString());
			for (FormatFinding finding : checks.check(broker, values)) {
				this.outputs.add(finding.toString());
			}
		}
	}

	private void runVerifiers() {
		try (StubServer server = new StubServer(this::echo)) {
			String url = server.baseUrl();
			KrakenVerifier kraken = new KrakenVerifier(url, SETTINGS, Clock.systemUTC());
			AlpacaVerifier alpaca = new AlpacaVerifier(url, url, SETTINGS, Clock.systemUTC());
			CoinbaseVerifier coinbase = new CoinbaseVerifier(url, SETTINGS, Clock.systemUTC());
			List<Response> answers = List.of(Response.json(200, "{}"), Response.json(401, "{}"),
					Response.json(403, "{}"), Response.json(429, "{}"), Response.text(500, "x"),
					Response.text(200, "garbage"));
			for (Response answer : answers) {
				server.handler((request) -> answer);
				verifyAll(kraken, alpaca, coinbase);
			}
			server.handler(this::echo);
			verifyAll(kraken, alpaca, coinbase);
			server.handler((request) -> Response.json(200, "{\"error\":[\"EAPI:Invalid key\"]}"));
			verifyAll(kraken, alpaca, coinbase);
		}
		KrakenVerifier nowhere = new KrakenVerifier("http://127.0.0.1:9", SETTINGS, Clock.systemUTC());
		this.outputs.add(nowhere.verify(new CredentialValues(this.krakenKey, this.krakenSecret)).toString());
	}

	private void verifyAll(KrakenVerifier kraken, AlpacaVerifier alpaca, CoinbaseVerifier coinbase) {
		this.outputs.add(kraken.verify(new CredentialValues(this.krakenKey, this.krakenSecret)).toString());
		this.outputs.add(alpaca.verify(new CredentialValues(this.alpacaKey, this.alpacaSecret, "true")).toString());
		this.outputs.add(coinbase.verify(new CredentialValues(this.coinbaseKey, this.coinbaseSecret)).toString());
		this.outputs.add(coinbase.verify(new CredentialValues(this.coinbaseKey, this.ed25519Secret)).toString());
	}

	/**
	 * A hostile broker: refuses everything and quotes back the headers it received plus the
	 * credential it holds for that key (a real broker knows the key, and for Alpaca the secret).
	 */
	private Response echo(Request request) {
		String known = switch (request.path()) {
			case "/0/private/Balance" -> this.krakenKey + " " + this.krakenSecret;
			case "/v2/account" -> this.alpacaKey + " " + this.alpacaSecret;
			default -> this.coinbaseKey + " "
					+ (jwtAlgorithm(request).equals("EdDSA") ? this.ed25519Secret : this.coinbaseSecret);
		};
		String everything = known + " " + request.headers() + " " + request.body();
		String quoted = everything.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
		return switch (request.path()) {
			case "/0/private/Balance" -> Response.json(200, "{\"error\":[\"EGeneral:Bad " + quoted + "\"]}");
			default -> Response.json(401, "{\"message\":\"" + quoted + "\",\"error\":\"" + quoted + "\"}");
		};
	}

	private static String jwtAlgorithm(Request request) {
		String authorization = String.valueOf(request.header("Authorization"));
		int dot = authorization.indexOf('.');
		if (!authorization.startsWith("Bearer ") || dot < 0) {
			return "";
		}
		String header = new String(java.util.Base64.getUrlDecoder().decode(authorization.substring(7, dot)),
				java.nio.charset.StandardCharsets.UTF_8);
		return header.contains("\"EdDSA\"") ? "EdDSA" : "ES256";
	}

	private void runExceptions() {
		try {
			KrakenSigner.sign("/0/private/Balance", "1", "nonce=1", new byte[0]);
		}
		catch (RuntimeException ex) {
			this.outputs.add(String.valueOf(ex));
		}
		try {
			new KrakenVerifier(this.krakenSecret, SETTINGS, Clock.systemUTC());
		}
		catch (RuntimeException ex) {
			this.outputs.add(String.valueOf(ex));
		}
	}

}
