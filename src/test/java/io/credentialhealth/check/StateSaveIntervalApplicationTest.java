package io.credentialhealth.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.credentialhealth.CredentialHealthApplication;
import io.credentialhealth.source.EnvironmentVariables;
import io.credentialhealth.support.MutableClock;
import io.credentialhealth.support.TestCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@code credentials.state-save-interval} in the application: a check that only moved "last seen
 * valid" leaves the state file alone, closing the context writes it, the file is compact JSON, and
 * a negative interval stops start-up with a message naming the property.
 */
@ExtendWith(OutputCaptureExtension.class)
class StateSaveIntervalApplicationTest {

	private static final Instant T0 = Instant.parse("2026-01-16T20:45:00Z");

	private static final String KEY = "KRAKEN_USER_TANIA_API_KEY";

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path dir;

	private final MutableClock clock = new MutableClock(T0);

	@Test
	void lastSeenValidAloneWaitsForTheIntervalAndShutdownWritesIt() throws Exception {
		Path stateFile = this.dir.resolve("state.json");
		try (ConfigurableApplicationContext context = run("--credentials.state-file=" + stateFile)) {
			assertThat(storedLastSeenValid(stateFile)).as("the start-up check saves").isEqualTo(T0);
			String written = Files.readString(stateFile);
			assertThat(written).as("compact JSON").doesNotContain("\n").doesNotContain("  ");

			this.clock.advance(Duration.ofMinutes(5));
			context.getBean(CredentialChecker.class).check();
			assertThat(Files.readString(stateFile)).as("only last seen valid moved: not rewritten").isEqualTo(written);
		}
		assertThat(storedLastSeenValid(stateFile)).as("written when the context closed").isEqualTo(T0.plusSeconds(300));
	}

	@Test
	void aNegativeIntervalStopsStartUpNamingTheProperty(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--credentials.state-file=" + this.dir.resolve("state.json"),
				"--credentials.state-save-interval=-1m"));
		assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
			.contains("credentials.state-save-interval must not be negative");
	}

	private ConfigurableApplicationContext run(String... args) {
		Map<String, String> env = TestCredentials.all();
		return new SpringApplicationBuilder(CredentialHealthApplication.class).web(WebApplicationType.NONE)
			.initializers((context) -> {
				context.getBeanFactory().registerSingleton("plantedEnvironment", (EnvironmentVariables) () -> env);
				context.getBeanFactory().registerSingleton("testClock", (Clock) this.clock);
			})
			.properties("credentials.check-interval=1h")
			.run(args);
	}

	private static Instant storedLastSeenValid(Path stateFile) throws Exception {
		JsonNode variable = json.readTree(Files.readString(stateFile)).get("variables").get(KEY);
		return Instant.parse(variable.get("lastSeenValid").asString());
	}

}
