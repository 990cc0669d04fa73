package io.credentialhealth.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.credentialhealth.broker.Broker;
import io.credentialhealth.check.AccountState;
import io.credentialhealth.check.AccountStatus;
import io.credentialhealth.check.Snapshot;
import io.credentialhealth.check.VariableStatus;
import io.credentialhealth.platform.Platform;
import io.credentialhealth.platform.PlatformInfo;
import io.credentialhealth.registry.Account;
import io.credentialhealth.registry.Role;
import io.credentialhealth.registry.Variable;
import io.credentialhealth.registry.VariableRole;
import io.credentialhealth.source.Classification;
import io.credentialhealth.state.Condition;
import io.credentialhealth.state.StoreStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextReportTest {

	private static final Instant NOW = Instant.parse("2026-01-16T20:45:00Z");

	private static final PlatformInfo RAILWAY = new PlatformInfo(Platform.RAILWAY, "production", "bot", "dep-7f3c2a1",
			"replica-1", "7f3c2a1", "trading");

	@Test
	void reportShowsTotalsAccountsFixesAndWarnings() {
		String report = TextReport.render(snapshot(true), false);
		assertThat(report).contains("Credential check on Railway: environment production, service bot, deployment dep-7f3c2a1")
			.contains("Master accounts configured: 1/2")
			.contains("User accounts configured: 0/1")
			.containsPattern("\\[ok\\] MASTER coinbase-master +Master \\(COINBASE\\) +ready")
			.containsPattern(
					"\\[!!\\] MASTER kraken-master +Master \\(KRAKEN\\) +NOT CONFIGURED: KRAKEN_MASTER_API_KEY is not set")
			.containsPattern("\\[\\.\\.\\] USER +kraken-user-tania +Tania Gilbert \\(KRAKEN\\) +INVALID \\(optional\\): "
					+ "KRAKEN_USER_TANIA_API_SECRET does not decode to 64 bytes")
			.contains("warning: found KRAKEN_MASTER, did you mean KRAKEN_MASTER_API_KEY?")
			.contains("warning: the key is not 56 characters long")
			.contains("How to fix (Railway):")
			.contains("    railway variable set KRAKEN_MASTER_API_KEY --stdin --service bot --environment production")
			.contains("Warnings:\n  credential-looking variables that no account registers: BINANCE_API_KEY (environment)")
			.contains("Result: NOT READY, 1 required account not configured: kraken-master NOT CONFIGURED (exit 1)")
			.doesNotContain("key preview")
			.doesNotContain("fingerprint");
	}

	@Test
	void verboseAddsVariablesAndKeyPreview() {
		String report = TextReport.render(snapshot(true), true);
		assertThat(report).contains("key preview: ABCD****")
			.containsPattern("COINBASE_API_KEY +key +present +valid +source environment, fingerprint 0123456789abcdef")
			.containsPattern("KRAKEN_MASTER_API_KEY +key +missing +absent +source \\(none\\)")
			.contains("Instance replica-1, commit 7f3c2a1");
	}

	@Test
	void readyReportSaysSo() {
		String report = TextReport.render(snapshot(false), false);
		assertThat(report).contains("Result: READY, every required account is configured (exit 0)")
			.doesNotContain("How to fix");
	}

	@Test
	void controlCharactersNeverReachTheTerminal() {
		Snapshot snapshot = new Snapshot(1, NOW, Duration.ofMillis(3), List.of(configured()), RAILWAY,
				List.of("secret-files directory /tmp/\u001b[2Jevil does not exist"), List.of(),
				new StoreStatus("file", "/data/state.json", false, null));
		assertThat(TextReport.render(snapshot, true)).doesNotContain("\u001b").contains("/tmp/?[2Jevil");
	}

	private static Snapshot snapshot(boolean withFailures) {
		List<AccountStatus> accounts = new ArrayList<>();
		accounts.add(configured());
		if (withFailures) {
			Account kraken = new Account("kraken-master", Broker.KRAKEN, Role.MASTER, "Master", null, true, true,
					List.of(new Variable("KRAKEN_MASTER_API_KEY", VariableRole.KEY),
							new Variable("KRAKEN_MASTER_API_SECRET", VariableRole.SECRET)));
			accounts.add(new AccountStatus(kraken, AccountState.NOT_CONFIGURED,
					List.of(missing("KRAKEN_MASTER_API_KEY", VariableRole.KEY),
							missing("KRAKEN_MASTER_API_SECRET", VariableRole.SECRET)),
					List.of("KRAKEN_MASTER_API_KEY is not set", "KRAKEN_MASTER_API_SECRET is not set"),
					List.of("found KRAKEN_MASTER, did you mean KRAKEN_MASTER_API_KEY? (KRAKEN_MASTER lacks the ending _API_KEY; from environment)"),
					List.of("railway variable set KRAKEN_MASTER_API_KEY --stdin --service bot --environment production",
							"railway variable set KRAKEN_MASTER_API_SECRET --stdin --service bot --environment production"),
					null, NOW, null, null, null));
			Account tania = new Account("kraken-user-tania", Broker.KRAKEN, Role.USER, "Tania Gilbert", "tania", false,
					true, List.of(new Variable("KRAKEN_USER_TANIA_API_KEY", VariableRole.KEY),
							new Variable("KRAKEN_USER_TANIA_API_SECRET", VariableRole.SECRET)));
			accounts.add(new AccountStatus(tania, AccountState.INVALID,
					List.of(present("KRAKEN_USER_TANIA_API_KEY", VariableRole.KEY, Condition.VALID),
							present("KRAKEN_USER_TANIA_API_SECRET", VariableRole.SECRET, Condition.UNUSABLE)),
					List.of("KRAKEN_USER_TANIA_API_SECRET does not decode to 64 bytes"),
					List.of("the key is not 56 characters long"), List.of(), "WXYZ****", NOW, NOW, null, null));
		}
		return new Snapshot(1, NOW, Duration.ofMillis(12), accounts, RAILWAY, List.of(),
				withFailures ? List.of("credential-looking variables that no account registers: BINANCE_API_KEY (environment)")
						: List.of(),
				new StoreStatus("file", "/data/state.json", false, null));
	}

	private static AccountStatus configured() {
		Account coinbase = new Account("coinbase-master", Broker.COINBASE, Role.MASTER, "Master", null, true, true,
				List.of(new Variable("COINBASE_API_KEY", VariableRole.KEY),
						new Variable("COINBASE_API_SECRET", VariableRole.SECRET)));
		return new AccountStatus(coinbase, AccountState.CONFIGURED,
				List.of(present("COINBASE_API_KEY", VariableRole.KEY, Condition.VALID),
						present("COINBASE_API_SECRET", VariableRole.SECRET, Condition.VALID)),
				List.of(), List.of(), List.of(), "ABCD****", NOW, NOW, null, NOW);
	}

	private static VariableStatus missing(String name, VariableRole role) {
		return new VariableStatus(name, role, Classification.MISSING, Condition.ABSENT, null, null, null, null, null,
				null, null);
	}

	private static VariableStatus present(String name, VariableRole role, Condition condition) {
		return new VariableStatus(name, role, Classification.PRESENT, condition, "environment", "0123456789abcdef", NOW,
				NOW, null, NOW, "dep-7f3c2a1");
	}

}
