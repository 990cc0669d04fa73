package io.credentialhealth.broker;

/**
 * How bad a format finding is: an {@link #ERROR} makes the account INVALID, a {@link #WARNING}
 * leaves it CONFIGURED and is shown next to it.
 */
public enum Severity {

	ERROR, WARNING

}
