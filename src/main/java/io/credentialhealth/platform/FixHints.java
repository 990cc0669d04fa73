package io.credentialhealth.platform;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.StringUtils;

/**
 * The exact fix for a missing or broken variable on the detected platform, with real names filled
 * in. Commands read the value from standard input or a prompt so it never lands in shell history.
 */
public class FixHints {

	private final PlatformInfo platform;

	private final PlatformProperties properties;

	private final boolean dotenvPresent;

	public FixHints(PlatformInfo platform, PlatformProperties properties, boolean dotenvPresent) {
		this.platform = platform;
		this.properties = properties;
		this.dotenvPresent = dotenvPresent;
	}

	/** Fix instructions for setting the given variables. Empty when there is nothing to set. */
	public List<String> forVariables(List<String> variables) {
		if (variables.isEmpty()) {
			return List.of();
		}
		List<String> fixes = new ArrayList<>();
		switch (this.platform.platform()) {
			case RAILWAY -> {
				for (String variable : variables) {
					fixes.add("railway variable set " + variable + " --stdin --service " + this.platform.service()
							+ " --environment " + this.platform.environment());
				}
				fixes.add("or in the Railway dashboard: project " + this.platform.project() + " > service "
						+ this.platform.service() + " > Variables (environment " + this.platform.environment() + ")");
			}
			case RENDER -> {
				String group = this.properties.renderEnvGroup();
				if (StringUtils.hasText(group)) {
					fixes.add("Render dashboard: Environment Groups > " + group + " > set " + String.join(", ", variables)
							+ " (every service linked to the group gets it)");
				}
				else {
					fixes.add("Render dashboard: service " + this.platform.service() + " > Environment > set "
							+ String.join(", ", variables));
				}
				for (String variable : variables) {
					fixes.add("read -rs VALUE && curl -X PUT https://api.render.com/v1/services/" + this.platform.project()
							+ "/env-vars/" + variable
							+ " -H \"Authorization: Bearer $RENDER_API_KEY\" -H 'Content-Type: application/json' -d \"{\\\"value\\\":\\\"$VALUE\\\"}\"");
				}
			}
			case KUBERNETES -> {
				String secret = StringUtils.hasText(this.properties.kubernetesSecret()) ? this.properties.kubernetesSecret()
						: this.platform.service();
				for (String variable : variables) {
					fixes.add("read -rs VALUE && kubectl -n " + this.platform.environment() + " patch secret " + secret
							+ " --type merge -p \"{\\\"stringData\\\":{\\\"" + variable + "\\\":\\\"$VALUE\\\"}}\"");
				}
				fixes.add("kubectl -n " + this.platform.environment() + " rollout restart deployment/" + this.platform.service());
			}
			case DOCKER -> fixes.add("pass " + String.join(", ", variables)
					+ " to the container: docker run -e NAME (value from the host environment) or --env-file with a file outside the image");
			case LOCAL -> {
				for (String variable : variables) {
					fixes.add("read -rs " + variable + " && export " + variable);
				}
				fixes.add("a local shell or .env file does not deploy: set the variables on the platform too");
			}
		}
		return fixes;
	}

	/** Set when a .env file is present on a platform that never reads it. */
	public List<String> warnings() {
		if (this.dotenvPresent && this.platform.platform() != Platform.LOCAL) {
			return List.of("a .env file exists, but " + this.platform.platform().displayName()
					+ " does not use it: set the variables on the platform instead");
		}
		return List.of();
	}

}
