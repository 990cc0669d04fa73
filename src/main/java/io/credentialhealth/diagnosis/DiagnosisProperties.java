package io.credentialhealth.diagnosis;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Near-miss diagnosis of variable names.
 *
 * @param enabled whether near-miss and unregistered-name hints are produced
 * @param ignore credential-looking names that belong to something else (e.g. RENDER_API_KEY) and
 * are never reported as unregistered
 */
@ConfigurationProperties("credentials.diagnosis")
public record DiagnosisProperties(@DefaultValue("true") boolean enabled, @DefaultValue List<String> ignore) {
}
