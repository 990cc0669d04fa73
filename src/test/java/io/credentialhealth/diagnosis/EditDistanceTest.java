package io.credentialhealth.diagnosis;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EditDistanceTest {

	@ParameterizedTest(name = "{0} -> {1} = {2}")
	@CsvSource({ "ABC, ABC, 0", "ABC, ABD, 1", "ABC, ACB, 1", "ABC, AB, 1", "ABC, XABC, 1", "ABCD, BADC, 2",
			"KRAKEN, KRANKE, 2", "ABC, XYZ, 3", "A, ABCDEFGH, 3", "KRAKEN_USER_TANIA_API_KEY, KRAKEN_USER_TANYA_API_KYE, 2" })
	void distanceUpToTheBound(String a, String b, int expected) {
		assertThat(EditDistance.bounded(a, b, 2)).isEqualTo(expected);
		assertThat(EditDistance.bounded(b, a, 2)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "ABCDEF, FEDCBA, 5", "KRAKEN_MASTER, MASTER_KRAKEN, 10" })
	void exactDistanceWithAWideBound(String a, String b, int expected) {
		assertThat(EditDistance.bounded(a, b, 64)).isEqualTo(expected);
	}

}
