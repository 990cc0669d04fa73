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
 */
@ConfigurationProperties("credentials")
public record CheckProperties(@DefaultValue("5m") Duration checkInterval,
		@DefaultValue("./data/credential-state.json") Path stateFile) {
}
