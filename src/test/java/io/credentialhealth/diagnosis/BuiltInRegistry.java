package io.credentialhealth.diagnosis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.credentialhealth.broker.Broker;
import io.credentialhealth.registry.Account;
import io.credentialhealth.registry.AccountProperties;
import io.credentialhealth.registry.CredentialRegistry;
import io.credentialhealth.registry.RegistryProperties;
import io.credentialhealth.registry.Role;

/** The six accounts of application.yaml, built without Spring. */
final class BuiltInRegistry {

	private BuiltInRegistry() {
	}

	static List<Account> accounts() {
		Map<String, AccountProperties> accounts = new LinkedHashMap<>();
		accounts.put("coinbase-master", account(Broker.COINBASE, Role.MASTER, null, "COINBASE_API_KEY", "COINBASE_API_SECRET", null));
		accounts.put("kraken-master", account(Broker.KRAKEN, Role.MASTER, null, null, null, null));
		accounts.put("alpaca-master", account(Broker.ALPACA, Role.MASTER, null, "ALPACA_API_KEY", "ALPACA_API_SECRET", ""));
		accounts.put("kraken-user-daivon", account(Broker.KRAKEN, Role.USER, "daivon", null, null, null));
		accounts.put("kraken-user-tania", account(Broker.KRAKEN, Role.USER, "tania", null, null, null));
		accounts.put("alpaca-user-tania", account(Broker.ALPACA, Role.USER, "tania", null, null, null));
		return CredentialRegistry.of(new RegistryProperties(accounts)).accounts();
	}

	private static AccountProperties account(Broker broker, Role role, String user, String key, String secret,
			String paper) {
		return new AccountProperties(broker, role, null, user, true, true, key, secret, paper);
	}

}
