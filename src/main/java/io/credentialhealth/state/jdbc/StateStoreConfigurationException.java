package io.credentialhealth.state.jdbc;

/**
 * The state store settings cannot work: an unknown {@code credentials.state-store}, a database URL
 * that is not PostgreSQL, or jdbc chosen without a database. Its message never quotes a URL.
 */
public class StateStoreConfigurationException extends RuntimeException {

	private final String property;

	private final String reason;

	private final String action;

	public StateStoreConfigurationException(String property, String reason, String action) {
		super(property + " " + reason);
		this.property = property;
		this.reason = reason;
		this.action = action;
	}

	public String property() {
		return this.property;
	}

	public String reason() {
		return this.reason;
	}

	public String action() {
		return this.action;
	}

}
