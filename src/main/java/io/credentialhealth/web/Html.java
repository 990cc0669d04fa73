package io.credentialhealth.web;

/** Escaping for text and attribute values: every string that reaches the page goes through it. */
final class Html {

	private Html() {
	}

	static String escape(Object value) {
		String text = String.valueOf(value);
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	/** A value usable in an id attribute and a URL fragment: letters, digits, '-' and '_' only. */
	static String id(String value) {
		return value.replaceAll("[^A-Za-z0-9_-]", "_");
	}

}
