package io.credentialhealth.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.credentialhealth.broker.Broker;

import org.springframework.util.StringUtils;

/**
 * The resolved registry: accounts in declaration order with every variable name filled in by the
 * naming convention and checked across accounts. Built once at start-up; an invalid registry
 * throws {@link InvalidRegistryException}. Every registry rule lives here, so a registry bound
 * anywhere (application, CLI, tests) is checked the same way.
 */
public final class CredentialRegistry {

	private static final Pattern ACCOUNT_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern USER = Pattern.compile("[a-z][a-z0-9_]*");

	private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

	private static final String VARIABLE_NAME_RULE = "must be an environment variable name matching [A-Z][A-Z0-9_]* "
			+ "(upper-case letters, digits and underscores, starting with a letter)";

	private final Map<String, Account> accounts;

	/** The same accounts as a list, made once: the checker, metrics and health walk it at every check. */
	private final List<Account> accountList;

	private CredentialRegistry(Map<String, Account> accounts) {
		this.accounts = accounts;
		this.accountList = List.copyOf(accounts.values());
	}

	public static CredentialRegistry of(RegistryProperties properties) {
		Map<String, AccountProperties> declared = (properties.accounts() != null) ? properties.accounts() : Map.of();
		if (declared.isEmpty()) {
			throw new InvalidRegistryException("credentials.accounts",
					"must declare at least one account, e.g. credentials.accounts.kraken-master.broker=kraken");
		}
		Map<String, Account> accounts = new LinkedHashMap<>();
		Map<String, String> claimedBy = new HashMap<>();
		declared.forEach((id, account) -> {
			Account resolved = resolve(id, account);
			for (Variable variable : resolved.variables()) {
				String other = claimedBy.putIfAbsent(variable.name(), id);
				if (other != null) {
					throw new InvalidRegistryException(property(id, variable.role()), "names " + variable.name()
							+ ", which account '" + other + "' already uses: each variable belongs to one account");
				}
			}
			accounts.put(id, resolved);
		});
		return new CredentialRegistry(java.util.Collections.unmodifiableMap(accounts));
	}

	private static Account resolve(String id, AccountProperties properties) {
		String prefix = "credentials.accounts." + id;
		if (!ACCOUNT_ID.matcher(id).matches()) {
			throw new InvalidRegistryException(prefix,
					"has an invalid account id '" + id + "': use lower-case words joined by dashes, e.g. kraken-user-tania");
		}
		if (properties.broker() == null) {
			throw new InvalidRegistryException(prefix + ".broker", "is required; allowed values: coinbase, kraken, alpaca, generic");
		}
		if (properties.role() == null) {
			throw new InvalidRegistryException(prefix + ".role", "is required; allowed values: master, user");
		}
		// Rejected values are not echoed: a secret pasted where a variable name belongs must not reach a log.
		requireMatch(prefix + ".user", properties.user(), USER,
				"must be lower-case letters, digits or underscores, starting with a letter (e.g. tania)");
		requireMatch(prefix + ".key-variable", properties.keyVariable(), VARIABLE_NAME, VARIABLE_NAME_RULE);
		requireMatch(prefix + ".secret-variable", properties.secretVariable(), VARIABLE_NAME, VARIABLE_NAME_RULE);
		if (!"".equals(properties.paperVariable())) {
			requireMatch(prefix + ".paper-variable", properties.paperVariable(), VARIABLE_NAME,
					VARIABLE_NAME_RULE + ", or empty for none");
		}
		boolean namesGiven = StringUtils.hasText(properties.keyVariable()) && StringUtils.hasText(properties.secretVariable());
		if (properties.role() == Role.USER && !StringUtils.hasText(properties.user()) && !namesGiven) {
			throw new InvalidRegistryException(prefix + ".user",
					"is required for a user account (the id used in variable names, e.g. tania), unless key-variable and secret-variable are given");
		}
		if (properties.paperVariable() != null && !properties.paperVariable().isEmpty() && properties.broker() != Broker.ALPACA) {
			throw new InvalidRegistryException(prefix + ".paper-variable", "is only allowed for broker alpaca");
		}
		List<Variable> variables = new ArrayList<>();
		variables.add(new Variable(nameOrConvention(properties.keyVariable(), properties, VariableRole.KEY), VariableRole.KEY));
		variables.add(new Variable(nameOrConvention(properties.secretVariable(), properties, VariableRole.SECRET),
				VariableRole.SECRET));
		if (properties.broker() == Broker.ALPACA && !"".equals(properties.paperVariable())) {
			variables.add(new Variable(nameOrConvention(properties.paperVariable(), properties, VariableRole.PAPER),
					VariableRole.PAPER));
		}
		return new Account(id, properties.broker(), properties.role(), owner(properties), properties.user(),
				properties.required(), properties.enabled(), variables);
	}

	/** A value left out (null) is fine: a default or the naming convention applies. */
	private static void requireMatch(String property, String value, Pattern pattern, String rule) {
		if (value != null && !pattern.matcher(value).matches()) {
			throw new InvalidRegistryException(property, rule);
		}
	}

	private static String nameOrConvention(String given, AccountProperties properties, VariableRole role) {
		if (StringUtils.hasText(given)) {
			return given;
		}
		String broker = properties.broker().name();
		String who = (properties.role() == Role.MASTER) ? "MASTER" : "USER_" + properties.user().toUpperCase(Locale.ROOT);
		return broker + "_" + who + "_" + role.suffix();
	}

	private static String owner(AccountProperties properties) {
		if (StringUtils.hasText(properties.owner())) {
			return properties.owner();
		}
		if (properties.role() == Role.MASTER) {
			return "Master";
		}
		return StringUtils.hasText(properties.user()) ? StringUtils.capitalize(properties.user()) : "User";
	}

	private static String property(String id, VariableRole role) {
		return "credentials.accounts." + id + "." + role.id() + "-variable";
	}

	/** Accounts in declaration order. */
	public List<Account> accounts() {
		return this.accountList;
	}

	public Optional<Account> account(String id) {
		return Optional.ofNullable(this.accounts.get(id));
	}

	/** Every registered variable name, in declaration order. */
	public List<String> variableNames() {
		return this.accounts.values().stream().flatMap((a) -> a.variables().stream()).map(Variable::name).toList();
	}

}
