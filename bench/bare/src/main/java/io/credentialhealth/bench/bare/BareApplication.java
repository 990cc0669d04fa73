package io.credentialhealth.bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** The benchmarks' reference: Boot's actuator with one trivial indicator and nothing else. */
@SpringBootApplication
public class BareApplication {

	public static void main(String[] args) {
		SpringApplication.run(BareApplication.class, args);
	}

	/** Contributor "trivial", in readiness like credential-health's "credentials". */
	@Bean
	HealthIndicator trivialHealthIndicator() {
		return () -> Health.up().withDetail("answer", 42).build();
	}

}
