package io.credentialhealth.health;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import io.credentialhealth.check.CredentialChecker;
import io.credentialhealth.check.CurrentSnapshot;
import io.credentialhealth.platform.Platform;
import io.credentialhealth.platform.PlatformInfo;
import io.credentialhealth.support.TestCheckers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group that hides details (readiness behind a token, or with show-details=never) asks for
 * health without details: same status, no detail maps built.
 */
class AccountHealthIndicatorTest {

	static final PlatformInfo PLATFORM = new PlatformInfo(Platform.LOCAL, "local", "credential-health", null, null,
			null, null);

	final CurrentSnapshot current = new CurrentSnapshot();

	@Test
	void beforeTheFirstCheckTheStatusIsUnknownWithOrWithoutDetails() {
		AccountHealthIndicator indicator = new AccountHealthIndicator("kraken-master", this.current);

		assertThat(indicator.health().getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(indicator.health().getDetails()).containsEntry("state", "NOT_CHECKED");
		assertThat(indicator.health(false)).isEqualTo(Health.unknown().build());
	}

	@Test
	void withoutDetailsTheStatusIsTheSameAndNothingElseIsThere() {
		check(Map.of("KRAKEN_MASTER_API_KEY", "kraken-key-1", "KRAKEN_MASTER_API_SECRET", "kraken-secret-1"));

		assertStatuses("kraken-master", Status.UP);
		assertStatuses("kraken-user-tania", AccountHealthIndicator.WARNING);
		assertStatuses("alpaca-master", Status.DOWN);
		AccountHealthIndicator unknown = new AccountHealthIndicator("not-registered", this.current);
		assertThat(unknown.health().getDetails()).containsEntry("state", "NOT_REGISTERED");
		assertThat(unknown.health(false)).isEqualTo(Health.unknown().build());
	}

	void assertStatuses(String account, Status expected) {
		AccountHealthIndicator indicator = new AccountHealthIndicator(account, this.current);
		Health full = indicator.health(true);
		Health bare = indicator.health(false);

		assertThat(full.getStatus()).as(account).isEqualTo(expected);
		assertThat(full.getDetails()).as(account).containsKeys("state", "variables", "checkedAt");
		assertThat(bare.getStatus()).as(account).isEqualTo(expected);
		assertThat(bare.getDetails()).as(account).isEmpty();
		assertThat(indicator.health()).as(account).isEqualTo(full);
	}

	void check(Map<String, String> env) {
		checker(registryProperties(), env, this.current).check();
	}

	/** kraken-master and alpaca-master (required) and kraken-user-tania (optional). */
	static Map<String, String> registryProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("credentials.accounts.kraken-master.broker", "kraken");
		properties.put("credentials.accounts.kraken-master.role", "master");
		properties.put("credentials.accounts.alpaca-master.broker", "alpaca");
		properties.put("credentials.accounts.alpaca-master.role", "master");
		properties.put("credentials.accounts.kraken-user-tania.broker", "kraken");
		properties.put("credentials.accounts.kraken-user-tania.role", "user");
		properties.put("credentials.accounts.kraken-user-tania.user", "tania");
		properties.put("credentials.accounts.kraken-user-tania.required", "false");
		return properties;
	}

	static CredentialChecker checker(Map<String, String> registryProperties, Map<String, String> env,
			CurrentSnapshot current) {
		return TestCheckers.checker(TestCheckers.registry(registryProperties), env)
			.platform(PLATFORM)
			.current(current)
			.clock(Clock.fixed(Instant.parse("2026-01-16T20:45:00Z"), ZoneOffset.UTC))
			.build();
	}

}
