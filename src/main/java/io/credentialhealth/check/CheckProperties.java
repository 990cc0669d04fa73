package io.credentialhealth.check;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How and where credentials are checked.
 *
 * @param checkInterval time between two checks (the first runs at start-up, before ready)
 * @param stateFile where the embedded store keeps its memory (a volume or disk on a platform)
 * @param stateSaveInterval how stale the stored "last seen valid" times may get: a check that only
 * moved them saves once this much time has passed since the last save; any other change (a loss, a
 * rotation, a new deployment) is saved at once, and graceful shutdown saves what is left. {@code 0}
 * saves after every check.
 */
@ConfigurationProperties("credentials")
public record CheckProperties(@DefaultValue("5m") Duration checkInterval,
		@DefaultValue("./data/credential-state.json") Path stateFile, @DefaultValue("15m") Duration stateSaveInterval) {

	public CheckProperties {
		if (stateSaveInterval != null && stateSaveInterval.isNegative()) {
			throw new IllegalArgumentException(
					"credentials.state-save-interval must not be negative (0 saves after every check), got "
							+ stateSaveInterval);
		}
	}

}
