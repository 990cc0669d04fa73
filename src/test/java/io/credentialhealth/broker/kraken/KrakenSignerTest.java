package io.credentialhealth.broker.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class KrakenSignerTest {

	/**
	 * Kraken's worked example from the Spot REST Authentication guide
	 * (docs.kraken.com/api/docs/guides/spot-rest-auth, "Examples"): an AddOrder for 1.25 XBTUSD at
	 * 37500.
	 */
	@Test
	void reproducesKrakensPublishedExample() {
		String privateKey = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";
		String nonce = "1616492376594";
		String payload = "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25";
		String uriPath = "/0/private/AddOrder";

		String signature = KrakenSigner.sign(uriPath, nonce, payload, Base64.getDecoder().decode(privateKey));

		assertThat(signature)
			.isEqualTo("4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==");
	}

	@Test
	void signatureDependsOnEveryInput() {
		byte[] secret = new byte[64];
		String base = KrakenSigner.sign("/0/private/Balance", "1", "nonce=1", secret);
		assertThat(KrakenSigner.sign("/0/private/Balance", "2", "nonce=1", secret)).isNotEqualTo(base);
		assertThat(KrakenSigner.sign("/0/private/Balance", "1", "nonce=2", secret)).isNotEqualTo(base);
		assertThat(KrakenSigner.sign("/0/private/Ledgers", "1", "nonce=1", secret)).isNotEqualTo(base);
		secret[0] = 1;
		assertThat(KrakenSigner.sign("/0/private/Balance", "1", "nonce=1", secret)).isNotEqualTo(base);
	}

	@Test
	void decodeSecretReturnsNullForNonBase64() {
		assertThat(KrakenSigner.decodeSecret("not base64 at all!")).isNull();
		assertThat(KrakenSigner.decodeSecret(" AAAA ")).hasSize(3);
	}

}
