package io.credentialhealth.health;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.credentialhealth.check.CurrentSnapshot;
import io.credentialhealth.registry.Account;
import io.credentialhealth.registry.CredentialRegistry;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;

/**
 * The {@code credentials} contributor: one {@link AccountHealthIndicator} per registered account,
 * at {@code /actuator/health/credentials/{account-id}}. Registered once at start-up so health
 * groups can name it.
 */
public class CredentialsHealthContributor implements CompositeHealthContributor {

	private final Map<String, AccountHealthIndicator> accounts;

	public CredentialsHealthContributor(CredentialRegistry registry, CurrentSnapshot snapshot) {
		this.accounts = registry.accounts()
			.stream()
			.map(Account::id)
			.collect(Collectors.toMap(Function.identity(), (id) -> new AccountHealthIndicator(id, snapshot),
					(a, b) -> a, java.util.LinkedHashMap::new));
	}

	@Override
	public HealthContributor getContributor(String name) {
		return this.accounts.get(name);
	}

	@Override
	public Stream<HealthContributors.Entry> stream() {
		return this.accounts.entrySet().stream().map((entry) -> new HealthContributors.Entry(entry.getKey(), entry.getValue()));
	}

}
