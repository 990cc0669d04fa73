package io.credentialhealth.broker;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class BrokerConfiguration {

	@Bean
	FormatChecks formatChecks() {
		return FormatChecks.defaults();
	}

	@Bean
	BrokerFormatInspector brokerFormatInspector(FormatChecks formatChecks) {
		return new BrokerFormatInspector(formatChecks);
	}

}
