package io.credentialhealth.boot;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boot's package scans at start-up (mixins, and entities or repositories if the application had any)
 * cover the one-class package of {@link BootAutoConfiguration}, not the whole application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "credentials.state-file=target/test-state/${random.uuid}.json")
class BootAutoConfigurationTest {

	@Autowired
	BeanFactory beanFactory;

	@Test
	void bootScansOnlyThePackageThatEnablesIt() {
		assertThat(AutoConfigurationPackages.get(this.beanFactory))
			.containsExactly(BootAutoConfiguration.class.getPackageName());
	}

}
