package io.credentialhealth.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromtoolCheckTest {

	@Test
	void onlyKeepsTheFamiliesWithThePrefix() {
		String exposition = """
				# HELP jvm_threads_live_threads The current number of live threads
				# TYPE jvm_threads_live_threads gauge
				jvm_threads_live_threads 21.0
				# HELP credentials_transitions_total Transitions
				# TYPE credentials_transitions_total counter
				credentials_transitions_total{account="kraken-master",transition="lost"} 1.0
				# a comment
				credentials_check_interval_seconds 300.0
				# EOF
				""";

		assertThat(PromtoolCheck.only(exposition, "credentials_")).isEqualTo("""
				# HELP credentials_transitions_total Transitions
				# TYPE credentials_transitions_total counter
				credentials_transitions_total{account="kraken-master",transition="lost"} 1.0
				credentials_check_interval_seconds 300.0
				""");
	}

	@Test
	void onlyOfNothingIsEmpty() {
		assertThat(PromtoolCheck.only("", "credentials_")).isEmpty();
		assertThat(PromtoolCheck.only("jvm_x 1\n", "credentials_")).isEmpty();
	}

}
