package io.credentialhealth.broker.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.credentialhealth.broker.Verification;
import io.credentialhealth.broker.VerificationResult;
import io.credentialhealth.check.AccountState;
import io.credentialhealth.check.AccountStatus;
import io.credentialhealth.check.CredentialChecker;
import io.credentialhealth.check.CredentialTransition;
import io.credentialhealth.check.Transition;
import io.credentialhealth.registry.CredentialRegistry;
import io.credentialhealth.registry.VariableRole;
import io.credentialhealth.source.SourcedValue;
import io.credentialhealth.support.TestCheckers;
import io.credentialhealth.support.TestCredentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker and the verdicts together: the core's side of live verification, without a broker. */
class CheckerVerdictsTest {

	private static final Instant NOW = Instant.parse("2026-01-16T20:45:00Z");

	private final Map<String, String> env = new HashMap<>(TestCredentials.kraken("KRAKEN_MASTER"));

	private final List<Object> events = new ArrayList<>();

	private final LiveVerdicts verdicts = new LiveVerdicts(Set.of("kraken-master"));

	private final CredentialChecker checker = checker();

	@Test
	void aRejectionOfTheCurrentValuesMakesTheAccountRejectedOnce() {
		assertThat(master().verification().result()).isEqualTo(VerificationResult.UNVERIFIED);
		this.verdicts.record("kraken-master", digestOfCurrentValues(),
				Verification.rejected("Kraken refused the key: EAPI:Invalid key. It was probably rotated or revoked.",
						NOW, Duration.ofHours(1)));
		AccountStatus rejected = master();
		assertThat(rejected.state()).isEqualTo(AccountState.REJECTED);
		assertThat(rejected.isBlocking()).isTrue();
		assertThat(rejected.problems()).containsExactly("Kraken refused the key: EAPI:Invalid key. It was probably "
				+ "rotated or revoked; not verified since this service started");
		assertThat(rejected.verification().result()).isEqualTo(VerificationResult.REJECTED);
		master();
		assertThat(transitions()).singleElement()
			.satisfies((t) -> assertThat(t.transition()).isEqualTo(Transition.REJECTED));
	}

	@Test
	void newValuesAreNotHeldAgainstTheOldRejection() {
		this.verdicts.record("kraken-master", digestOfCurrentValues(), Verification.rejected("refused.", NOW, null));
		assertThat(master().state()).isEqualTo(AccountState.REJECTED);
		this.env.putAll(TestCredentials.kraken("KRAKEN_MASTER"));
		AccountStatus rotated = master();
		assertThat(rotated.state()).isEqualTo(AccountState.CONFIGURED);
		assertThat(rotated.problems()).isEmpty();
		assertThat(rotated.verification().reason()).startsWith("The credentials changed after the last live verification");
	}

	@Test
	void unreachableAndUnverifiedNeverCountAgainstTheKey() {
		this.verdicts.record("kraken-master", digestOfCurrentValues(), Verification.unreachable("down.", NOW, null));
		assertThat(master().state()).isEqualTo(AccountState.CONFIGURED);
		this.verdicts.record("kraken-master", digestOfCurrentValues(), Verification.unverified("nonce.", NOW, null));
		AccountStatus status = master();
		assertThat(status.state()).isEqualTo(AccountState.CONFIGURED);
		assertThat(status.verification().result()).isEqualTo(VerificationResult.UNVERIFIED);
		assertThat(transitions()).isEmpty();
	}

	private AccountStatus master() {
		return this.checker.check().account("kraken-master").orElseThrow();
	}

	private String digestOfCurrentValues() {
		Map<VariableRole, SourcedValue> values = new EnumMap<>(VariableRole.class);
		values.put(VariableRole.KEY, new SourcedValue("KRAKEN_MASTER_API_KEY", "environment",
				this.env.get("KRAKEN_MASTER_API_KEY")));
		values.put(VariableRole.SECRET, new SourcedValue("KRAKEN_MASTER_API_SECRET", "environment",
				this.env.get("KRAKEN_MASTER_API_SECRET")));
		return this.verdicts.digest(values);
	}

	private List<CredentialTransition> transitions() {
		return this.events.stream()
			.filter(CredentialTransition.class::isInstance)
			.map(CredentialTransition.class::cast)
			.toList();
	}

	private CredentialChecker checker() {
		CredentialRegistry registry = TestCheckers.registry(Map.of("credentials.accounts.kraken-master.broker", "kraken",
				"credentials.accounts.kraken-master.role", "master"));
		return TestCheckers.checker(registry, this.env)
			.verdicts(this.verdicts)
			.platform(TestCheckers.railway("d1", "c1"))
			.events(this.events::add)
			.clock(Clock.fixed(NOW, ZoneOffset.UTC))
			.build();
	}

}
