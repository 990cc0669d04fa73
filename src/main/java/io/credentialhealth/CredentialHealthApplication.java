package io.credentialhealth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CredentialHealthApplication {

	public static void main(String[] args) {
		SpringApplication.run(CredentialHealthApplication.class, args);
	}

}
