package io.credentialhealth.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.credentialhealth.CredentialHealthApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@code credentials.secret-files-full-read-interval} in the application: the directory is watched by
 * default, the watch ends with the context, {@code 0} turns it off, and a negative interval stops
 * start-up naming the property.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretFilesApplicationTest {

	@TempDir
	Path dir;

	@Test
	void theDirectoryIsWatchedUntilTheContextCloses() throws Exception {
		Path secrets = secrets();
		SecretFilesSource source;
		long fullReads;
		try (ConfigurableApplicationContext context = run("--credentials.secret-files-dir=" + secrets)) {
			source = secretFiles(context);
			assertThat(source.read()).containsKey("KRAKEN_MASTER_API_KEY");
			fullReads = source.fullReads();
			source.read();
			assertThat(source.fullReads()).as("no change: the last read").isEqualTo(fullReads);
		}
		source.read();
		assertThat(source.fullReads()).as("closed with the context: every file is read").isEqualTo(fullReads + 1);
	}

	@Test
	void anIntervalOfZeroReadsEveryFileAtEveryRead() throws Exception {
		Path secrets = secrets();
		try (ConfigurableApplicationContext context = run("--credentials.secret-files-dir=" + secrets,
				"--credentials.secret-files-full-read-interval=0")) {
			SecretFilesSource source = secretFiles(context);
			long fullReads = source.fullReads();
			source.read();
			source.read();
			assertThat(source.fullReads()).isEqualTo(fullReads + 2);
		}
	}

	@Test
	void aNegativeIntervalStopsStartUpNamingTheProperty(CapturedOutput output) throws Exception {
		Path secrets = secrets();
		assertThatException().isThrownBy(() -> run("--credentials.secret-files-dir=" + secrets,
				"--credentials.secret-files-full-read-interval=-1s"));
		assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
			.contains("credentials.secret-files-full-read-interval must not be negative");
	}

	private Path secrets() throws Exception {
		Path secrets = Files.createDirectory(this.dir.resolve("secrets"));
		Files.writeString(secrets.resolve("KRAKEN_MASTER_API_KEY"), "not-checked-here");
		// Written long before, as on a platform: a directory changed in the last seconds is always read in full.
		Files.setLastModifiedTime(secrets, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
		return secrets;
	}

	private static SecretFilesSource secretFiles(ConfigurableApplicationContext context) {
		return context.getBean(CredentialSources.class)
			.sources()
			.stream()
			.filter(SecretFilesSource.class::isInstance)
			.map(SecretFilesSource.class::cast)
			.findFirst()
			.orElseThrow();
	}

	private ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(CredentialHealthApplication.class).web(WebApplicationType.NONE)
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton("plantedEnvironment", (EnvironmentVariables) Map::of))
			.properties("credentials.check-interval=1h", "credentials.state-file=" + this.dir.resolve("state.json"))
			.run(args);
	}

}
