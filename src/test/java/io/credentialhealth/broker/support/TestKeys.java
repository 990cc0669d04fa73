package io.credentialhealth.broker.support;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Real keys for tests, generated with the JDK and encoded by hand (independently of the code under
 * test) the way Coinbase, Kraken and Alpaca hand them out.
 */
public final class TestKeys {

	public static final byte[] OID_P256 = { 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07 };

	public static final byte[] OID_P384 = { 0x2B, (byte) 0x81, 0x04, 0x00, 0x22 };

	private static final SecureRandom RANDOM = new SecureRandom();

	private TestKeys() {
	}

	public static KeyPair ec(String curve) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec(curve));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static KeyPair p256() {
		return ec("secp256r1");
	}

	public static KeyPair ed25519() {
		try {
			return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** SEC1 DER as OpenSSL writes it: version, scalar, [0] curve OID, [1] public point. */
	public static byte[] sec1Der(KeyPair pair, byte[] curveOid) {
		ECPrivateKey privateKey = (ECPrivateKey) pair.getPrivate();
		ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
		int size = (privateKey.getParams().getCurve().getField().getFieldSize() + 7) / 8;
		byte[] scalar = fixed(privateKey.getS(), size);
		byte[] point = new byte[1 + 2 * size];
		point[0] = 0x04;
		System.arraycopy(fixed(publicKey.getW().getAffineX(), size), 0, point, 1, size);
		System.arraycopy(fixed(publicKey.getW().getAffineY(), size), 0, point, 1 + size, size);
		byte[] bitString = new byte[point.length + 1];
		System.arraycopy(point, 0, bitString, 1, point.length);
		return tlv(0x30, concat(tlv(0x02, new byte[] { 1 }), tlv(0x04, scalar), tlv(0xA0, tlv(0x06, curveOid)),
				tlv(0xA1, tlv(0x03, bitString))));
	}

	public static String sec1Pem(KeyPair pair) {
		return pem("EC PRIVATE KEY", sec1Der(pair, OID_P256));
	}

	public static String pkcs8Pem(KeyPair pair) {
		return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
	}

	public static String publicPem(KeyPair pair) {
		return pem("PUBLIC KEY", pair.getPublic().getEncoded());
	}

	/** Coinbase's Ed25519 secret: base64 of the 32-byte seed followed by the 32-byte public key. */
	public static String ed25519Secret(KeyPair pair) {
		byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
		byte[] spki = pair.getPublic().getEncoded();
		byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
		return Base64.getEncoder().encodeToString(concat(seed, raw));
	}

	public static String pem(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}

	/** A Kraken private key: base64 of 64 random bytes (88 characters). */
	public static String krakenSecret() {
		return Base64.getEncoder().encodeToString(random(64));
	}

	/** A Kraken API key: base64 of 42 random bytes (56 characters). */
	public static String krakenKey() {
		return Base64.getEncoder().encodeToString(random(42));
	}

	public static String alpacaKey(String prefix) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
		StringBuilder key = new StringBuilder(prefix);
		while (key.length() < 20) {
			key.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return key.toString();
	}

	public static String alpacaSecret() {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
		StringBuilder secret = new StringBuilder();
		while (secret.length() < 40) {
			secret.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return secret.toString();
	}

	public static String coinbaseKeyName() {
		return "organizations/" + java.util.UUID.randomUUID() + "/apiKeys/" + java.util.UUID.randomUUID();
	}

	public static byte[] random(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	static byte[] fixed(BigInteger value, int size) {
		byte[] bytes = value.toByteArray();
		if (bytes.length == size) {
			return bytes;
		}
		byte[] out = new byte[size];
		if (bytes.length > size) {
			System.arraycopy(bytes, bytes.length - size, out, 0, size);
		}
		else {
			System.arraycopy(bytes, 0, out, size - bytes.length, bytes.length);
		}
		return out;
	}

	static byte[] tlv(int tag, byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(tag);
		int length = content.length;
		if (length < 0x80) {
			out.write(length);
		}
		else if (length < 0x100) {
			out.write(0x81);
			out.write(length);
		}
		else {
			out.write(0x82);
			out.write(length >> 8);
			out.write(length & 0xff);
		}
		out.writeBytes(content);
		return out.toByteArray();
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
