package io.credentialhealth.registry;

/**
 * The registry cannot be used. The message names the offending property and what is allowed; it
 * never carries a credential value (the registry holds none).
 */
public class InvalidRegistryException extends RuntimeException {

	private final String property;

	public InvalidRegistryException(String property, String reason) {
		super(property + " " + reason);
		this.property = property;
	}

	public String getProperty() {
		return this.property;
	}

}
