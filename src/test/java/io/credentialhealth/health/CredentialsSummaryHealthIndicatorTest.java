package io.credentialhealth.health;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.credentialhealth.check.CurrentSnapshot;
import io.credentialhealth.check.Snapshot;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary must give the composite's verdict, from one object per snapshot. */
class CredentialsSummaryHealthIndicatorTest {

	final CurrentSnapshot current = new CurrentSnapshot();

	final CredentialsSummaryHealthIndicator summary = new CredentialsSummaryHealthIndicator(this.current);

	final Map<String, String> env = new HashMap<>();

	@Test
	void unknownBeforeTheFirstCheck() {
		assertThat(this.summary.health().getStatus()).isEqualTo(Status.UNKNOWN);
	}

	@Test
	void downWhenARequiredAccountFailsAndNamesIt() {
		check();

		Health health = this.summary.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("accounts", 3)
			.containsEntry("down", 2)
			.containsEntry("warning", 1)
			.containsEntry("downAccounts", List.of("kraken-master", "alpaca-master"))
			.containsEntry("warningAccounts", List.of("kraken-user-tania"));
		assertThat(health).isEqualTo(composite());
	}

	@Test
	void warningWhenOnlyOptionalAccountsFail() {
		setMasters();
		check();

		assertThat(this.summary.health().getStatus()).isEqualTo(AccountHealthIndicator.WARNING);
		assertThat(this.summary.health().getDetails()).doesNotContainKey("downAccounts");
		assertThat(this.summary.health().getStatus()).isEqualTo(composite().getStatus());
	}

	@Test
	void upWhenEverythingIsConfiguredAndComputedOncePerSnapshot() {
		setMasters();
		this.env.put("KRAKEN_USER_TANIA_API_KEY", "tania-key-1");
		this.env.put("KRAKEN_USER_TANIA_API_SECRET", "tania-secret-1");
		check();

		Health first = this.summary.health();
		assertThat(first.getStatus()).isEqualTo(Status.UP);
		assertThat(this.summary.health()).isSameAs(first);
		this.env.remove("KRAKEN_MASTER_API_KEY");
		check();
		assertThat(this.summary.health().getStatus()).as("a new snapshot, a new verdict").isEqualTo(Status.DOWN);
	}

	@Test
	void namesAtMostTenAccounts() {
		Map<String, String> properties = new LinkedHashMap<>();
		for (int i = 0; i < 25; i++) {
			properties.put("credentials.accounts.user-" + i + ".broker", "generic");
			properties.put("credentials.accounts.user-" + i + ".role", "user");
			properties.put("credentials.accounts.user-" + i + ".user", "u" + i);
		}
		AccountHealthIndicatorTest.checker(properties, this.env, this.current).check();

		Health health = this.summary.health();
		assertThat(health.getDetails()).containsEntry("down", 25);
		assertThat((List<?>) health.getDetails().get("downAccounts")).hasSize(CredentialsSummaryHealthIndicator.LISTED);
	}

	void setMasters() {
		this.env.put("KRAKEN_MASTER_API_KEY", "kraken-key-1");
		this.env.put("KRAKEN_MASTER_API_SECRET", "kraken-secret-1");
		this.env.put("ALPACA_MASTER_API_KEY", "PKABCDEFGHIJKLMNOPQR");
		this.env.put("ALPACA_MASTER_API_SECRET", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123");
		this.env.put("ALPACA_MASTER_PAPER", "true");
	}

	void check() {
		AccountHealthIndicatorTest.checker(AccountHealthIndicatorTest.registryProperties(), this.env, this.current).check();
	}

	/** What Boot's aggregation of the per-account indicators gives. */
	Health composite() {
		Snapshot snapshot = this.current.get();
		List<Status> statuses = snapshot.accounts().stream().map(AccountHealthIndicator::status).toList();
		Status status = statuses.contains(Status.DOWN) ? Status.DOWN
				: statuses.contains(AccountHealthIndicator.WARNING) ? AccountHealthIndicator.WARNING : Status.UP;
		return Health.status(status).withDetails(CredentialsSummaryHealthIndicator.summarize(snapshot).getDetails()).build();
	}

}
