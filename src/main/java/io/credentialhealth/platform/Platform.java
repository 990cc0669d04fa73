package io.credentialhealth.platform;

import java.util.Locale;

/** Where the service runs, as told by the platform's own variables and files. */
public enum Platform {

	RAILWAY("Railway"), RENDER("Render"), KUBERNETES("Kubernetes"), DOCKER("Docker"), LOCAL("Local");

	private final String displayName;

	Platform(String displayName) {
		this.displayName = displayName;
	}

	public String displayName() {
		return this.displayName;
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
