package io.credentialhealth.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.util.StringUtils;

/**
 * Detects the platform from its own variables and files: Railway ({@code RAILWAY_*}), Render
 * ({@code RENDER=true}), Kubernetes ({@code KUBERNETES_SERVICE_HOST}), Docker ({@code /.dockerenv}),
 * else local. Pure: the environment and the file system are parameters.
 */
public class PlatformDetector {

	private final Map<String, String> env;

	private final Predicate<Path> exists;

	private final Function<Path, String> readFile;

	public PlatformDetector(Map<String, String> env, Predicate<Path> exists, Function<Path, String> readFile) {
		this.env = env;
		this.exists = exists;
		this.readFile = readFile;
	}

	public static PlatformDetector forThisProcess() {
		return new PlatformDetector(System.getenv(), Files::exists, (path) -> {
			try {
				return Files.readString(path).strip();
			}
			catch (Exception ex) {
				return null;
			}
		});
	}

	public PlatformInfo detect(PlatformProperties overrides, String applicationName) {
		PlatformInfo detected = detectRaw(applicationName);
		return new PlatformInfo(detected.platform(), or(overrides.environment(), detected.environment()),
				or(overrides.service(), detected.service()), detected.deploymentId(), detected.instanceId(),
				detected.commit(), detected.project());
	}

	private PlatformInfo detectRaw(String applicationName) {
		if (has("RAILWAY_ENVIRONMENT_NAME") || has("RAILWAY_ENVIRONMENT") || has("RAILWAY_SERVICE_ID")
				|| has("RAILWAY_PROJECT_ID")) {
			String commit = get("RAILWAY_GIT_COMMIT_SHA");
			return new PlatformInfo(Platform.RAILWAY, or(get("RAILWAY_ENVIRONMENT_NAME"), get("RAILWAY_ENVIRONMENT")),
					or(get("RAILWAY_SERVICE_NAME"), applicationName), or(get("RAILWAY_DEPLOYMENT_ID"), commit),
					get("RAILWAY_REPLICA_ID"), commit, get("RAILWAY_PROJECT_NAME"));
		}
		if ("true".equalsIgnoreCase(get("RENDER")) || has("RENDER_SERVICE_ID")) {
			String commit = get("RENDER_GIT_COMMIT");
			String environment = "true".equalsIgnoreCase(get("IS_PULL_REQUEST")) ? "preview" : "production";
			return new PlatformInfo(Platform.RENDER, environment, or(get("RENDER_SERVICE_NAME"), applicationName),
					commit, get("RENDER_INSTANCE_ID"), commit, get("RENDER_SERVICE_ID"));
		}
		if (has("KUBERNETES_SERVICE_HOST")) {
			String namespace = or(get("POD_NAMESPACE"),
					this.readFile.apply(Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace")));
			return new PlatformInfo(Platform.KUBERNETES, namespace, applicationName, get("HOSTNAME"),
					get("HOSTNAME"), get("GIT_COMMIT"), namespace);
		}
		if (this.exists.test(Path.of("/.dockerenv")) || "docker".equals(get("container"))) {
			return new PlatformInfo(Platform.DOCKER, or(get("APP_ENV"), "docker"), applicationName, get("HOSTNAME"),
					get("HOSTNAME"), get("GIT_COMMIT"), PlatformInfo.UNKNOWN);
		}
		return new PlatformInfo(Platform.LOCAL, or(get("APP_ENV"), "local"), applicationName,
				or(get("GIT_COMMIT"), "local"), or(get("HOSTNAME"), PlatformInfo.UNKNOWN), get("GIT_COMMIT"),
				PlatformInfo.UNKNOWN);
	}

	private boolean has(String name) {
		return StringUtils.hasText(this.env.get(name));
	}

	private String get(String name) {
		String value = this.env.get(name);
		return StringUtils.hasText(value) ? value : null;
	}

	private static String or(String value, String fallback) {
		if (StringUtils.hasText(value)) {
			return value;
		}
		return StringUtils.hasText(fallback) ? fallback : PlatformInfo.UNKNOWN;
	}

}
