package io.credentialhealth.broker;

import java.util.List;
import java.util.Map;

import io.credentialhealth.check.CredentialInspector;
import io.credentialhealth.check.Finding;
import io.credentialhealth.registry.Account;
import io.credentialhealth.registry.VariableRole;
import io.credentialhealth.source.CredentialSources;
import io.credentialhealth.source.SourcedValue;

/**
 * Runs the broker's offline format rules during a check. The checker hands over only values the
 * generic classifier accepts, so a padded or quoted value is reported once, by the classifier.
 */
public class BrokerFormatInspector implements CredentialInspector {

	private final FormatChecks checks;

	public BrokerFormatInspector(FormatChecks checks) {
		this.checks = checks;
	}

	@Override
	public List<Finding> inspect(Account account, Map<VariableRole, SourcedValue> values,
			CredentialSources.Reading reading) {
		CredentialValues credential = new CredentialValues(usable(values.get(VariableRole.KEY)),
				usable(values.get(VariableRole.SECRET)), usable(values.get(VariableRole.PAPER)));
		return this.checks.check(account.broker(), credential)
			.stream()
			.map((finding) -> new Finding(finding.isError() ? Finding.Severity.ERROR : Finding.Severity.WARNING,
					role(finding.variableRole()), variableName(account, finding) + ": " + finding.message()))
			.toList();
	}

	/** Already classified by the checker: classifying every value twice was a tenth of a check. */
	private static String usable(SourcedValue value) {
		return (value != null) ? value.value() : null;
	}

	private static VariableRole role(String variableRole) {
		return switch (variableRole) {
			case FormatFinding.KEY -> VariableRole.KEY;
			case FormatFinding.PAPER -> VariableRole.PAPER;
			default -> VariableRole.SECRET;
		};
	}

	private static String variableName(Account account, FormatFinding finding) {
		return account.variable(role(finding.variableRole())).map((variable) -> variable.name()).orElse(account.id());
	}

}
