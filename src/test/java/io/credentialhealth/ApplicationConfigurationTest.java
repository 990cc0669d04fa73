package io.credentialhealth;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.io.Resource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application lists its configurations and properties instead of scanning for them (see
 * {@link CredentialHealthApplication}); this scans once, here, and fails when a component,
 * configuration or properties class of the application is reachable from neither that list nor a
 * configuration it imports, so a new one cannot be silently left out.
 */
class ApplicationConfigurationTest {

	@Test
	void everyComponentAndPropertiesClassIsImportedOrEnabled() throws Exception {
		Set<String> declared = mainClassesAnnotatedForScanning();
		assertThat(declared).as("the scan must see the application's own classes")
			.contains("io.credentialhealth.web.StatusPageController", "io.credentialhealth.check.CheckProperties",
					"io.credentialhealth.check.CheckConfiguration");
		assertThat(reachableFrom(CredentialHealthApplication.class)).containsAll(declared);
	}

	/** What {@code @SpringBootApplication} and {@code @ConfigurationPropertiesScan} would have found. */
	private static Set<String> mainClassesAnnotatedForScanning() throws IOException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		String mainClasses = CredentialHealthApplication.class.getProtectionDomain().getCodeSource().getLocation()
			.toString();
		Set<String> found = new TreeSet<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("io.credentialhealth")) {
			URL location = ((Resource) candidate.getSource()).getURL();
			if (location.toString().startsWith(mainClasses)) {
				found.add(candidate.getBeanClassName());
			}
		}
		return found;
	}

	/** The classes a context started from the given one registers: imports, enabled properties, member configurations. */
	private static Set<String> reachableFrom(Class<?> root) {
		Set<String> reached = new LinkedHashSet<>();
		Deque<Class<?>> pending = new ArrayDeque<>();
		pending.add(root);
		while (!pending.isEmpty()) {
			Class<?> type = pending.poll();
			if (!reached.add(type.getName())) {
				continue;
			}
			MergedAnnotations annotations = MergedAnnotations.from(type, SearchStrategy.DIRECT);
			annotations.stream(Import.class).map((imported) -> imported.getClassArray(MergedAnnotation.VALUE))
				.forEach((classes) -> pending.addAll(Set.of(classes)));
			annotations.stream(EnableConfigurationProperties.class)
				.map((enabled) -> enabled.getClassArray(MergedAnnotation.VALUE))
				.forEach((classes) -> pending.addAll(Set.of(classes)));
			for (Class<?> member : type.getDeclaredClasses()) {
				if (MergedAnnotations.from(member).isPresent(Component.class)) {
					pending.add(member);
				}
			}
		}
		return reached;
	}

}
