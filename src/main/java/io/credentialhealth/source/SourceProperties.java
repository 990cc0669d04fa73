package io.credentialhealth.source;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where credential values are read from besides the process environment.
 *
 * @param secretFilesDir directory with one file per variable (e.g. Render's /etc/secrets); unset
 * for none
 * @param secretFilesFullReadInterval how long a read of the secret-files directory is trusted while
 * the directory reports no change (it is watched); any change there is read at the next check.
 * {@code 0} reads every file at every check (network filesystems, where a watch sees nothing)
 * @param dotenvFile a local .env file for development; unset for none
 */
@ConfigurationProperties("credentials")
public record SourceProperties(Path secretFilesDir, @DefaultValue("10m") Duration secretFilesFullReadInterval,
		Path dotenvFile) {

	public SourceProperties {
		if (secretFilesFullReadInterval != null && secretFilesFullReadInterval.isNegative()) {
			throw new IllegalArgumentException(
					"credentials.secret-files-full-read-interval must not be negative (0 reads every file at every check), got "
							+ secretFilesFullReadInterval);
		}
	}

}
