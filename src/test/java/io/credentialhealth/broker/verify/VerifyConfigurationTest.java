package io.credentialhealth.broker.verify;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.credentialhealth.registry.CredentialRegistry;
import io.credentialhealth.registry.InvalidRegistryException;
import io.credentialhealth.registry.RegistryProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifyConfigurationTest {

	private static final CredentialRegistry REGISTRY = registry();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesOnly.class);

	@Test
	void defaultsMatchTheIssue() {
		this.runner.run((context) -> {
			VerifyProperties properties = context.getBean(VerifyProperties.class);
			assertThat(properties.enabled()).isFalse();
			assertThat(properties.interval()).isEqualTo(Duration.ofHours(1));
			assertThat(properties.jitter()).isEqualTo(Duration.ofMinutes(6));
			assertThat(properties.maxBackoff()).isEqualTo(Duration.ofHours(6));
			assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(properties.kraken().baseUrl()).isEqualTo("https://api.kraken.com");
			assertThat(properties.alpaca().liveBaseUrl()).isEqualTo("https://api.alpaca.markets");
			assertThat(properties.alpaca().paperBaseUrl()).isEqualTo("https://paper-api.alpaca.markets");
			assertThat(properties.coinbase().baseUrl()).isEqualTo("https://api.coinbase.com");
			assertThat(properties.accounts()).isEmpty();
			assertThat(VerifyConfiguration.verifiedAccounts(properties, REGISTRY)).isEmpty();
		});
	}

	@Test
	void aTightIntervalIsRefusedWithTheReason() {
		this.runner.withPropertyValues("credentials.verify.interval=100ms").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("credentials.verify.interval")
				.hasMessageContaining("must be at least 1s: a broker must never be called in a tight loop");
		});
	}

	@Test
	void overridesWinOverTheGlobalSwitch() {
		VerifyProperties on = bind(Map.of("credentials.verify.enabled", "true",
				"credentials.verify.accounts.kraken-master.enabled", "false"));
		assertThat(VerifyConfiguration.verifiedAccounts(on, REGISTRY)).containsExactly("coinbase-master",
				"alpaca-master", "kraken-user-daivon", "kraken-user-tania", "alpaca-user-tania");
		VerifyProperties off = bind(Map.of("credentials.verify.accounts.alpaca-master.enabled", "true"));
		assertThat(VerifyConfiguration.verifiedAccounts(off, REGISTRY)).containsExactly("alpaca-master");
	}

	@Test
	void genericAndDisabledAccountsAreNeverVerified() {
		Map<String, String> accounts = new LinkedHashMap<>();
		accounts.put("credentials.accounts.kraken-master.broker", "kraken");
		accounts.put("credentials.accounts.kraken-master.role", "master");
		accounts.put("credentials.accounts.kraken-master.enabled", "false");
		accounts.put("credentials.accounts.other.broker", "generic");
		accounts.put("credentials.accounts.other.role", "master");
		accounts.put("credentials.accounts.other.key-variable", "OTHER_KEY");
		accounts.put("credentials.accounts.other.secret-variable", "OTHER_SECRET");
		CredentialRegistry registry = CredentialRegistry.of(new Binder(new MapConfigurationPropertySource(accounts))
			.bind("credentials", RegistryProperties.class)
			.get());
		assertThat(VerifyConfiguration.verifiedAccounts(bind(Map.of("credentials.verify.enabled", "true")), registry))
			.isEmpty();
	}

	@Test
	void anOverrideForAnUnknownAccountFailsStartUp() {
		VerifyProperties typo = bind(Map.of("credentials.verify.accounts.kraken-mastr.enabled", "false"));
		assertThatExceptionOfType(InvalidRegistryException.class)
			.isThrownBy(() -> VerifyConfiguration.verifiedAccounts(typo, REGISTRY))
			.withMessage("credentials.verify.accounts.kraken-mastr names no registered account; registered accounts: "
					+ "coinbase-master, kraken-master, alpaca-master, kraken-user-daivon, kraken-user-tania, "
					+ "alpaca-user-tania");
	}

	@Test
	void aBadBaseUrlNamesThePropertyWithoutEchoingTheUrl() {
		VerifyProperties bad = bind(Map.of("credentials.verify.kraken.base-url", "ftp://user:hunter2pass@example"));
		assertThatExceptionOfType(InvalidRegistryException.class)
			.isThrownBy(() -> VerifyConfiguration.brokerVerifiers(bad, Clock.systemUTC()))
			.satisfies((ex) -> {
				assertThat(ex.getProperty()).isEqualTo("credentials.verify.kraken.base-url");
				assertThat(ex.getMessage()).doesNotContain("hunter2");
			});
	}

	private static VerifyProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("credentials.verify",
				VerifyProperties.class);
	}

	private static CredentialRegistry registry() {
		Map<String, String> accounts = new LinkedHashMap<>();
		for (String id : new String[] { "coinbase-master", "kraken-master", "alpaca-master" }) {
			accounts.put("credentials.accounts." + id + ".broker", id.substring(0, id.indexOf('-')));
			accounts.put("credentials.accounts." + id + ".role", "master");
		}
		for (String id : new String[] { "kraken-user-daivon", "kraken-user-tania", "alpaca-user-tania" }) {
			accounts.put("credentials.accounts." + id + ".broker", id.substring(0, id.indexOf('-')));
			accounts.put("credentials.accounts." + id + ".role", "user");
			accounts.put("credentials.accounts." + id + ".user", id.substring(id.lastIndexOf('-') + 1));
		}
		return CredentialRegistry.of(new Binder(new MapConfigurationPropertySource(accounts))
			.bind("credentials", RegistryProperties.class)
			.get());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(VerifyProperties.class)
	static class PropertiesOnly {

	}

}
