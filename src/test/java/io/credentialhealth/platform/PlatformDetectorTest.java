package io.credentialhealth.platform;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformDetectorTest {

	private static final PlatformProperties none = new PlatformProperties(null, null, null, null);

	private static PlatformInfo detect(Map<String, String> env, Set<String> files) {
		return new PlatformDetector(env, (path) -> files.contains(path.toString()),
				(path) -> files.contains(path.toString()) ? "trading" : null)
			.detect(none, "credential-health");
	}

	@Test
	void railway() {
		PlatformInfo info = detect(Map.of("RAILWAY_ENVIRONMENT_NAME", "production", "RAILWAY_SERVICE_NAME", "creds",
				"RAILWAY_DEPLOYMENT_ID", "7f3c2a1e-5b0d-4c38-9d7e-0a1b2c3d4e5f", "RAILWAY_REPLICA_ID", "r-1",
				"RAILWAY_GIT_COMMIT_SHA", "abc123", "RAILWAY_PROJECT_NAME", "bot"), Set.of("/.dockerenv"));
		assertThat(info).isEqualTo(new PlatformInfo(Platform.RAILWAY, "production", "creds",
				"7f3c2a1e-5b0d-4c38-9d7e-0a1b2c3d4e5f", "r-1", "abc123", "bot"));
		assertThat(info.deploymentLabel()).isEqualTo("7f3c2a1");
	}

	@Test
	void railwayOldEnvironmentName() {
		assertThat(detect(Map.of("RAILWAY_ENVIRONMENT", "staging"), Set.of()).environment()).isEqualTo("staging");
	}

	@Test
	void render() {
		PlatformInfo info = detect(Map.of("RENDER", "true", "RENDER_SERVICE_NAME", "creds", "RENDER_SERVICE_ID",
				"srv-123", "RENDER_INSTANCE_ID", "inst-9", "RENDER_GIT_COMMIT", "d41c0ffee"), Set.of());
		assertThat(info).isEqualTo(
				new PlatformInfo(Platform.RENDER, "production", "creds", "d41c0ffee", "inst-9", "d41c0ffee", "srv-123"));
		assertThat(detect(Map.of("RENDER", "true", "IS_PULL_REQUEST", "true"), Set.of()).environment()).isEqualTo("preview");
	}

	@Test
	void kubernetesReadsTheNamespaceFile() {
		PlatformInfo info = detect(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1", "HOSTNAME", "creds-5d8f"),
				Set.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace", "/.dockerenv"));
		assertThat(info.platform()).isEqualTo(Platform.KUBERNETES);
		assertThat(info.environment()).isEqualTo("trading");
		assertThat(info.instanceId()).isEqualTo("creds-5d8f");
	}

	@Test
	void dockerAndLocal() {
		assertThat(detect(Map.of("HOSTNAME", "c0ffee"), Set.of("/.dockerenv")).platform()).isEqualTo(Platform.DOCKER);
		PlatformInfo local = detect(Map.of(), Set.of());
		assertThat(local.platform()).isEqualTo(Platform.LOCAL);
		assertThat(local.environment()).isEqualTo("local");
		assertThat(local.service()).isEqualTo("credential-health");
		assertThat(local.commit()).isEqualTo(PlatformInfo.UNKNOWN);
	}

	@Test
	void overridesWin() {
		PlatformInfo info = new PlatformDetector(Map.of("RENDER", "true"), (path) -> false, (path) -> null)
			.detect(new PlatformProperties("prod-eu", "creds-eu", null, null), "credential-health");
		assertThat(info.environment()).isEqualTo("prod-eu");
		assertThat(info.service()).isEqualTo("creds-eu");
	}

}
