package io.credentialhealth.broker.coinbase;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.credentialhealth.broker.Broker;
import io.credentialhealth.broker.CredentialValues;
import io.credentialhealth.broker.FormatFinding;
import io.credentialhealth.broker.FormatRules;
import io.credentialhealth.broker.ValueShape;

/**
 * Coinbase (Advanced Trade with CDP keys): the key name looks like
 * {@code organizations/{org}/apiKeys/{id}} (or, for newer keys, is the bare key id) (warning
 * otherwise); the secret is an EC P-256 private key in PEM or an Ed25519 key (error otherwise),
 * with a warning when its newlines arrived as literal {@code \n}; a 16-character key with a
 * 32-character secret is a legacy key that Coinbase retired in 2025 (error).
 */
public final class CoinbaseFormatRules implements FormatRules {

	private static final String ID = "[0-9A-Za-z][0-9A-Za-z-]{0,63}";

	private static final Pattern KEY_NAME = Pattern.compile("organizations/" + ID + "/apiKeys/" + ID);

	private static final Pattern KEY_ID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	@Override
	public Broker broker() {
		return Broker.COINBASE;
	}

	/**
	 * The retired pre-CDP key shape: a 16-character key with a 32-character secret.
	 */
	public static boolean isLegacy(CredentialValues values) {
		return values.key() != null && values.secret() != null && values.key().strip().length() == 16
				&& values.secret().strip().length() == 32;
	}

	@Override
	public List<FormatFinding> check(CredentialValues values) {
		List<FormatFinding> findings = new ArrayList<>();
		if (isLegacy(values)) {
			findings.add(FormatFinding.error(FormatFinding.KEY, "COINBASE key is a legacy API key (16-character key, "
					+ "32-character secret); Coinbase retired these in 2025. Create a CDP API key "
					+ "(organizations/{org}/apiKeys/{id} with an EC or Ed25519 private key)"));
			return findings;
		}
		if (values.key() != null) {
			checkKeyName(values.key(), findings);
		}
		if (values.secret() != null) {
			checkSecret(values.secret(), findings);
		}
		return findings;
	}

	private void checkKeyName(String key, List<FormatFinding> findings) {
		if (key.length() > ValueShape.MAX_KEY_LENGTH) {
			findings.add(FormatFinding.warning(FormatFinding.KEY, "COINBASE key name is "
					+ ValueShape.chars(key.length()) + " long; it should look like organizations/{org}/apiKeys/{id}"));
			return;
		}
		String whitespace = ValueShape.surroundingWhitespace(key);
		if (whitespace != null) {
			findings.add(FormatFinding.warning(FormatFinding.KEY, "COINBASE key name " + whitespace
					+ "; it is signed into every request, remove it"));
		}
		String trimmed = key.strip();
		if (KEY_NAME.matcher(trimmed).matches() || KEY_ID.matcher(trimmed).matches()) {
			return;
		}
		String hint;
		if (trimmed.contains("-----BEGIN")) {
			hint = "it looks like a private key: are the key name and the secret swapped?";
		}
		else if (trimmed.startsWith("organizations/")) {
			hint = "it starts like one but does not continue as organizations/{org}/apiKeys/{id}";
		}
		else {
			hint = "it is " + ValueShape.chars(trimmed.length()) + " without that shape";
		}
		findings.add(FormatFinding.warning(FormatFinding.KEY,
				"COINBASE key name should look like organizations/{org}/apiKeys/{id}; " + hint));
	}

	private void checkSecret(String secret, List<FormatFinding> findings) {
		CoinbaseSecret.Parsed parsed = CoinbaseSecret.parse(secret);
		if (parsed.literalNewlines()) {
			findings.add(FormatFinding.warning(FormatFinding.SECRET, "COINBASE secret has literal \\n instead of "
					+ "newlines (a common environment-variable accident); it was read anyway, but a client that does "
					+ "not convert them will fail: store the key with real line breaks"));
		}
		if (!parsed.ok()) {
			findings.add(FormatFinding.error(FormatFinding.SECRET, "COINBASE secret is not a usable private key: it "
					+ parsed.problem() + ". Expected an EC P-256 PEM key (-----BEGIN EC PRIVATE KEY-----) or an "
					+ "Ed25519 key (base64 of 64 bytes)"));
			return;
		}
		if (parsed.missingLineBreaks()) {
			findings.add(FormatFinding.warning(FormatFinding.SECRET, "COINBASE secret is a PEM key without line "
					+ "breaks (pasted as one line?); it was read anyway, but many PEM readers need the line breaks"));
		}
	}

}
