package io.credentialhealth.broker.coinbase;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.credentialhealth.broker.support.TestKeys;

class CoinbaseJwtTest {

	private final CoinbaseJwt jwt = new CoinbaseJwt(null, new SecureRandom());

	private final String keyName = TestKeys.coinbaseKeyName();

	private final Instant now = Instant.parse("2026-03-01T12:00:00.750Z");

	private final String uri = "GET api.coinbase.com/api/v3/brokerage/key_permissions";

	@Test
	void es256TokenVerifiesWithThePublicKeyAndCarriesEveryClaim() throws Exception {
		KeyPair pair = TestKeys.p256();
		CoinbaseSecret.Key key = CoinbaseSecret.parse(TestKeys.sec1Pem(pair)).key();

		JwtCheck.Token token = JwtCheck.verify(this.jwt.create(key, this.keyName, this.uri, this.now), pair.getPublic());

		assertThat(token).as("signature verifies with the public key").isNotNull();
		assertThat(token.header().path("alg").asString()).isEqualTo("ES256");
		assertThat(token.header().path("typ").asString()).isEqualTo("JWT");
		assertThat(token.header().path("kid").asString()).isEqualTo(this.keyName);
		assertThat(token.header().path("nonce").asString()).matches("[0-9a-f]{32}");
		assertThat(token.claims().path("iss").asString()).isEqualTo("cdp");
		assertThat(token.claims().path("sub").asString()).isEqualTo(this.keyName);
		assertThat(token.claims().path("nbf").asLong()).isEqualTo(this.now.getEpochSecond());
		assertThat(token.claims().path("exp").asLong()).isEqualTo(this.now.getEpochSecond() + 120);
		assertThat(token.claims().path("uri").asString()).isEqualTo(this.uri);
		assertThat(token.header().propertyNames()).containsExactlyInAnyOrder("alg", "kid", "nonce", "typ");
		assertThat(token.claims().propertyNames()).containsExactlyInAnyOrder("iss", "sub", "nbf", "exp", "uri");
	}

	@Test
	void tokenDoesNotVerifyWithAnotherKey() throws Exception {
		CoinbaseSecret.Key key = CoinbaseSecret.parse(TestKeys.sec1Pem(TestKeys.p256())).key();
		assertThat(JwtCheck.verify(this.jwt.create(key, this.keyName, this.uri, this.now), TestKeys.p256().getPublic()))
			.isNull();
	}

	@Test
	void ed25519TokenUsesEdDsa() throws Exception {
		KeyPair pair = TestKeys.ed25519();
		CoinbaseSecret.Key key = CoinbaseSecret.parse(TestKeys.ed25519Secret(pair)).key();

		JwtCheck.Token token = JwtCheck.verify(this.jwt.create(key, this.keyName, this.uri, this.now), pair.getPublic());

		assertThat(token).isNotNull();
		assertThat(token.header().path("alg").asString()).isEqualTo("EdDSA");
		assertThat(token.claims().path("exp").asLong() - token.claims().path("nbf").asLong()).isEqualTo(120);
	}

	@Test
	void everyTokenHasAFreshNonce() throws Exception {
		KeyPair pair = TestKeys.p256();
		CoinbaseSecret.Key key = CoinbaseSecret.parse(TestKeys.pkcs8Pem(pair)).key();
		Set<String> nonces = new HashSet<>();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String token = this.jwt.create(key, this.keyName, this.uri, this.now);
			tokens.add(token);
			nonces.add(JwtCheck.verify(token, pair.getPublic()).header().path("nonce").asString());
		}
		assertThat(nonces).hasSize(20);
		assertThat(new HashSet<>(tokens)).hasSize(20);
	}

	@Test
	void uriClaimNamesHostAndPortOnlyWhenGiven() {
		assertThat(CoinbaseJwt.uriClaim("GET", URI.create("https://api.coinbase.com"), "/api/v3/brokerage/key_permissions"))
			.isEqualTo("GET api.coinbase.com/api/v3/brokerage/key_permissions");
		assertThat(CoinbaseJwt.uriClaim("GET", URI.create("http://127.0.0.1:8089"), "/api/v3/brokerage/key_permissions"))
			.isEqualTo("GET 127.0.0.1:8089/api/v3/brokerage/key_permissions");
	}

}
