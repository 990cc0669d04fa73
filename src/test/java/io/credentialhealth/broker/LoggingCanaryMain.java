package io.credentialhealth.broker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.credentialhealth.broker.alpaca.AlpacaVerifier;
import io.credentialhealth.broker.coinbase.CoinbaseVerifier;
import io.credentialhealth.broker.kraken.KrakenVerifier;
import io.credentialhealth.broker.support.StubServer;
import io.credentialhealth.broker.support.StubServer.Response;

/**
 * Run in a child JVM by {@link HttpClientLoggingCanaryTest}, with the JDK HTTP client's logging
 * switched on by system properties (they are read once per JVM, so a fresh JVM is the only
 * reliable way). Reads planted credentials from the environment, verifies them against a local
 * stub that accepts everything, and prints one line per verifier. With {@code control}, it also
 * sends a header carrying CANARY_CONTROL with a bare client, to prove the log capture works.
 */
public final class LoggingCanaryMain {

	private LoggingCanaryMain() {
	}

	public static void main(String[] args) throws Exception {
		try (StubServer server = new StubServer((request) -> switch (request.path()) {
			case "/0/private/Balance" -> Response.json(200, "{\"error\":[],\"result\":{\"ZUSD\":\"1.0\"}}");
			case "/v2/account" -> Response.json(200, "{\"status\":\"ACTIVE\",\"trading_blocked\":false}");
			default -> Response.json(200, "{\"can_view\":true,\"can_trade\":true,\"can_transfer\":false}");
		})) {
			VerifierSettings settings = new VerifierSettings(Duration.ofSeconds(5), Duration.ofSeconds(10));
			List<BrokerVerifier> verifiers = List.of(
					new KrakenVerifier(server.baseUrl(), settings, Clock.systemUTC()),
					new AlpacaVerifier(server.baseUrl(), server.baseUrl(), settings, Clock.systemUTC()),
					new CoinbaseVerifier(server.baseUrl(), settings, Clock.systemUTC()));
			for (BrokerVerifier verifier : verifiers) {
				String prefix = verifier.broker().name();
				CredentialValues values = new CredentialValues(System.getenv(prefix + "_KEY"),
						System.getenv(prefix + "_SECRET"), System.getenv(prefix + "_PAPER"));
				Verification verification = verifier.verify(values);
				System.out.println("RESULT " + prefix + " " + verification.result() + " " + verification.reason());
			}
			if (args.length > 0 && args[0].equals("control")) {
				HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
				HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/control"))
					.header("X-Canary", System.getenv("CANARY_CONTROL"))
					.build();
				client.send(request, HttpResponse.BodyHandlers.discarding());
			}
			System.out.println("REQUESTS " + server.requests().size());
		}
	}

}
