package io.credentialhealth.broker.coinbase;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.credentialhealth.broker.ValueShape;
import io.credentialhealth.broker.coinbase.Der.DerException;
import io.credentialhealth.broker.coinbase.Der.Tlv;

/**
 * Reads a Coinbase CDP API secret with the JDK alone: an EC P-256 private key in PEM, either SEC1
 * ({@code EC PRIVATE KEY}, what Coinbase hands out) or PKCS#8 ({@code PRIVATE KEY}), also when its
 * newlines arrived as literal {@code \n}; or an Ed25519 key, which Coinbase gives as base64 of 64
 * bytes (32-byte seed followed by the 32-byte public key), or as PKCS#8 PEM. When the key carries
 * its public half, the two halves are checked against each other with a probe signature, which
 * catches a key damaged by editing or truncation.
 *
 * <p>Problems are described by shape only. The input is capped at
 * {@link ValueShape#MAX_SECRET_LENGTH} characters before any parsing.
 */
public final class CoinbaseSecret {

	// OIDs, DER content bytes.
	private static final byte[] OID_EC_PUBLIC_KEY = { 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01 };

	private static final byte[] OID_P256 = { 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07 };

	private static final byte[] OID_SECP256K1 = { 0x2B, (byte) 0x81, 0x04, 0x00, 0x0A };

	private static final byte[] OID_P384 = { 0x2B, (byte) 0x81, 0x04, 0x00, 0x22 };

	private static final byte[] OID_P521 = { 0x2B, (byte) 0x81, 0x04, 0x00, 0x23 };

	private static final byte[] OID_ED25519 = { 0x2B, 0x65, 0x70 };

	private static final byte[] OID_ED448 = { 0x2B, 0x65, 0x71 };

	private static final byte[] OID_RSA = { 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01 };

	/** SubjectPublicKeyInfo prefix of a raw 32-byte Ed25519 public key. */
	private static final byte[] ED25519_SPKI_PREFIX = { 0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03,
			0x21, 0x00 };

