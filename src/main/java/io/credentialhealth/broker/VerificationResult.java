package io.credentialhealth.broker;

/**
 * The outcome of one live verification.
 */
public enum VerificationResult {

	/** The broker accepted the credential. */
	VERIFIED,

	/** The broker refused the credential: it was rotated, revoked or never belonged together. */
	REJECTED,

	/**
	 * The broker answered but did not settle the question (invalid nonce, rate limit, lockout,
	 * unexpected answer), or the check was not attempted. Never counts against the credential.
	 */
	UNVERIFIED,

	/** The broker could not be reached: network error, timeout, 5xx. Never counts against the credential. */
	UNREACHABLE

}
