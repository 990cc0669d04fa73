package io.credentialhealth.check;

import org.assertj.core.groups.Tuple;

import static org.assertj.core.api.Assertions.assertThat;

/** Asserts that two checks report the same about every account, for tests that compare a shortcut with a check from scratch. */
final class SameReport {

	private SameReport() {
	}

	/**
	 * Same accounts, states, problems, key previews and, per variable, classification and
	 * condition; fingerprints too when both checkers share a salt (the same store).
	 */
	static void assertSameReport(Snapshot actual, Snapshot expected, boolean sameSalt) {
		assertThat(actual.accounts()).extracting(AccountStatus::id)
			.containsExactlyElementsOf(expected.accounts().stream().map(AccountStatus::id).toList());
		for (AccountStatus status : actual.accounts()) {
			AccountStatus scratch = expected.account(status.id()).orElseThrow();
			assertThat(status.state()).isEqualTo(scratch.state());
			assertThat(status.problems()).isEqualTo(scratch.problems());
			assertThat(status.keyPreview()).isEqualTo(scratch.keyPreview());
			assertThat(status.variables().stream().map((v) -> row(v, sameSalt)).toList())
				.isEqualTo(scratch.variables().stream().map((v) -> row(v, sameSalt)).toList());
		}
	}

	private static Tuple row(VariableStatus variable, boolean withFingerprint) {
		return withFingerprint
				? Tuple.tuple(variable.name(), variable.classification(), variable.condition(), variable.fingerprint())
				: Tuple.tuple(variable.name(), variable.classification(), variable.condition());
	}

}
