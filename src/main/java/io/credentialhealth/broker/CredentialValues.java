package io.credentialhealth.broker;

/**
 * The raw values of one account's credential, handed to format rules and verifiers only. Any
 * component may be {@code null} when its variable is absent; {@code paper} exists for Alpaca only.
 * {@link #toString()} is overridden so that a stray log statement or exception message cannot
 * print a value.
 *
 * @param key the API key (Coinbase: the key name)
 * @param secret the API secret (Coinbase: the private key)
 * @param paper Alpaca's paper-trading flag as written, or {@code null}
 */
public record CredentialValues(String key, String secret, String paper) {

	public CredentialValues(String key, String secret) {
		this(key, secret, null);
	}

	@Override
	public String toString() {
		return "CredentialValues[key=" + maskKey(this.key) + ", secret=" + ((this.secret != null) ? "[hidden]" : "null")
				+ ", paper=" + describePaper(this.paper) + "]";
	}

	/**
	 * The first four characters of a key followed by an ellipsis: enough to tell keys apart,
	 * never enough to use one. Keys of eight characters or fewer are hidden entirely.
	 */
	public static String maskKey(String key) {
		if (key == null) {
			return "null";
		}
		if (key.length() <= 8) {
			return "[hidden]";
		}
		StringBuilder preview = new StringBuilder(5);
		for (int i = 0; i < 4; i++) {
			char c = key.charAt(i);
			preview.append((c >= 0x20 && c < 0x7f) ? c : '?');
		}
		return preview.append('\u2026').toString();
	}

	// The paper flag is not a secret, but only its two legal values are echoed verbatim.
	private static String describePaper(String paper) {
		if (paper == null) {
			return "null";
		}
		return ("true".equals(paper) || "false".equals(paper)) ? paper : "[" + paper.length() + " chars]";
	}

}
