package io.credentialhealth.diagnosis;

/**
 * Bounded Damerau-Levenshtein distance (optimal string alignment: insertions, deletions,
 * substitutions and transpositions of neighbours). Built for short names: it gives up as soon as
 * the answer exceeds the bound, so a hostile or unrelated name costs little.
 */
final class EditDistance {

	private EditDistance() {
	}

	/**
	 * The distance between two strings, or {@code max + 1} when it is larger than {@code max}.
	 */
	static int bounded(String a, String b, int max) {
		if (Math.abs(a.length() - b.length()) > max) {
			return max + 1;
		}
		if (!histogramsClose(a, b, max)) {
			return max + 1;
		}
		int n = a.length();
		int m = b.length();
		int[] previous2 = new int[m + 1];
		int[] previous = new int[m + 1];
		int[] current = new int[m + 1];
		for (int j = 0; j <= m; j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= n; i++) {
			current[0] = i;
			int rowMinimum = current[0];
			for (int j = 1; j <= m; j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					value = Math.min(value, previous2[j - 2] + 1);
				}
				current[j] = value;
				rowMinimum = Math.min(rowMinimum, value);
			}
			if (rowMinimum > max) {
				return max + 1;
			}
			int[] recycled = previous2;
			previous2 = previous;
			previous = current;
			current = recycled;
		}
		return Math.min(previous[m], max + 1);
	}

	/**
	 * Each edit changes the character counts by at most 2, so counts that differ by more than
	 * {@code 2 * max} rule a pair out in linear time.
	 */
	private static boolean histogramsClose(String a, String b, int max) {
		int[] counts = new int[128];
		int other = 0;
		for (int i = 0; i < a.length(); i++) {
			char c = a.charAt(i);
			if (c < 128) {
				counts[c]++;
			}
			else {
				other++;
			}
		}
		for (int i = 0; i < b.length(); i++) {
			char c = b.charAt(i);
			if (c < 128) {
				counts[c]--;
			}
			else {
				other--;
			}
		}
		int difference = Math.abs(other);
		for (int count : counts) {
			difference += Math.abs(count);
		}
		return difference <= 2 * max;
	}

}
