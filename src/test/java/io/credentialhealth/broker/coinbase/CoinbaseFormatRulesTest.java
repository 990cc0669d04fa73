package io.credentialhealth.broker.coinbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.credentialhealth.broker.CredentialValues;
import io.credentialhealth.broker.FormatFinding;
import io.credentialhealth.broker.Severity;
import io.credentialhealth.broker.coinbase.CoinbaseSecret.Kind;
import io.credentialhealth.broker.support.TestKeys;
import io.credentialhealth.support.ExternalTool;

class CoinbaseFormatRulesTest {

	private final CoinbaseFormatRules rules = new CoinbaseFormatRules();

	private final String keyName = TestKeys.coinbaseKeyName();

	private List<FormatFinding> check(String key, String secret) {
		return this.rules.check(new CredentialValues(key, secret));
	}

	private FormatFinding singleError(String secret) {
		List<FormatFinding> findings = check(this.keyName, secret);
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.ERROR);
			assertThat(finding.variableRole()).isEqualTo("secret");
		});
		return findings.get(0);
	}

	// --- good secrets

	@Test
	void sec1PemIsAccepted() {
		String pem = TestKeys.sec1Pem(TestKeys.p256());
		assertThat(check(this.keyName, pem)).isEmpty();
		assertThat(CoinbaseSecret.parse(pem).key().kind()).isEqualTo(Kind.EC_SEC1_PEM);
	}

	@Test
	void pkcs8PemIsAccepted() {
		String pem = TestKeys.pkcs8Pem(TestKeys.p256());
		assertThat(check(this.keyName, pem)).isEmpty();
		assertThat(CoinbaseSecret.parse(pem).key().kind()).isEqualTo(Kind.EC_PKCS8_PEM);
	}

	@Test
	void ed25519Base64IsAccepted() {
		String secret = TestKeys.ed25519Secret(TestKeys.ed25519());
		assertThat(check(UUID.randomUUID().toString(), secret)).isEmpty();
		assertThat(CoinbaseSecret.parse(secret).key().kind()).isEqualTo(Kind.ED25519_BASE64);
	}

	@Test
	void ed25519Pkcs8PemIsAccepted() {
		String pem = TestKeys.pkcs8Pem(TestKeys.ed25519());
		assertThat(check(this.keyName, pem)).isEmpty();
		assertThat(CoinbaseSecret.parse(pem).key().kind()).isEqualTo(Kind.ED25519_PKCS8_PEM);
	}

	@Test
	void literalBackslashNIsReadAndNamed() {
		String pem = TestKeys.sec1Pem(TestKeys.p256()).replace("\n", "\\n");
		List<FormatFinding> findings = check(this.keyName, pem);
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.WARNING);
			assertThat(finding.message()).startsWith("COINBASE secret has literal \\n instead of newlines");
		});
		assertThat(CoinbaseSecret.parse(pem).ok()).isTrue();
	}

	@Test
	void crlfLineEndingsAreFine() {
		assertThat(check(this.keyName, TestKeys.sec1Pem(TestKeys.p256()).replace("\n", "\r\n"))).isEmpty();
	}

	@Test
	void pemOnOneLineIsReadWithAWarning() {
		String oneLine = TestKeys.sec1Pem(TestKeys.p256()).replace("\n", " ");
		assertThat(check(this.keyName, oneLine)).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.WARNING);
			assertThat(finding.message()).contains("without line breaks");
		});
	}

	@Test
	void keysGeneratedByOpensslAreAccepted() throws Exception {
		Path openssl = ExternalTool.require("openssl", "apt-get install openssl");
		String sec1 = run(openssl.toString(), "ecparam", "-name", "prime256v1", "-genkey", "-noout");
		String pkcs8 = run(openssl.toString(), "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256");
		String ed25519 = run(openssl.toString(), "genpkey", "-algorithm", "ED25519");
		assertThat(sec1).startsWith("-----BEGIN EC PRIVATE KEY-----");
		assertThat(CoinbaseSecret.parse(sec1).key().kind()).isEqualTo(Kind.EC_SEC1_PEM);
		assertThat(CoinbaseSecret.parse(pkcs8).key().kind()).isEqualTo(Kind.EC_PKCS8_PEM);
		assertThat(CoinbaseSecret.parse(ed25519).key().kind()).isEqualTo(Kind.ED25519_PKCS8_PEM);
		String k1 = run(openssl.toString(), "ecparam", "-name", "secp256k1", "-genkey", "-noout");
		assertThat(singleError(k1).message()).contains("secp256k1");
	}

	// --- bad secrets

	@Test
	void otherCurvesAreErrors() {
		String p384 = TestKeys.pem("EC PRIVATE KEY", TestKeys.sec1Der(TestKeys.ec("secp384r1"), TestKeys.OID_P384));
		assertThat(singleError(p384).message()).contains("P-384").contains("P-256");
		assertThat(singleError(TestKeys.pkcs8Pem(TestKeys.ec("secp384r1"))).message()).contains("P-384");
	}

	@Test
	void rsaAndPublicKeysAreErrors() {
		KeyPair rsa = TestKeys.rsa();
		assertThat(singleError(TestKeys.pkcs8Pem(rsa)).message()).contains("RSA");
		assertThat(singleError(TestKeys.pem("RSA PRIVATE KEY", TestKeys.random(600))).message()).contains("RSA");
		assertThat(singleError(TestKeys.publicPem(TestKeys.p256())).message()).contains("public key");
		assertThat(singleError(TestKeys.pem("ENCRYPTED PRIVATE KEY", TestKeys.random(200))).message())
			.contains("encrypted");
	}

	@Test
	void truncatedPemIsAnError() {
		String pem = TestKeys.sec1Pem(TestKeys.p256());
		assertThat(singleError(pem.substring(0, pem.indexOf("-----END"))).message()).contains("cut off");
		String body = pem.substring(0, 100) + pem.substring(pem.indexOf("\n-----END"));
		assertThat(singleError(body).isError()).isTrue();
	}

	@Test
	void damagedPublicHalfIsAnError() {
		KeyPair pair = TestKeys.p256();
		byte[] der = TestKeys.sec1Der(pair, TestKeys.OID_P256);
		der[der.length - 5] ^= 0x01;
		assertThat(singleError(TestKeys.pem("EC PRIVATE KEY", der)).message()).contains("public half");
		byte[] stitched = TestKeys.sec1Der(pair, TestKeys.OID_P256);
		byte[] other = TestKeys.sec1Der(TestKeys.p256(), TestKeys.OID_P256);
		System.arraycopy(other, other.length - 64, stitched, stitched.length - 64, 64);
		assertThat(singleError(TestKeys.pem("EC PRIVATE KEY", stitched)).message()).contains("does not match");
	}

	@Test
	void ed25519WithAForeignPublicHalfIsAnError() {
		byte[] a = Base64.getDecoder().decode(TestKeys.ed25519Secret(TestKeys.ed25519()));
		byte[] b = Base64.getDecoder().decode(TestKeys.ed25519Secret(TestKeys.ed25519()));
		System.arraycopy(b, 32, a, 32, 32);
		assertThat(singleError(Base64.getEncoder().encodeToString(a)).message()).contains("public half");
	}

	@Test
	void wrongLengthBase64IsAnError() {
		assertThat(singleError(Base64.getEncoder().encodeToString(TestKeys.random(32))).message())
			.contains("32 bytes");
		String der = Base64.getEncoder().encodeToString(TestKeys.sec1Der(TestKeys.p256(), TestKeys.OID_P256));
		assertThat(singleError(der).message()).contains("without its -----BEGIN and -----END lines");
	}

	@Test
	void quotedSecretIsAnError() {
		assertThat(singleError("\"" + TestKeys.sec1Pem(TestKeys.p256()).strip() + "\"").message()).contains("quotes");
	}

	@Test
	void wholeKeyFileIsAnError() {
		String pem = TestKeys.sec1Pem(TestKeys.p256());
		String json = "{\"name\": \"" + this.keyName + "\",\n \"privateKey\": \"" + pem.replace("\n", "\\n") + "\"\n}";
		assertThat(check(this.keyName, json)).extracting(FormatFinding::message)
			.anySatisfy((message) -> assertThat(message).contains("whole downloaded key file"));
	}

	@Test
	void garbageIsAnError() {
		assertThat(singleError("not a key at all").message()).contains("neither a PEM private key");
	}

	// --- key names and the legacy shape

	@Test
	void keyNameShapes() {
		String secret = TestKeys.sec1Pem(TestKeys.p256());
		assertThat(check(this.keyName, secret)).isEmpty();
		assertThat(check(UUID.randomUUID().toString(), secret)).isEmpty();
		assertThat(check("my-coinbase-key", secret)).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.WARNING);
			assertThat(finding.variableRole()).isEqualTo("key");
			assertThat(finding.message()).contains("organizations/{org}/apiKeys/{id}");
		});
		assertThat(check("organizations/abc/keys/def", secret)).singleElement()
			.satisfies((finding) -> assertThat(finding.message()).contains("starts like one"));
		assertThat(check(secret, this.keyName)).extracting(FormatFinding::message)
			.anySatisfy((message) -> assertThat(message).contains("swapped"));
	}

	@Test
	void legacyKeyIsAnError() {
		List<FormatFinding> findings = check("a1B2c3D4e5F6g7H8", "0123456789abcdefABCDEF0123456789");
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.ERROR);
			assertThat(finding.message()).contains("legacy").contains("retired these in 2025");
		});
	}

	@Test
	void hostileSecretsAreAnsweredQuickly() {
		String endless = "-----BEGIN EC PRIVATE KEY-----\n" + "A".repeat(16_000);
		String huge = "-----BEGIN EC PRIVATE KEY-----\n" + "A".repeat(5_000_000) + "\n-----END EC PRIVATE KEY-----";
		byte[] lying = { 0x30, (byte) 0x83, 0x7f, (byte) 0xff, (byte) 0xff, 0x02, 0x01, 0x01 };
		char[] binary = new char[16_000];
		for (int i = 0; i < binary.length; i++) {
			binary[i] = (char) (i * 31 % 65536);
		}
		String manyHeaders = "-----BEGIN ".repeat(1_400);
		assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
			for (String secret : List.of(endless, huge, TestKeys.pem("EC PRIVATE KEY", lying),
					TestKeys.pem("PRIVATE KEY", lying), new String(binary), manyHeaders, "\u0000",
					TestKeys.pem("EC PRIVATE KEY", new byte[0]))) {
				assertThat(check(this.keyName, secret)).extracting(FormatFinding::severity).contains(Severity.ERROR);
			}
		});
	}

	private static String run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
		byte[] out = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isZero();
		return new String(out, StandardCharsets.US_ASCII);
	}

}
