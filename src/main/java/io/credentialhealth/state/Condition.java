package io.credentialhealth.state;

/** How a variable looked at a check, remembered so the next check (or restart) can see a change. */
public enum Condition {

	/** Present, clean and passing the broker's format rules. */
	VALID,

	/** Missing, empty or blank. */
	ABSENT,

	/** Present but unusable (quoted, placeholder, wrong format...). */
	UNUSABLE

}
