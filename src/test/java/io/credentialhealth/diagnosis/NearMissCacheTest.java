package io.credentialhealth.diagnosis;

import java.util.List;
import java.util.Map;

import io.credentialhealth.source.CredentialSources;
import io.credentialhealth.source.SourcedValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The diagnosis is redone only when the names found, or where they were found, changed. */
class NearMissCacheTest {

	private final NearMissInspector inspector = new NearMissInspector(
			new NameDiagnosis(BuiltInRegistry.accounts(), List.of()));

	@Test
	void aReadingWithTheSameNamesAndOriginsReusesTheLastResult() {
		NameDiagnosis.Result first = this.inspector.result(reading("environment", "value-1"));
		assertThat(first.nearMisses()).isNotEmpty();
		assertThat(this.inspector.result(reading("environment", "value-2"))).as("values are not part of the input")
			.isSameAs(first);
	}

	@Test
	void aNewNameOrOriginIsDiagnosedAgain() {
		NameDiagnosis.Result first = this.inspector.result(reading("environment", "value-1"));
		NameDiagnosis.Result moved = this.inspector.result(reading("secret file /etc/secrets/KRAKEN_USER_TANIA", "v"));
		assertThat(moved).isNotSameAs(first);
		assertThat(moved.nearMisses()).singleElement()
			.satisfies((nearMiss) -> assertThat(nearMiss.origin()).isEqualTo("secret file /etc/secrets/KRAKEN_USER_TANIA"));

		NameDiagnosis.Result more = this.inspector.result(new CredentialSources.Reading(
				Map.of("KRAKEN_USER_TANIA", new SourcedValue("KRAKEN_USER_TANIA", "environment", "v"), "BINANCE_API_KEY",
						new SourcedValue("BINANCE_API_KEY", "environment", "v")),
				List.of()));
		assertThat(more.unregistered()).extracting(NameDiagnosis.Unregistered::name).containsExactly("BINANCE_API_KEY");
		assertThat(this.inspector.result(reading("environment", "v")).unregistered()).as("and back").isEmpty();
	}

	private static CredentialSources.Reading reading(String origin, String value) {
		return new CredentialSources.Reading(
				Map.of("KRAKEN_USER_TANIA", new SourcedValue("KRAKEN_USER_TANIA", origin, value)), List.of());
	}

}
