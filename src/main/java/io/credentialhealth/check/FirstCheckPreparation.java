package io.credentialhealth.check;

/**
 * The first check's preparation ({@link CredentialChecker#prepare()}), done while the context is
 * still starting. Declared as a background bean (see {@code CheckConfiguration}), it runs on Boot's
 * bootstrap executor beside the creation of the other beans instead of adding its time to the
 * start-up: 80-100 ms with the built-in registry on the benchmark machine, most of it Coinbase's
 * signing probe. The context waits for it before the lifecycle phase of {@link CheckScheduler}.
 */
final class FirstCheckPreparation {

	FirstCheckPreparation(CredentialChecker checker) {
		checker.prepare();
	}

}
