package io.credentialhealth.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.credentialhealth.source.SourceProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

	@Bean
	PlatformInfo platformInfo(PlatformProperties properties,
			@Value("${spring.application.name:credential-health}") String applicationName) {
		return PlatformDetector.forThisProcess().detect(properties, applicationName);
	}

	@Bean
	FixHints fixHints(PlatformInfo platform, PlatformProperties properties, SourceProperties sources) {
		Path dotenv = (sources.dotenvFile() != null) ? sources.dotenvFile() : Path.of(".env");
		return new FixHints(platform, properties, Files.isRegularFile(dotenv));
	}

	/** Platform identity in /actuator/info, beside build info. */
	@Bean
	InfoContributor platformInfoContributor(PlatformInfo platform) {
		return (builder) -> {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("name", platform.platform().id());
			details.put("environment", platform.environment());
			details.put("service", platform.service());
			details.put("deployment", platform.deploymentId());
			details.put("instance", platform.instanceId());
			details.put("commit", platform.commit());
			builder.withDetail("platform", details);
		};
	}

}
