package io.credentialhealth.broker.alpaca;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.credentialhealth.broker.Broker;
import io.credentialhealth.broker.CredentialValues;
import io.credentialhealth.broker.FormatFinding;
import io.credentialhealth.broker.FormatRules;
import io.credentialhealth.broker.ValueShape;

/**
 * Alpaca: the key id starts with PK (paper) or AK (live) (warning otherwise); the paper flag is
 * exactly {@code true} or {@code false} (error otherwise); a PK key with paper=false or an AK key
 * with paper=true is refused by the endpoint it would be sent to (error).
 */
public final class AlpacaFormatRules implements FormatRules {

	@Override
	public Broker broker() {
		return Broker.ALPACA;
	}

	/**
	 * Which environment a key id belongs to, judging by its prefix.
	 */
	public enum KeyKind {

		PAPER, LIVE, UNKNOWN;

		public static KeyKind of(String key) {
			if (key == null) {
				return UNKNOWN;
			}
			String trimmed = key.strip();
			if (trimmed.startsWith("PK")) {
				return PAPER;
			}
			if (trimmed.startsWith("AK")) {
				return LIVE;
			}
			return UNKNOWN;
		}

	}

	@Override
	public List<FormatFinding> check(CredentialValues values) {
		List<FormatFinding> findings = new ArrayList<>();
		String key = values.key();
		if (key != null) {
			checkKey(key, findings);
		}
		String paper = values.paper();
		if (paper != null) {
			Boolean flag = checkPaper(paper, findings);
			KeyKind kind = KeyKind.of(key);
			if (Boolean.FALSE.equals(flag) && kind == KeyKind.PAPER) {
				findings.add(FormatFinding.error(FormatFinding.PAPER, "ALPACA key id starts with PK (a paper key) "
						+ "but the paper flag is false: the live endpoint will refuse it. Set the flag to true, or "
						+ "use a live key (AK...)"));
			}
			else if (Boolean.TRUE.equals(flag) && kind == KeyKind.LIVE) {
				findings.add(FormatFinding.error(FormatFinding.PAPER, "ALPACA key id starts with AK (a live key) "
						+ "but the paper flag is true: the paper endpoint will refuse it. Set the flag to false, or "
						+ "use a paper key (PK...)"));
			}
		}
		if (values.secret() != null) {
			String secret = values.secret();
			if (secret.length() > ValueShape.MAX_SECRET_LENGTH) {
				findings.add(FormatFinding.warning(FormatFinding.SECRET, "ALPACA secret is "
						+ ValueShape.chars(secret.length()) + " long; Alpaca secrets are about 40 characters"));
			}
			else if (ValueShape.surroundingWhitespace(secret) != null) {
				findings.add(FormatFinding.warning(FormatFinding.SECRET, "ALPACA secret "
						+ ValueShape.surroundingWhitespace(secret) + "; it is sent as an HTTP header, remove it"));
			}
		}
		return findings;
	}

	private void checkKey(String key, List<FormatFinding> findings) {
		if (key.length() > ValueShape.MAX_KEY_LENGTH) {
			findings.add(FormatFinding.warning(FormatFinding.KEY, "ALPACA key id is " + ValueShape.chars(key.length())
					+ " long; Alpaca key ids are about 20 characters"));
			return;
		}
		String whitespace = ValueShape.surroundingWhitespace(key);
		if (whitespace != null) {
			findings.add(FormatFinding.warning(FormatFinding.KEY,
					"ALPACA key id " + whitespace + "; it is sent as an HTTP header, remove it"));
		}
		String trimmed = key.strip();
		if (KeyKind.of(trimmed) == KeyKind.UNKNOWN) {
			findings.add(FormatFinding.warning(FormatFinding.KEY, "ALPACA key id starts with neither PK (paper) "
					+ "nor AK (live); is it the secret, or a key from another broker?"));
		}
		else if (!trimmed.chars().allMatch((c) -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
			findings.add(FormatFinding.warning(FormatFinding.KEY,
					"ALPACA key id contains characters other than upper-case letters and digits"));
		}
	}

	/**
	 * Returns the flag when it is exactly {@code true} or {@code false}, else records an error and
	 * returns {@code null}.
	 */
	private Boolean checkPaper(String paper, List<FormatFinding> findings) {
		if ("true".equals(paper)) {
			return Boolean.TRUE;
		}
		if ("false".equals(paper)) {
			return Boolean.FALSE;
		}
		String how;
		String normalized = (paper.length() <= 16) ? paper.strip().toLowerCase(Locale.ROOT) : "";
		if (paper.isEmpty()) {
			how = "it is empty";
		}
		else if (normalized.equals("true") || normalized.equals("false")) {
			how = paper.strip().equals(normalized) ? "it has whitespace around it" : "it is not in lower case";
		}
		else if (normalized.equals("1") || normalized.equals("0") || normalized.equals("yes")
				|| normalized.equals("no")) {
			how = "it is written as a number or yes/no";
		}
		else {
			how = "it is " + ValueShape.chars(paper.length()) + " of something else";
		}
		findings.add(FormatFinding.error(FormatFinding.PAPER,
				"ALPACA paper flag must be exactly true or false, but " + how));
		return null;
	}

}
