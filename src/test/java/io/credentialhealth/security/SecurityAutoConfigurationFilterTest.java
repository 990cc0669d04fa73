package io.credentialhealth.security;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityAutoConfigurationFilterTest {

	private static final String[] CANDIDATES = {
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
			"org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration", null };

	@Test
	void withoutATokenBootsSecurityAutoConfigurationsStayOut() {
		assertThat(filter(new MockEnvironment()).match(CANDIDATES, null)).containsExactly(false, false, false, true, true);
	}

	@Test
	void aBlankTokenIsNoToken() {
		MockEnvironment environment = new MockEnvironment().withProperty("credentials.access-token", "  ");
		assertThat(filter(environment).match(CANDIDATES, null)).containsExactly(false, false, false, true, true);
	}

	@Test
	void withATokenEverythingStays() {
		MockEnvironment environment = new MockEnvironment().withProperty("credentials.access-token", "t0ken");
		assertThat(filter(environment).match(CANDIDATES, null)).containsExactly(true, true, true, true, true);
	}

	private static SecurityAutoConfigurationFilter filter(MockEnvironment environment) {
		SecurityAutoConfigurationFilter filter = new SecurityAutoConfigurationFilter();
		filter.setEnvironment(environment);
		return filter;
	}

}
