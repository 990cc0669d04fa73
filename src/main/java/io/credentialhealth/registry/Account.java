package io.credentialhealth.registry;

import java.util.List;
import java.util.Optional;

import io.credentialhealth.broker.Broker;

/**
 * A registered broker account, resolved from {@link AccountProperties}: every variable name is
 * known and validated.
 */
public record Account(String id, Broker broker, Role role, String owner, String user, boolean required,
		boolean enabled, List<Variable> variables) {

	public Account {
		variables = List.copyOf(variables);
	}

	public Optional<Variable> variable(VariableRole role) {
		return this.variables.stream().filter((variable) -> variable.role() == role).findFirst();
	}

	/** Human label as operators know it, e.g. {@code Tania Gilbert (KRAKEN)}. */
	public String label() {
		return this.owner + " (" + this.broker.name() + ")";
	}

}
