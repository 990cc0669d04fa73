package io.credentialhealth.notify;

import java.time.Duration;
import java.util.Map;

import io.credentialhealth.CredentialHealthApplication;
import io.credentialhealth.platform.PlatformInfo;
import io.credentialhealth.support.PropertyViolations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class NotifyPropertiesTests {

	private static final String SLACK_LIKE = "https://hooks.slack.com/services/T0CANARY/B0CANARY/" + WebhookServer.TOKEN;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(TestConfiguration.class);

	@Test
	void offWithoutUrl() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(WebhookNotifier.class).doesNotHaveBean(NotificationStats.class);
		});
	}

	@Test
	void offWithBlankUrl() {
		this.runner.withPropertyValues("credentials.notify.webhook-url= ")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WebhookNotifier.class));
	}

	@Test
	void onWithDefaults() {
		this.runner.withPropertyValues("credentials.notify.webhook-url=" + SLACK_LIKE).run((context) -> {
			assertThat(context).hasSingleBean(WebhookNotifier.class).hasSingleBean(NotificationStats.class);
			NotifyProperties properties = context.getBean(NotifyProperties.class);
			assertThat(properties.format()).isEqualTo(NotificationFormat.JSON);
			assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.maxAttempts()).isEqualTo(4);
			assertThat(properties.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
			assertThat(properties.queueCapacity()).isEqualTo(100);
		});
	}

	@Test
	void formatIsCaseInsensitive() {
		this.runner.withPropertyValues("credentials.notify.webhook-url=" + SLACK_LIKE, "credentials.notify.format=Slack")
			.run((context) -> assertThat(context.getBean(NotifyProperties.class).format())
				.isEqualTo(NotificationFormat.SLACK));
	}

	@Test
	void environmentVariableNamesBind() {
		this.runner.withInitializer(environment("CREDENTIALS_NOTIFY_WEBHOOKURL", SLACK_LIKE))
			.run((context) -> assertThat(context).hasSingleBean(WebhookNotifier.class));
		this.runner.withInitializer(environment("CREDENTIALS_NOTIFY_WEBHOOK_URL", SLACK_LIKE))
			.run((context) -> assertThat(context).hasSingleBean(WebhookNotifier.class));
		this.runner.withInitializer(environment("CREDENTIALS_NOTIFY_WEBHOOK_URL", ""))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WebhookNotifier.class));
	}

	private static ApplicationContextInitializer<ConfigurableApplicationContext> environment(String name, String value) {
		return (context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(name, value)));
	}

	@Test
	void malformedUrlFailsNamingThePropertyButNotTheUrl() {
		for (String url : new String[] { "hooks.slack.com/services/T0CANARY/B0CANARY/" + WebhookServer.TOKEN,
				"ftp://hooks.slack.com/services/" + WebhookServer.TOKEN, "https:///services/" + WebhookServer.TOKEN,
				"https://hooks.slack.com/services/ " + WebhookServer.TOKEN }) {
			this.runner.withPropertyValues("credentials.notify.webhook-url=" + url).run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new NotifyPropertiesFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).as(url).isNotNull();
				assertThat(analysis.getDescription()).contains("Property credentials.notify.webhook-url: is not a usable webhook URL")
					.doesNotContain(WebhookServer.TOKEN)
					.doesNotContain("T0CANARY");
				assertThat(analysis.getAction()).doesNotContain(WebhookServer.TOKEN);
			});
		}
	}

	@Test
	void otherInvalidValuesAreReportedWithTheirValue() {
		this.runner
			.withPropertyValues("credentials.notify.webhook-url=" + SLACK_LIKE, "credentials.notify.max-attempts=0",
					"credentials.notify.timeout=0s")
			.run((context) -> {
				FailureAnalysis analysis = new NotifyPropertiesFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Property credentials.notify.max-attempts = \"0\": ")
					.contains("Property credentials.notify.timeout = \"PT0S\": must be positive")
					.doesNotContain(WebhookServer.TOKEN);
			});
	}

	@Test
	void everyBoundIsInclusive() {
		assertThat(violations("timeout=1ms", "max-attempts=1", "initial-backoff=0s", "queue-capacity=1")).isEmpty();
		assertThat(violations("timeout=5m", "max-attempts=10", "initial-backoff=1m", "queue-capacity=10000")).isEmpty();
	}

	@Test
	void eachRuleNamesThePropertyAndTheBound() {
		Map<String, String> expected = new java.util.LinkedHashMap<>();
		expected.put("timeout=0s", "credentials.notify.timeout: must be positive, e.g. 5s");
		expected.put("timeout=-1s", "credentials.notify.timeout: must be positive, e.g. 5s");
		expected.put("timeout=300001ms", "credentials.notify.timeout: must be at most 5m");
		expected.put("max-attempts=0", "credentials.notify.max-attempts: must be greater than or equal to 1");
		expected.put("max-attempts=11", "credentials.notify.max-attempts: must be less than or equal to 10");
		expected.put("initial-backoff=-1ms", "credentials.notify.initial-backoff: must not be negative");
		expected.put("initial-backoff=60001ms", "credentials.notify.initial-backoff: must be at most 1m");
		expected.put("queue-capacity=0", "credentials.notify.queue-capacity: must be greater than or equal to 1");
		expected.put("queue-capacity=10001",
				"credentials.notify.queue-capacity: must be less than or equal to 10000");
		expected.forEach((setting, violation) -> assertThat(violations(setting)).as(setting).containsExactly(violation));
	}

	@Test
	void eachWebhookUrlProblemIsNamed() {
		Map<String, String> problems = Map.of("hooks.slack.com/services/x", "no scheme", "ftp://hooks.slack.com/x",
				"scheme must be http or https", "https:///services/x", "no host", "https://hooks.slack.com/a b",
				"malformed at character 26");
		problems.forEach((url, problem) -> assertThat(violations("webhook-url=" + url)).as(url)
			.containsExactly("credentials.notify.webhook-url: is not a usable webhook URL (" + problem
					+ "); expected an absolute http(s) URL such as https://hooks.slack.com/services/..., "
					+ "or leave it unset to turn notifications off"));
		assertThat(violations("webhook-url=http://127.0.0.1:8080/hook")).isEmpty();
		assertThat(violations("webhook-url=")).isEmpty();
	}

	@Test
	void aFormatIsRequired() {
		NotifyProperties noFormat = new NotifyProperties(null, null, Duration.ofSeconds(5), 4, Duration.ofSeconds(1),
				100);
		assertThat(PropertyViolations.of(noFormat, "credentials.notify"))
			.containsExactly("credentials.notify.format: must not be null");
	}

	private static java.util.List<String> violations(String... settings) {
		return PropertyViolations.whenBound(PropertiesOnly.class,
				java.util.Arrays.stream(settings).map((setting) -> "credentials.notify." + setting).toArray(String[]::new));
	}

	@Test
	void applicationFailsToStartWithAClearMessageAndNoToken(CapturedOutput output, @TempDir java.nio.file.Path dir) {
		SpringApplication application = new SpringApplication(CredentialHealthApplication.class);
		assertThatException().isThrownBy(() -> application.run("--server.port=0",
				"--credentials.schedule.enabled=false", "--credentials.state-file=" + dir.resolve("state.json"),
				"--credentials.notify.webhook-url=hooks.slack.com/services/T0CANARY/B0CANARY/" + WebhookServer.TOKEN));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property credentials.notify.webhook-url: is not a usable webhook URL (no scheme)")
			.doesNotContain(WebhookServer.TOKEN);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(NotifyProperties.class)
	static class PropertiesOnly {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(NotifyProperties.class)
	@Import(NotifyConfiguration.class)
	static class TestConfiguration {

		@Bean
		PlatformInfo platformInfo() {
			return Transitions.RAILWAY;
		}

	}

}
