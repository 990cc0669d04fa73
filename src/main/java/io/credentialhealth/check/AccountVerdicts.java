package io.credentialhealth.check;

/**
 * Verdicts from outside the check, such as a broker refusing a key during live verification. The
 * checker asks it for every configured account; a non-null answer makes the account REJECTED.
 */
@FunctionalInterface
public interface AccountVerdicts {

	AccountVerdicts NONE = (account) -> null;

	/** Why the account's key was refused, or null when it was not. */
	String rejection(String accountId);

}
