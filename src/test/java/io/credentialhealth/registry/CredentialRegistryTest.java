package io.credentialhealth.registry;

import java.util.List;
import java.util.Map;

import io.credentialhealth.broker.Broker;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Binding and cross-account rules of the registry, without an application context. */
class CredentialRegistryTest {

	@Test
	void builtInRegistryHasSixAccountsAndThirteenVariables() {
		CredentialRegistry registry = CredentialRegistry.of(bind(BuiltInRegistry.PROPERTIES));
		assertThat(registry.accounts()).extracting(Account::id)
			.containsExactly("coinbase-master", "kraken-master", "alpaca-master", "kraken-user-daivon",
					"kraken-user-tania", "alpaca-user-tania");
		assertThat(registry.variableNames()).containsExactly("COINBASE_API_KEY", "COINBASE_API_SECRET",
				"KRAKEN_MASTER_API_KEY", "KRAKEN_MASTER_API_SECRET", "ALPACA_API_KEY", "ALPACA_API_SECRET",
				"KRAKEN_USER_DAIVON_API_KEY", "KRAKEN_USER_DAIVON_API_SECRET", "KRAKEN_USER_TANIA_API_KEY",
				"KRAKEN_USER_TANIA_API_SECRET", "ALPACA_USER_TANIA_API_KEY", "ALPACA_USER_TANIA_API_SECRET",
				"ALPACA_USER_TANIA_PAPER");
		assertThat(registry.variableNames()).hasSize(13);
		Account tania = registry.account("kraken-user-tania").orElseThrow();
		assertThat(tania.owner()).isEqualTo("Tania Gilbert");
		assertThat(tania.role()).isEqualTo(Role.USER);
		assertThat(tania.broker()).isEqualTo(Broker.KRAKEN);
		assertThat(tania.required()).isTrue();
		assertThat(tania.enabled()).isTrue();
	}

	@Test
	void omittedNamesFollowTheConvention() {
		CredentialRegistry registry = CredentialRegistry.of(bind(Map.of(
				"credentials.accounts.alpaca-user-bob.broker", "alpaca", "credentials.accounts.alpaca-user-bob.role", "user",
				"credentials.accounts.alpaca-user-bob.user", "bob", "credentials.accounts.coinbase-master.broker",
				"coinbase", "credentials.accounts.coinbase-master.role", "master")));
		assertThat(registry.account("alpaca-user-bob").orElseThrow().variables()).containsExactly(
				new Variable("ALPACA_USER_BOB_API_KEY", VariableRole.KEY),
				new Variable("ALPACA_USER_BOB_API_SECRET", VariableRole.SECRET),
				new Variable("ALPACA_USER_BOB_PAPER", VariableRole.PAPER));
		Account master = registry.account("coinbase-master").orElseThrow();
		assertThat(master.variables()).extracting(Variable::name)
			.containsExactly("COINBASE_MASTER_API_KEY", "COINBASE_MASTER_API_SECRET");
		assertThat(master.owner()).isEqualTo("Master");
	}

	@Test
	void explicitNamesAndFlagsWin() {
		CredentialRegistry registry = CredentialRegistry.of(bind(Map.of("credentials.accounts.x.broker", "generic",
				"credentials.accounts.x.role", "user", "credentials.accounts.x.key-variable", "MY_KEY",
				"credentials.accounts.x.secret-variable", "MY_SECRET", "credentials.accounts.x.required", "false",
				"credentials.accounts.x.enabled", "false")));
		Account account = registry.account("x").orElseThrow();
		assertThat(account.variables()).extracting(Variable::name).containsExactly("MY_KEY", "MY_SECRET");
		assertThat(account.required()).isFalse();
		assertThat(account.enabled()).isFalse();
	}

