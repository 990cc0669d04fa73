package io.credentialhealth.platform;

/**
 * Identity of this running instance. Fields the platform does not provide are "unknown".
 *
 * @param platform the detected platform
 * @param environment e.g. "production" (Railway's environment name, a Kubernetes namespace)
 * @param service the service name on the platform
 * @param deploymentId the platform's deployment id, or the commit where it has none
 * @param instanceId replica, instance or pod
 * @param commit the git commit deployed, if the platform says
 * @param project the platform project or service id used in fix commands
 */
public record PlatformInfo(Platform platform, String environment, String service, String deploymentId,
		String instanceId, String commit, String project) {

	public static final String UNKNOWN = "unknown";

	public PlatformInfo {
		environment = orUnknown(environment);
		service = orUnknown(service);
		deploymentId = orUnknown(deploymentId);
		instanceId = orUnknown(instanceId);
		commit = orUnknown(commit);
		project = orUnknown(project);
	}

	private static String orUnknown(String value) {
		return (value == null || value.isBlank()) ? UNKNOWN : value;
	}

	/** Short deployment label for log lines, e.g. "7f3c2a1". */
	public String deploymentLabel() {
		return shorten(this.deploymentId);
	}

	static String shorten(String id) {
		if (id == null || UNKNOWN.equals(id)) {
			return UNKNOWN;
		}
		return (id.length() > 12) ? id.substring(0, 7) : id;
	}

}
