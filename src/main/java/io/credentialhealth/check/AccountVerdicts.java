package io.credentialhealth.check;

import java.util.Map;

import io.credentialhealth.registry.Account;
import io.credentialhealth.registry.VariableRole;
import io.credentialhealth.source.SourcedValue;

/**
 * Verdicts from outside the check, such as a broker refusing a key during live verification. The
 * checker asks it for every configured account; a non-null answer makes the account REJECTED.
 */
@FunctionalInterface
public interface AccountVerdicts {

	AccountVerdicts NONE = (account) -> null;

	/** Why the account's key was refused, or null when it was not. */
	String rejection(String accountId);

	/**
	 * Why the account's current values were refused, or null. The values are the ones this check
	 * read (they live only for the call), so a verdict can be tied to what was actually verified and
	 * a rotated key is not held against its predecessor's rejection. Defaults to
	 * {@link #rejection(String)}.
	 */
	default String rejection(Account account, Map<VariableRole, SourcedValue> values) {
		return rejection(account.id());
	}

	/**
	 * What live verification knows about the account's current values, or null when it is off for
	 * this account. Must not do I/O: it is called during the check.
	 */
	default VerificationStatus verification(Account account, Map<VariableRole, SourcedValue> values) {
		return null;
	}

}
