package io.credentialhealth.inventory;

import io.credentialhealth.check.CredentialChecker;
import io.credentialhealth.check.CurrentSnapshot;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/credentials}: GET returns the inventory of the last check, POST runs a check
 * now and returns the new inventory.
 */
@Endpoint(id = "credentials")
public class CredentialsEndpoint {

	private final CurrentSnapshot snapshot;

	private final CredentialChecker checker;

	public CredentialsEndpoint(CurrentSnapshot snapshot, CredentialChecker checker) {
		this.snapshot = snapshot;
		this.checker = checker;
	}

	@ReadOperation
	public Inventory inventory() {
		return Inventory.of(this.snapshot.get());
	}

	@WriteOperation
	public Inventory check() {
		return Inventory.of(this.checker.check());
	}

}
