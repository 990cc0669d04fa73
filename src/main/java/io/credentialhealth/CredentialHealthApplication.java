package io.credentialhealth;

import io.credentialhealth.cli.VerifyCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CredentialHealthApplication {

	public static void main(String[] args) {
		if (VerifyCommand.isRequested(args)) {
			// One-shot check without a server; see docs/verify.md.
			System.exit(VerifyCommand.run(CredentialHealthApplication.class, args));
		}
		SpringApplication.run(CredentialHealthApplication.class, args);
	}

}