	@Test
	void aVariableClaimedByTwoAccountsIsNamed() {
		assertThatExceptionOfType(InvalidRegistryException.class)
			.isThrownBy(() -> CredentialRegistry.of(bind(ordered("credentials.accounts.a.broker", "kraken",
					"credentials.accounts.a.role", "master", "credentials.accounts.b.broker", "generic",
					"credentials.accounts.b.role", "master", "credentials.accounts.b.key-variable",
					"KRAKEN_MASTER_API_KEY"))))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("credentials.accounts.b.key-variable"))
			.withMessageContaining("KRAKEN_MASTER_API_KEY")
			.withMessageContaining("account 'a' already uses");
	}

	@Test
	void accountIdsMustBeLowerCaseWordsJoinedByDashes() {
		for (String id : List.of("Kraken_Master", "kraken--master", "-kraken", "kraken master")) {
			assertThatExceptionOfType(InvalidRegistryException.class)
				.isThrownBy(() -> CredentialRegistry.of(bind(Map.of("credentials.accounts[" + id + "].broker", "kraken",
						"credentials.accounts[" + id + "].role", "master"))))
				.withMessageContaining("lower-case words joined by dashes");
		}
	}

	@Test
	void noAccountsAtAll() {
		assertThatExceptionOfType(InvalidRegistryException.class)
			.isThrownBy(() -> CredentialRegistry.of(new RegistryProperties(Map.of())))
			.withMessageContaining("credentials.accounts must declare at least one account");
	}

	@Test
	void aUserAccountNeedsAUserIdForItsConventionalNames() {
		assertThatExceptionOfType(InvalidRegistryException.class)
			.isThrownBy(() -> CredentialRegistry.of(
					bind(Map.of("credentials.accounts.k.broker", "kraken", "credentials.accounts.k.role", "user"))))
			.withMessageContaining("credentials.accounts.k.user is required");
	}

	@Test
	void paperVariableOnlyForAlpaca() {
		assertThatExceptionOfType(InvalidRegistryException.class)
			.isThrownBy(() -> CredentialRegistry.of(bind(Map.of("credentials.accounts.k.broker", "kraken",
					"credentials.accounts.k.role", "master", "credentials.accounts.k.paper-variable", "KRAKEN_PAPER"))))
			.withMessageContaining("credentials.accounts.k.paper-variable is only allowed for broker alpaca");
	}

	@Test
	void brokerAndRoleAreRequiredWithTheAllowedValues() {
		assertThat(failure("credentials.accounts.a.role", "master"))
			.isEqualTo("credentials.accounts.a.broker is required; allowed values: coinbase, kraken, alpaca, generic");
		assertThat(failure("credentials.accounts.a.broker", "kraken"))
			.isEqualTo("credentials.accounts.a.role is required; allowed values: master, user");
	}

	@Test
	void userIdsAreLowerCaseWords() {
		for (String user : List.of("Tania", "1tania", "ta-nia", "tania.g", "")) {
			assertThat(failure("credentials.accounts.k.broker", "kraken", "credentials.accounts.k.role", "user",
					"credentials.accounts.k.user", user))
				.as(user)
				.isEqualTo("credentials.accounts.k.user must be lower-case letters, digits or underscores, "
						+ "starting with a letter (e.g. tania)");
		}
		assertThat(CredentialRegistry.of(bind(Map.of("credentials.accounts.k.broker", "kraken",
				"credentials.accounts.k.role", "user", "credentials.accounts.k.user", "tania_2")))
			.variableNames()).containsExactly("KRAKEN_USER_TANIA_2_API_KEY", "KRAKEN_USER_TANIA_2_API_SECRET");
	}

	@Test
	void variableNamesAreEnvironmentVariableNames() {
		String rule = "must be an environment variable name matching [A-Z][A-Z0-9_]* "
				+ "(upper-case letters, digits and underscores, starting with a letter)";
		for (String name : List.of("kraken-key", "kraken_key", "1KEY", "_KEY", "MY KEY", "")) {
			assertThat(failure("credentials.accounts.g.broker", "generic", "credentials.accounts.g.role", "master",
					"credentials.accounts.g.key-variable", name))
				.as(name)
				.isEqualTo("credentials.accounts.g.key-variable " + rule);
			assertThat(failure("credentials.accounts.g.broker", "generic", "credentials.accounts.g.role", "master",
					"credentials.accounts.g.secret-variable", name))
				.as(name)
				.isEqualTo("credentials.accounts.g.secret-variable " + rule);
		}
		assertThat(failure("credentials.accounts.a.broker", "alpaca", "credentials.accounts.a.role", "master",
				"credentials.accounts.a.paper-variable", "paper"))
			.isEqualTo("credentials.accounts.a.paper-variable " + rule + ", or empty for none");
	}

	@Test
	void anEmptyPaperVariableMeansNone() {
		CredentialRegistry registry = CredentialRegistry.of(bind(ordered("credentials.accounts.a.broker", "alpaca",
				"credentials.accounts.a.role", "master", "credentials.accounts.a.paper-variable", "",
				"credentials.accounts.b.broker", "alpaca", "credentials.accounts.b.role", "user",
				"credentials.accounts.b.user", "bob", "credentials.accounts.b.paper-variable", "BOB_2_PAPER")));
		assertThat(registry.variableNames()).containsExactly("ALPACA_MASTER_API_KEY", "ALPACA_MASTER_API_SECRET",
				"ALPACA_USER_BOB_API_KEY", "ALPACA_USER_BOB_API_SECRET", "BOB_2_PAPER");
	}

	private static String failure(String... keysAndValues) {
		return assertThatExceptionOfType(InvalidRegistryException.class)
			.isThrownBy(() -> CredentialRegistry.of(bind(ordered(keysAndValues))))
			.actual()
			.getMessage();
	}

	private static Map<String, String> ordered(String... keysAndValues) {
		Map<String, String> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	static RegistryProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bind("credentials", RegistryProperties.class)
			.orElseGet(() -> new RegistryProperties(Map.of()));
	}

}
