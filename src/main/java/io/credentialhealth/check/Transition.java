package io.credentialhealth.check;

import java.util.Locale;

/** A change worth telling someone about. */
public enum Transition {

	LOST, RESTORED, ROTATED, INVALID, REJECTED;

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
