package io.credentialhealth.broker.kraken;

import java.util.ArrayList;
import java.util.List;

import io.credentialhealth.broker.Broker;
import io.credentialhealth.broker.CredentialValues;
import io.credentialhealth.broker.FormatFinding;
import io.credentialhealth.broker.FormatRules;
import io.credentialhealth.broker.ValueShape;

/**
 * Kraken: the private key is base64 of exactly 64 bytes (error otherwise); the API key is usually
 * 56 characters of base64 (warning otherwise).
 */
public final class KrakenFormatRules implements FormatRules {

	/** Length of a Kraken API key: base64 of 42 bytes. */
	public static final int KEY_LENGTH = 56;

	/** Decoded length of a Kraken private key. */
	public static final int SECRET_BYTES = 64;

	@Override
	public Broker broker() {
		return Broker.KRAKEN;
	}

	@Override
	public List<FormatFinding> check(CredentialValues values) {
		List<FormatFinding> findings = new ArrayList<>();
		if (values.secret() != null && values.key() != null && looksSwapped(values.key(), values.secret())) {
			findings.add(FormatFinding.error(FormatFinding.SECRET,
					"KRAKEN key and secret look swapped: the key has the shape of a private key (88 characters, "
							+ "64 bytes) and the secret the shape of an API key (56 characters)"));
			return findings;
		}
		if (values.secret() != null) {
			checkSecret(values.secret(), findings);
		}
		if (values.key() != null) {
			checkKey(values.key(), findings);
		}
		return findings;
	}

	private void checkSecret(String secret, List<FormatFinding> findings) {
		if (secret.length() > ValueShape.MAX_SECRET_LENGTH) {
			findings.add(FormatFinding.error(FormatFinding.SECRET, "KRAKEN secret is " + ValueShape.chars(secret.length())
					+ " long; a Kraken private key is 88 characters of base64"));
			return;
		}
		String whitespace = ValueShape.surroundingWhitespace(secret);
		if (whitespace != null) {
			findings.add(FormatFinding.warning(FormatFinding.SECRET,
					"KRAKEN secret " + whitespace + "; remove it, not every client strips it"));
		}
		String trimmed = secret.strip();
		String problem = ValueShape.base64Problem(trimmed);
		if (problem != null) {
			findings.add(FormatFinding.error(FormatFinding.SECRET, "KRAKEN secret is not base64: it " + problem
					+ "; it should be the 88-character private key shown when the API key was created"));
			return;
		}
		byte[] bytes = KrakenSigner.decodeSecret(trimmed);
		if (bytes == null) {
			findings.add(FormatFinding.error(FormatFinding.SECRET, "KRAKEN secret is not valid base64"));
			return;
		}
		int decoded = bytes.length;
		if (decoded != SECRET_BYTES) {
			findings.add(FormatFinding.error(FormatFinding.SECRET,
					"KRAKEN secret decodes to " + decoded + " bytes instead of " + SECRET_BYTES + " ("
							+ ValueShape.chars(trimmed.length()) + " instead of 88): it is truncated, padded, "
							+ "or not the private key"));
		}
	}

	private void checkKey(String key, List<FormatFinding> findings) {
		if (key.length() > ValueShape.MAX_KEY_LENGTH) {
			findings.add(FormatFinding.warning(FormatFinding.KEY, "KRAKEN key is " + ValueShape.chars(key.length())
					+ " long; a Kraken API key is " + KEY_LENGTH + " characters of base64"));
			return;
		}
		String whitespace = ValueShape.surroundingWhitespace(key);
		if (whitespace != null) {
			findings.add(FormatFinding.warning(FormatFinding.KEY,
					"KRAKEN key " + whitespace + "; it is sent as an HTTP header, remove it"));
		}
		String trimmed = key.strip();
		String problem = ValueShape.base64Problem(trimmed);
		if (problem != null) {
			findings.add(FormatFinding.warning(FormatFinding.KEY, "KRAKEN key does not look like a Kraken API key: it "
					+ problem + " (usually " + KEY_LENGTH + " characters of base64)"));
		}
		else if (trimmed.length() != KEY_LENGTH) {
			findings.add(FormatFinding.warning(FormatFinding.KEY, "KRAKEN key is " + ValueShape.chars(trimmed.length())
					+ " long; Kraken API keys are usually " + KEY_LENGTH));
		}
	}

	private static boolean looksSwapped(String key, String secret) {
		if (key.length() > ValueShape.MAX_KEY_LENGTH || secret.length() > ValueShape.MAX_SECRET_LENGTH) {
			return false;
		}
		String k = key.strip();
		String s = secret.strip();
		if (ValueShape.base64Problem(k) != null || ValueShape.base64Problem(s) != null) {
			return false;
		}
		byte[] keyBytes = KrakenSigner.decodeSecret(k);
		return s.length() == KEY_LENGTH && keyBytes != null && keyBytes.length == SECRET_BYTES;
	}

}
