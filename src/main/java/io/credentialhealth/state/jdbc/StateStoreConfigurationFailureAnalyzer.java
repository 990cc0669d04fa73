package io.credentialhealth.state.jdbc;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints what is wrong with the state store settings and how to fix it, instead of a stack trace. */
class StateStoreConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<StateStoreConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StateStoreConfigurationException cause) {
		return new FailureAnalysis("The credential state store is misconfigured: " + cause.property() + " "
				+ cause.reason() + ".", cause.action(), cause);
	}

}
