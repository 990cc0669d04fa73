package io.credentialhealth.source;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where credential values are read from besides the process environment.
 *
 * @param secretFilesDir directory with one file per variable (e.g. Render's /etc/secrets); unset
 * for none
 * @param dotenvFile a local .env file for development; unset for none
 */
@ConfigurationProperties("credentials")
public record SourceProperties(Path secretFilesDir, Path dotenvFile) {
}
