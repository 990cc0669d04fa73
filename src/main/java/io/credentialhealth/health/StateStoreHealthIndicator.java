package io.credentialhealth.health;

import io.credentialhealth.state.StateStore;
import io.credentialhealth.state.StoreStatus;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The state store: WARNING while it can only keep memory in RAM. Outside the readiness group: a
 * broken store weakens loss detection across restarts but must not stop traffic.
 */
public class StateStoreHealthIndicator implements HealthIndicator {

	private final StateStore store;

	public StateStoreHealthIndicator(StateStore store) {
		this.store = store;
	}

	@Override
	public Health health() {
		StoreStatus status = this.store.status();
		Health.Builder builder = status.degraded() ? Health.status(AccountHealthIndicator.WARNING) : Health.up();
		builder.withDetail("type", status.type()).withDetail("location", status.location());
		if (status.problem() != null) {
			builder.withDetail("problem", status.problem());
		}
		return builder.build();
	}

}
