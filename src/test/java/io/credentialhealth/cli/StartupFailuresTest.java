package io.credentialhealth.cli;

import io.credentialhealth.registry.InvalidRegistryException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;

import static org.assertj.core.api.Assertions.assertThat;

class StartupFailuresTest {

	@Test
	void invalidRegistryAnywhereInTheChainNamesTheProperty() {
		Throwable failure = new IllegalStateException("context",
				new BeanCreationException("credentialRegistry", "failed", new InvalidRegistryException(
						"credentials.accounts.kraken-master.key-variable", "names KRAKEN_X, which account 'a' already uses")));
		assertThat(StartupFailures.describeInvalidConfiguration(failure)).contains(
				"Invalid credential registry: credentials.accounts.kraken-master.key-variable names KRAKEN_X, which account 'a' already uses");
	}

	@Test
	void otherFailuresAreNotConfigurationProblems() {
		assertThat(StartupFailures.describeInvalidConfiguration(new IllegalStateException("boom"))).isEmpty();
	}

	@Test
	void otherFailuresAreDescribedByTypeOnly() {
		// A message may echo input, such as a value that ended up in a property.
		Throwable failure = new BeanCreationException("bean", "failed",
				new IllegalArgumentException("CANARYvalue0123456789"));
		assertThat(StartupFailures.describeOther(failure))
			.isEqualTo("The application could not start (BeanCreationException, caused by IllegalArgumentException); "
					+ "run it without 'verify' to see the full report")
			.doesNotContain("CANARY");
	}

	@Test
	void causeCyclesEnd() {
		IllegalStateException first = new IllegalStateException("a");
		IllegalStateException second = new IllegalStateException("b", first);
		first.initCause(second);
		assertThat(StartupFailures.describeInvalidConfiguration(first)).isEmpty();
		assertThat(StartupFailures.describeOther(first)).startsWith("The application could not start");
	}

}
