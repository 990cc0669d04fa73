package io.credentialhealth.source;

/** A whole source could not be read. The message names the location, never a value. */
public class SourceReadException extends Exception {

	public SourceReadException(String message) {
		super(message);
	}

}
