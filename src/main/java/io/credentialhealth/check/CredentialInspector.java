package io.credentialhealth.check;

import java.util.List;
import java.util.Map;

import io.credentialhealth.registry.Account;
import io.credentialhealth.registry.VariableRole;
import io.credentialhealth.source.CredentialSources;
import io.credentialhealth.source.SourcedValue;

/**
 * Looks at an account's raw values during a check (broker format rules, near-miss names). Beans of
 * this type are picked up by the checker. Findings must follow from the arguments alone (the
 * account, its values and the names and origins of the reading): the checker asks again only when
 * one of those changed, and reuses the findings otherwise. Keep no reference to the values.
 */
@FunctionalInterface
public interface CredentialInspector {

	/**
	 * @param account the account
	 * @param values the values found that the generic classifier accepts, by role; roles whose variable is
	 * missing, empty, padded, quoted, a placeholder... are absent (the checker reports those itself)
	 * @param reading the whole reading, e.g. to look for near-miss variable names
	 */
	List<Finding> inspect(Account account, Map<VariableRole, SourcedValue> values, CredentialSources.Reading reading);

	/**
	 * Warnings about the reading as a whole rather than one account (e.g. credential-looking
	 * variables that no account registers). They join the snapshot's global warnings. Names only,
	 * never values.
	 * @param reading the whole reading
	 */
	default List<String> inspectReading(CredentialSources.Reading reading) {
		return List.of();
	}

}
