package io.credentialhealth.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.credentialhealth.registry.Account;
import io.credentialhealth.registry.CredentialRegistry;
import io.credentialhealth.registry.Variable;

import static org.assertj.core.api.Assertions.fail;

/**
 * A secret-files directory (one file per variable) holding random, well-formed canary values for
 * every variable of the registry. The values exist only here: tests search outputs for them.
 */
final class CredentialFiles {

	/** Any run of this many characters of a value found in an output is a leak. */
	static final int LEAK_WINDOW = 8;

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private final SecureRandom random = new SecureRandom();

	private final Path directory;

	private final Map<String, String> values = new LinkedHashMap<>();

	CredentialFiles(Path directory, CredentialRegistry registry) {
		this.directory = directory;
		for (Account account : registry.accounts()) {
			for (Variable variable : account.variables()) {
				this.values.put(variable.name(), value(account, variable));
			}
		}
	}

	/** Plausible values for each broker, so format rules accept them. */
	private String value(Account account, Variable variable) {
		return switch (variable.role()) {
			case PAPER -> "true";
			case KEY -> switch (account.broker()) {
				case KRAKEN -> base64(42).substring(0, 56);
				// Paper accounts (paper flag "true") use PK keys; live accounts AK keys.
				case ALPACA -> (account.variable(io.credentialhealth.registry.VariableRole.PAPER).isPresent() ? "PK" : "AK")
						+ alphanumeric(18);
				case COINBASE -> "organizations/" + UUID.randomUUID() + "/apiKeys/" + UUID.randomUUID();
				case GENERIC -> alphanumeric(32);
			};
			case SECRET -> switch (account.broker()) {
				case KRAKEN -> base64(64);
				case ALPACA -> alphanumeric(40);
				case COINBASE -> io.credentialhealth.support.TestCredentials.coinbasePrivateKeyPem();
				case GENERIC -> alphanumeric(48);
			};
		};
	}

	private String base64(int bytes) {
		byte[] data = new byte[bytes];
		this.random.nextBytes(data);
		return Base64.getEncoder().encodeToString(data);
	}

	private String alphanumeric(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(ALPHANUMERIC.charAt(this.random.nextInt(ALPHANUMERIC.length())));
		}
		return text.toString();
	}

	/** Writes every variable with its good value, replacing whatever was there. */
	CredentialFiles writeAll() {
		this.values.forEach(this::write);
		return this;
	}

	CredentialFiles write(String name, String value) {
		try {
			Files.writeString(this.directory.resolve(name), value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/** Writes the variable's good value back. */
	CredentialFiles restore(String name) {
		return write(name, this.values.get(name));
	}

	CredentialFiles delete(String name) {
		try {
			Files.deleteIfExists(this.directory.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	String value(String name) {
		return this.values.get(name);
	}

	Collection<String> values() {
		return this.values.values();
	}

	/** Fails when the output holds any value, or any run of {@link #LEAK_WINDOW} characters of one. */
	void assertNoValueIn(String output, String what) {
		for (Map.Entry<String, String> entry : this.values.entrySet()) {
			String value = entry.getValue();
			for (int i = 0; i + LEAK_WINDOW <= value.length(); i++) {
				String window = value.substring(i, i + LEAK_WINDOW);
				if (window.isBlank() || window.contains("-----") || window.contains("\n")) {
					continue; // PEM armour and line breaks are not secret
				}
				if (output.contains(window)) {
					// Name the variable and the position only: the test report must not carry the value either.
					fail(what + " contains characters " + i + ".." + (i + LEAK_WINDOW) + " of the value of " + entry.getKey());
				}
			}
		}
	}

}
