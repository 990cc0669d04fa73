package io.credentialhealth.broker.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.credentialhealth.broker.Broker;
import io.credentialhealth.broker.Verification;
import io.credentialhealth.broker.VerificationResult;
import io.credentialhealth.check.VerificationStatus;
import io.credentialhealth.registry.Account;
import io.credentialhealth.registry.Role;
import io.credentialhealth.registry.Variable;
import io.credentialhealth.registry.VariableRole;
import io.credentialhealth.source.SourcedValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiveVerdictsTest {

	private static final Instant T0 = Instant.parse("2026-01-16T20:45:00.123Z");

	private static final Account KRAKEN = new Account("kraken-master", Broker.KRAKEN, Role.MASTER, "Master", null, true,
			true, List.of(new Variable("KRAKEN_MASTER_API_KEY", VariableRole.KEY),
					new Variable("KRAKEN_MASTER_API_SECRET", VariableRole.SECRET)));

	private static final Account OTHER = new Account("kraken-user-tania", Broker.KRAKEN, Role.USER, "Tania", "tania",
			true, true, KRAKEN.variables());

	private final LiveVerdicts verdicts = new LiveVerdicts(Set.of("kraken-master"));

	private final Map<VariableRole, SourcedValue> first = values("key-one-abcdefgh", "secret-one-abcdefgh");

	private final Map<VariableRole, SourcedValue> rotated = values("key-two-abcdefgh", "secret-two-abcdefgh");

	@Test
	void aRejectionHoldsForTheValuesThatWereRefusedOnly() {
		this.verdicts.record("kraken-master", this.verdicts.digest(this.first), Verification.verified("ok", T0, null, null));
		this.verdicts.record("kraken-master", this.verdicts.digest(this.first), Verification.rejected(
				"Kraken refused the key: EAPI:Invalid key. It was probably rotated or revoked.", T0.plusSeconds(3600),
				Duration.ofHours(1)));
		assertThat(this.verdicts.rejection(KRAKEN, this.first)).isEqualTo("Kraken refused the key: EAPI:Invalid key. "
				+ "It was probably rotated or revoked; last verified 2026-01-16T20:45:00Z");
		assertThat(this.verdicts.rejection(KRAKEN, this.rotated)).isNull();
		assertThat(this.verdicts.rejection(KRAKEN, values("key-one-abcdefgh", "secret-two-abcdefgh"))).isNull();
		assertThat(this.verdicts.rejection(OTHER, this.first)).isNull();
		assertThat(this.verdicts.lastVerified("kraken-master")).isEqualTo(T0);
		assertThat(this.verdicts.lastVerifiedSeconds("kraken-master")).isEqualTo(T0.toEpochMilli() / 1000.0);
		assertThat(this.verdicts.lastVerifiedSeconds("kraken-user-tania")).isZero();
	}

	@Test
	void theStatusDescribesTheCurrentValues() {
		VerificationStatus pending = this.verdicts.verification(KRAKEN, this.first);
		assertThat(pending.result()).isEqualTo(VerificationResult.UNVERIFIED);
		assertThat(pending.reason()).isEqualTo("Not verified yet: the first live verification runs shortly.");
		this.verdicts.scheduled("kraken-master", T0.plusSeconds(60));
		this.verdicts.record("kraken-master", this.verdicts.digest(this.first),
				Verification.verified("Kraken accepted the key.", T0, Map.of("query_funds", false), List.of("no funds")));
		VerificationStatus verified = this.verdicts.verification(KRAKEN, this.first);
		assertThat(verified).isEqualTo(new VerificationStatus(VerificationResult.VERIFIED, "Kraken accepted the key.", T0,
				T0, T0.plusSeconds(60), Map.of("query_funds", false), List.of("no funds")));
		VerificationStatus changed = this.verdicts.verification(KRAKEN, this.rotated);
		assertThat(changed.result()).isEqualTo(VerificationResult.UNVERIFIED);
		assertThat(changed.reason()).isEqualTo("The credentials changed after the last live verification (VERIFIED at "
				+ "2026-01-16T20:45:00Z); the new ones are verified shortly.");
		assertThat(changed.lastVerified()).isEqualTo(T0);
		assertThat(changed.permissions()).isEmpty();
		VerificationStatus missing = this.verdicts.verification(KRAKEN, values("key-one-abcdefgh", " "));
		assertThat(missing.reason()).isEqualTo("Not verified: the key or the secret is missing or unusable.");
	}

	@Test
	void accountsWithoutLiveVerificationHaveNoStatus() {
		assertThat(this.verdicts.verification(OTHER, this.first)).isNull();
		assertThat(new LiveVerdicts(Set.of()).verification(KRAKEN, this.first)).isNull();
		assertThat(this.verdicts.verification(KRAKEN, Map.of())).isNull();
	}

	@Test
	void nothingItShowsCarriesAValueOrItsDigest() {
		String digest = this.verdicts.digest(this.first);
		assertThat(digest).doesNotContain("key-one").doesNotContain("secret-one");
		this.verdicts.record("kraken-master", digest, Verification.rejected("refused.", T0, null));
		assertThat(new LiveVerdicts.Entry(digest, Verification.rejected("refused.", T0, null), null).toString())
			.doesNotContain(digest.substring(4, 20));
		// The digest is keyed per process: another instance digests the same values differently.
		assertThat(new LiveVerdicts(Set.of()).digest(this.first)).isNotEqualTo(digest);
	}

	private static Map<VariableRole, SourcedValue> values(String key, String secret) {
		return Map.of(VariableRole.KEY, new SourcedValue("KRAKEN_MASTER_API_KEY", "environment", key),
				VariableRole.SECRET, new SourcedValue("KRAKEN_MASTER_API_SECRET", "environment", secret));
	}

}
