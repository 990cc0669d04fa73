package io.credentialhealth;

import io.credentialhealth.boot.BootAutoConfiguration;
import io.credentialhealth.broker.BrokerConfiguration;
import io.credentialhealth.broker.verify.VerifyConfiguration;
import io.credentialhealth.broker.verify.VerifyProperties;
import io.credentialhealth.check.CheckConfiguration;
import io.credentialhealth.check.CheckProperties;
import io.credentialhealth.cli.VerifyCommand;
import io.credentialhealth.diagnosis.DiagnosisConfiguration;
import io.credentialhealth.diagnosis.DiagnosisProperties;
import io.credentialhealth.health.HealthConfiguration;
import io.credentialhealth.inventory.InventoryConfiguration;
import io.credentialhealth.metrics.MetricsConfiguration;
import io.credentialhealth.notify.NotifyConfiguration;
import io.credentialhealth.notify.NotifyProperties;
import io.credentialhealth.platform.PlatformConfiguration;
import io.credentialhealth.platform.PlatformProperties;
import io.credentialhealth.registry.RegistryConfiguration;
import io.credentialhealth.registry.RegistryProperties;
import io.credentialhealth.security.SecurityConfiguration;
import io.credentialhealth.security.SecurityHeadersConfiguration;
import io.credentialhealth.security.SecurityProperties;
import io.credentialhealth.source.SourceConfiguration;
import io.credentialhealth.source.SourceProperties;
import io.credentialhealth.state.jdbc.JdbcStateStoreConfiguration;
import io.credentialhealth.web.StatusPageProperties;
import io.credentialhealth.web.WebConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Boot's auto-configuration plus one configuration per feature, listed here instead of found by
 * component and properties scanning: the two scans read every class file of the application at each
 * start, about 60 ms of a 1.6 s start on the benchmark machine (docs/benchmarks.md). For the same
 * reason auto-configuration is enabled from {@link BootAutoConfiguration}'s package, not this one.
 * {@code ApplicationConfigurationTest} fails when a configuration or properties class is missing here.
 */
@SpringBootConfiguration
@Import({ BootAutoConfiguration.class, BrokerConfiguration.class, VerifyConfiguration.class, CheckConfiguration.class,
		DiagnosisConfiguration.class, HealthConfiguration.class, InventoryConfiguration.class, MetricsConfiguration.class,
		NotifyConfiguration.class, PlatformConfiguration.class, RegistryConfiguration.class, SecurityConfiguration.class,
		SecurityHeadersConfiguration.class, SourceConfiguration.class, JdbcStateStoreConfiguration.class,
		WebConfiguration.class })
@EnableConfigurationProperties({ VerifyProperties.class, CheckProperties.class, DiagnosisProperties.class,
		NotifyProperties.class, PlatformProperties.class, RegistryProperties.class, SecurityProperties.class,
		SourceProperties.class, StatusPageProperties.class })
public class CredentialHealthApplication {

	public static void main(String[] args) {
		if (VerifyCommand.isRequested(args)) {
			// One-shot check without a server; see docs/verify.md.
			System.exit(VerifyCommand.run(CredentialHealthApplication.class, args));
		}
		SpringApplication.run(CredentialHealthApplication.class, args);
	}

}
