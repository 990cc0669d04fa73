package io.credentialhealth.registry;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an invalid registry into Boot's short "APPLICATION FAILED TO START" report. */
class InvalidRegistryFailureAnalyzer extends AbstractFailureAnalyzer<InvalidRegistryException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidRegistryException cause) {
		return new FailureAnalysis("Invalid credential registry: " + cause.getMessage(),
				"Fix property " + cause.getProperty()
						+ " in your registry (application.yaml or the file given with --spring.config.additional-location).",
				cause);
	}

}
