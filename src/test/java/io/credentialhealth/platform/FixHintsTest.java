package io.credentialhealth.platform;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FixHintsTest {

	private static final List<String> missing = List.of("KRAKEN_USER_TANIA_API_KEY");

	private static FixHints hints(PlatformInfo platform, PlatformProperties properties, boolean dotenv) {
		return new FixHints(platform, properties, dotenv);
	}

	private static PlatformProperties none() {
		return new PlatformProperties(null, null, null, null);
	}

	@Test
	void railwayReadsTheValueFromStandardInput() {
		FixHints hints = hints(new PlatformInfo(Platform.RAILWAY, "production", "credential-health", "d", "i", "c", "bot"),
				none(), false);
		assertThat(hints.forVariables(missing)).containsExactly(
				"railway variable set KRAKEN_USER_TANIA_API_KEY --stdin --service credential-health --environment production",
				"or in the Railway dashboard: project bot > service credential-health > Variables (environment production)");
	}

	@Test
	void renderNamesTheEnvironmentGroupAndTheRestCall() {
		PlatformInfo render = new PlatformInfo(Platform.RENDER, "production", "creds", "d", "i", "c", "srv-123");
		assertThat(hints(render, new PlatformProperties(null, null, null, "broker-credentials"), false).forVariables(missing))
			.containsExactly(
					"Render dashboard: Environment Groups > broker-credentials > set KRAKEN_USER_TANIA_API_KEY (every service linked to the group gets it)",
					"read -rs VALUE && curl -X PUT https://api.render.com/v1/services/srv-123/env-vars/KRAKEN_USER_TANIA_API_KEY -H \"Authorization: Bearer $RENDER_API_KEY\" -H 'Content-Type: application/json' -d \"{\\\"value\\\":\\\"$VALUE\\\"}\"");
		assertThat(hints(render, none(), false).forVariables(missing).get(0))
			.isEqualTo("Render dashboard: service creds > Environment > set KRAKEN_USER_TANIA_API_KEY");
	}

	@Test
	void kubernetesPatchesTheSecret() {
		PlatformInfo k8s = new PlatformInfo(Platform.KUBERNETES, "trading", "creds", "d", "i", "c", "trading");
		assertThat(hints(k8s, new PlatformProperties(null, null, "broker-keys", null), false).forVariables(missing))
			.containsExactly(
					"read -rs VALUE && kubectl -n trading patch secret broker-keys --type merge -p \"{\\\"stringData\\\":{\\\"KRAKEN_USER_TANIA_API_KEY\\\":\\\"$VALUE\\\"}}\"",
					"kubectl -n trading rollout restart deployment/creds");
	}

	@Test
	void localExportsAndWarnsThatDotenvDoesNotDeploy() {
		PlatformInfo local = new PlatformInfo(Platform.LOCAL, "local", "creds", "d", "i", "c", "p");
		assertThat(hints(local, none(), true).forVariables(missing)).containsExactly(
				"read -rs KRAKEN_USER_TANIA_API_KEY && export KRAKEN_USER_TANIA_API_KEY",
				"a local shell or .env file does not deploy: set the variables on the platform too");
		assertThat(hints(local, none(), true).warnings()).isEmpty();
	}

	@Test
	void aDotenvFileOnAPlatformIsCalledOut() {
		PlatformInfo railway = new PlatformInfo(Platform.RAILWAY, "production", "creds", "d", "i", "c", "p");
		assertThat(hints(railway, none(), true).warnings())
			.containsExactly("a .env file exists, but Railway does not use it: set the variables on the platform instead");
		assertThat(hints(railway, none(), false).warnings()).isEmpty();
	}

	@Test
	void nothingToFix() {
		assertThat(hints(new PlatformInfo(Platform.LOCAL, "l", "s", "d", "i", "c", "p"), none(), false).forVariables(List.of()))
			.isEmpty();
	}

}