	private static final Pattern PEM_BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]{1,40})-----");

	private static final byte[] PROBE = "credential-health key check".getBytes(StandardCharsets.US_ASCII);

	private static final ECParameterSpec P256 = p256();

	private CoinbaseSecret() {
	}

	/**
	 * The kind of key a secret turned out to be.
	 */
	public enum Kind {

		EC_SEC1_PEM("EC P-256 (SEC1 PEM)", "ES256", "SHA256withECDSAinP1363Format"),
		EC_PKCS8_PEM("EC P-256 (PKCS#8 PEM)", "ES256", "SHA256withECDSAinP1363Format"),
		ED25519_BASE64("Ed25519 (base64)", "EdDSA", "Ed25519"),
		ED25519_PKCS8_PEM("Ed25519 (PKCS#8 PEM)", "EdDSA", "Ed25519");

		private final String description;

		private final String jwtAlgorithm;

		private final String signatureAlgorithm;

		Kind(String description, String jwtAlgorithm, String signatureAlgorithm) {
			this.description = description;
			this.jwtAlgorithm = jwtAlgorithm;
			this.signatureAlgorithm = signatureAlgorithm;
		}

		public String description() {
			return this.description;
		}

		/** The JWT {@code alg}: ES256 (signature r‖s) or EdDSA. */
		public String jwtAlgorithm() {
			return this.jwtAlgorithm;
		}

		/** The JCA algorithm that produces exactly the JWT signature bytes. */
		public String signatureAlgorithm() {
			return this.signatureAlgorithm;
		}

	}

	/**
	 * A usable private key. Not a record, so that no generated {@code toString()} can print the key.
	 */
	public static final class Key {

		private final Kind kind;

		private final PrivateKey privateKey;

		Key(Kind kind, PrivateKey privateKey) {
			this.kind = kind;
			this.privateKey = privateKey;
		}

		public Kind kind() {
			return this.kind;
		}

		public byte[] sign(byte[] data) throws GeneralSecurityException {
			Signature signature = Signature.getInstance(this.kind.signatureAlgorithm());
			signature.initSign(this.privateKey);
			signature.update(data);
			return signature.sign();
		}

		@Override
		public String toString() {
			return "CoinbaseSecret.Key[" + this.kind + "]";
		}

	}

	/**
	 * The outcome of reading a secret: a key, or a problem; plus the accidents noticed on the way.
	 *
	 * @param key the key, or {@code null} when the secret could not be read
	 * @param problem why it could not be read (shape only), or {@code null}
	 * @param literalNewlines the PEM's line breaks arrived as the two characters {@code \n}
	 * @param missingLineBreaks the PEM has no line breaks at all (pasted as one line)
	 */
	public record Parsed(Key key, String problem, boolean literalNewlines, boolean missingLineBreaks) {

		static Parsed ok(Key key, boolean literalNewlines, boolean missingLineBreaks) {
			return new Parsed(key, null, literalNewlines, missingLineBreaks);
		}

		static Parsed failed(String problem, boolean literalNewlines) {
			return new Parsed(null, problem, literalNewlines, false);
		}

		public boolean ok() {
			return this.key != null;
		}

	}

	public static Parsed parse(String secret) {
		if (secret == null || secret.isBlank()) {
			return Parsed.failed("is empty", false);
		}
		if (secret.length() > ValueShape.MAX_SECRET_LENGTH) {
			return Parsed.failed("is " + ValueShape.chars(secret.length()) + " long, far more than a private key", false);
		}
		String text = secret.strip();
		if (ValueShape.isQuoted(text)) {
			return Parsed.failed("is wrapped in quotes; remove them", false);
		}
		if (text.contains("-----BEGIN")) {
			boolean literal = text.contains("\\n");
			if (literal) {
				text = text.replace("\\r\\n", "\n").replace("\\n", "\n");
			}
			text = text.replace("\r\n", "\n");
			return parsePem(text, literal);
		}
		return parseEd25519Base64(text);
	}

	private static Parsed parsePem(String text, boolean literal) {
		Matcher begin = PEM_BEGIN.matcher(text);
		if (!begin.find()) {
			return Parsed.failed("contains '-----BEGIN' but no complete PEM header line", literal);
		}
		String type = begin.group(1);
		String endMarker = "-----END " + type + "-----";
		int end = text.indexOf(endMarker, begin.end());
		if (end < 0) {
			return Parsed.failed("has no '" + endMarker + "' line: it was cut off", literal);
		}
		if (!text.substring(0, begin.start()).isBlank() || !text.substring(end + endMarker.length()).isBlank()) {
			return Parsed.failed("has other text around the PEM block (the whole downloaded key file pasted?); "
					+ "keep only the lines from -----BEGIN to -----END", literal);
		}
		String body = text.substring(begin.end(), end);
		if (body.indexOf(':') >= 0) {
			return Parsed.failed("has PEM headers (an encrypted key?); Coinbase keys are plain PEM", literal);
		}
		boolean missingLineBreaks = text.indexOf('\n') < 0;
		String base64 = body.replaceAll("\\s+", "");
		String base64Problem = ValueShape.base64Problem(base64);
		if (base64Problem != null) {
			return Parsed.failed("has a PEM body that is not base64: it " + base64Problem, literal);
		}
		byte[] der;
		try {
			der = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			return Parsed.failed("has a PEM body that is not base64", literal);
		}
		try {
			Key key = switch (type) {
				case "EC PRIVATE KEY" -> parseSec1(der, null, Kind.EC_SEC1_PEM);
				case "PRIVATE KEY" -> parsePkcs8(der);
				case "ENCRYPTED PRIVATE KEY" -> throw new KeyProblem(
						"is an encrypted private key; Coinbase keys are not encrypted, paste the key as downloaded");
				case "RSA PRIVATE KEY" -> throw new KeyProblem(
						"is an RSA key; Coinbase CDP keys are EC P-256 (ECDSA) or Ed25519");
				default -> throw new KeyProblem(type.contains("PUBLIC")
						? "is a public key (" + type + "); the secret must be the private key"
						: "is a PEM '" + type + "' block, not an EC or Ed25519 private key");
			};
			return Parsed.ok(key, literal, missingLineBreaks);
		}
		catch (KeyProblem ex) {
			return Parsed.failed(ex.getMessage(), literal);
		}
		catch (DerException ex) {
			return Parsed.failed("has a PEM body that is not a valid key structure (" + ex.getMessage()
					+ "): it was probably damaged while copying", literal);
		}
	}

	/**
	 * SEC1 ECPrivateKey: SEQUENCE { INTEGER 1, OCTET STRING d, [0] curve OID OPTIONAL, [1] BIT STRING
	 * public point OPTIONAL }.
	 */
	private static Key parseSec1(byte[] der, byte[] outerCurve, Kind kind) throws DerException, KeyProblem {
		Der.Reader outer = new Der.Reader(der);
		Tlv sequence = outer.next(Der.SEQUENCE, "a SEQUENCE");
		if (outer.hasMore()) {
			throw new KeyProblem("has extra bytes after the key: it was probably damaged while copying");
		}
		Der.Reader fields = sequence.children();
		Tlv version = fields.next(Der.INTEGER, "a version");
		if (version.content().length != 1 || version.content()[0] != 1) {
			throw new KeyProblem("is not an EC private key (unexpected SEC1 version)");
		}
		byte[] scalar = fields.next(Der.OCTET_STRING, "a private scalar").content();
		byte[] curve = outerCurve;
		byte[] publicPoint = null;
		while (fields.hasMore()) {
			Tlv field = fields.next();
			if (field.is(Der.CONTEXT_0)) {
				curve = field.children().next(Der.OID, "a curve OID").content();
			}
			else if (field.is(Der.CONTEXT_1)) {
				publicPoint = field.children().next(Der.BIT_STRING, "a public key").content();
			}
		}
		if (curve != null && !Arrays.equals(curve, OID_P256)) {
			throw new KeyProblem("is an EC key on " + curveName(curve) + "; Coinbase uses P-256 (prime256v1)");
		}
		if (scalar.length == 0 || scalar.length > 32) {
			throw new KeyProblem("is not a P-256 key (private scalar of " + scalar.length + " bytes)");
		}
		BigInteger d = new BigInteger(1, scalar);
		if (d.signum() == 0 || d.compareTo(P256.getOrder()) >= 0) {
			throw new KeyProblem("has a private scalar outside the P-256 range: it was damaged");
		}
		try {
			PrivateKey privateKey = KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(d, P256));
			Key key = new Key(kind, privateKey);
			if (publicPoint != null) {
				checkEcPublicHalf(key, publicPoint);
			}
			return key;
		}
		catch (GeneralSecurityException ex) {
			throw new KeyProblem("could not be loaded as an EC P-256 key (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private static void checkEcPublicHalf(Key key, byte[] bitString) throws KeyProblem, GeneralSecurityException {
		// BIT STRING content: unused-bits byte, then 0x04 X Y for an uncompressed point.
		if (bitString.length != 66 || bitString[0] != 0 || bitString[1] != 0x04) {
			return; // compressed or unusual encodings: nothing to compare cheaply
		}
		BigInteger x = new BigInteger(1, Arrays.copyOfRange(bitString, 2, 34));
		BigInteger y = new BigInteger(1, Arrays.copyOfRange(bitString, 34, 66));
		PublicKey publicKey;
		try {
			publicKey = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), P256));
		}
		catch (GeneralSecurityException ex) {
			throw new KeyProblem("has a public half that is not a valid P-256 point: it was damaged");
		}
		if (!probe(key, publicKey)) {
			throw new KeyProblem("has a public half that does not match its private half: it was damaged or "
					+ "stitched together from two keys");
		}
	}

	/**
	 * PKCS#8 PrivateKeyInfo: SEQUENCE { INTEGER version, SEQUENCE { OID algorithm, parameters },
	 * OCTET STRING privateKey, ... }.
	 */
	private static Key parsePkcs8(byte[] der) throws DerException, KeyProblem {
		Der.Reader outer = new Der.Reader(der);
		Tlv sequence = outer.next(Der.SEQUENCE, "a SEQUENCE");
		Der.Reader fields = sequence.children();
		fields.next(Der.INTEGER, "a version");
		Der.Reader algorithm = fields.next(Der.SEQUENCE, "an algorithm").children();
		byte[] oid = algorithm.next(Der.OID, "an algorithm OID").content();
		byte[] privateKey = fields.next(Der.OCTET_STRING, "a private key").content();
		if (Arrays.equals(oid, OID_EC_PUBLIC_KEY)) {
			byte[] curve = algorithm.hasMore() ? algorithm.next(Der.OID, "a curve OID").content() : null;
			return parseSec1(privateKey, curve, Kind.EC_PKCS8_PEM);
		}
		if (Arrays.equals(oid, OID_ED25519)) {
			byte[] seed = new Der.Reader(privateKey).next(Der.OCTET_STRING, "an Ed25519 seed").content();
			if (seed.length != 32) {
				throw new KeyProblem("is an Ed25519 key with a seed of " + seed.length + " bytes instead of 32");
			}
			return new Key(Kind.ED25519_PKCS8_PEM, ed25519(seed));
		}
		if (Arrays.equals(oid, OID_RSA)) {
			throw new KeyProblem("is an RSA key; Coinbase CDP keys are EC P-256 (ECDSA) or Ed25519");
		}
		if (Arrays.equals(oid, OID_ED448)) {
			throw new KeyProblem("is an Ed448 key; Coinbase uses Ed25519");
		}
		throw new KeyProblem("is a PKCS#8 key of an algorithm Coinbase does not use");
	}

	private static Parsed parseEd25519Base64(String text) {
		String problem = ValueShape.base64Problem(text);
		if (problem != null) {
			return Parsed.failed("is neither a PEM private key (no -----BEGIN line) nor base64 of an Ed25519 key "
					+ "(it " + problem + ")", false);
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			return Parsed.failed("is neither a PEM private key nor base64", false);
		}
		if (bytes.length != 64) {
			if (bytes.length > 64 && bytes[0] == 0x30) {
				return Parsed.failed("looks like the body of a PEM key without its -----BEGIN and -----END lines",
						false);
			}
			return Parsed.failed("is base64 of " + bytes.length + " bytes; a Coinbase Ed25519 secret is 64 bytes "
					+ "(seed and public key) and an ECDSA secret is a PEM block", false);
		}
		try {
			Key key = new Key(Kind.ED25519_BASE64, ed25519(Arrays.copyOfRange(bytes, 0, 32)));
			PublicKey publicKey;
			try {
				byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
				System.arraycopy(bytes, 32, spki, ED25519_SPKI_PREFIX.length, 32);
				publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
			}
			catch (GeneralSecurityException | RuntimeException ex) {
				return Parsed.failed("is 64 bytes whose second half is not an Ed25519 public key: it was damaged",
						false);
			}
			if (!probe(key, publicKey)) {
				return Parsed.failed("is 64 bytes whose public half does not match its private half: it was damaged "
						+ "or is not an Ed25519 key", false);
			}
			return Parsed.ok(key, false, false);
		}
		catch (KeyProblem ex) {
			return Parsed.failed(ex.getMessage(), false);
		}
		catch (GeneralSecurityException ex) {
			return Parsed.failed("could not be loaded as an Ed25519 key (" + ex.getClass().getSimpleName() + ")", false);
		}
	}

	private static PrivateKey ed25519(byte[] seed) throws KeyProblem {
		try {
			return KeyFactory.getInstance("Ed25519")
				.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
		}
		catch (GeneralSecurityException ex) {
			throw new KeyProblem("could not be loaded as an Ed25519 key (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private static boolean probe(Key key, PublicKey publicKey) throws GeneralSecurityException {
		byte[] signature = key.sign(PROBE);
		Signature verifier = Signature.getInstance(key.kind().signatureAlgorithm());
		verifier.initVerify(publicKey);
		verifier.update(PROBE);
		try {
			return verifier.verify(signature);
		}
		catch (java.security.SignatureException ex) {
			return false;
		}
	}

	private static String curveName(byte[] oid) {
		if (Arrays.equals(oid, OID_SECP256K1)) {
			return "secp256k1";
		}
		if (Arrays.equals(oid, OID_P384)) {
			return "P-384";
		}
		if (Arrays.equals(oid, OID_P521)) {
			return "P-521";
		}
		return "another curve";
	}

	private static ECParameterSpec p256() {
		try {
			AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
			parameters.init(new ECGenParameterSpec("secp256r1"));
			return parameters.getParameterSpec(ECParameterSpec.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK has no P-256 support", ex);
		}
	}

	/**
	 * A problem described by shape; its message is fixed text.
	 */
	static final class KeyProblem extends Exception {

		private static final long serialVersionUID = 1L;

		KeyProblem(String fixedMessage) {
			super(fixedMessage, null, false, false);
		}

	}

}
