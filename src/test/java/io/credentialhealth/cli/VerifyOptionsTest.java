package io.credentialhealth.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class VerifyOptionsTest {

	@Test
	void flagsAndPropertiesAreSeparated() {
		VerifyOptions options = VerifyOptions
			.parse(new String[] { "verify", "--json", "--verbose", "--credentials.state-file=/tmp/s.json" });
		assertThat(options.json()).isTrue();
		assertThat(options.verbose()).isTrue();
		assertThat(options.help()).isFalse();
		assertThat(options.applicationArguments()).containsExactly("--credentials.state-file=/tmp/s.json");
	}

	@Test
	void defaultsToTextReport() {
		VerifyOptions options = VerifyOptions.parse(new String[] { "verify" });
		assertThat(options.json()).isFalse();
		assertThat(options.verbose()).isFalse();
		assertThat(options.applicationArguments()).isEmpty();
	}

	@Test
	void unknownFlagIsNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> VerifyOptions.parse(new String[] { "verify", "--jsn" }))
			.withMessageContaining("'--jsn'");
	}

	@Test
	void unknownValueIsNeverEchoed() {
		// Someone pasting a key where a flag belongs must not see it printed back.
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VerifyOptions.parse(new String[] { "verify", "AKCANARY0123456789XYZ" }))
			.withMessage("argument 2 is not understood (properties are given as --name=value)");
	}

	@Test
	void verifyIsOnlyTheFirstArgument() {
		assertThat(VerifyCommand.isRequested(new String[] { "verify" })).isTrue();
		assertThat(VerifyCommand.isRequested(new String[] { "--server.port=0", "verify" })).isFalse();
		assertThat(VerifyCommand.isRequested(new String[0])).isFalse();
	}

}
