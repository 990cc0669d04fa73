package io.credentialhealth.check;

import java.time.Clock;

import io.credentialhealth.platform.FixHints;
import io.credentialhealth.platform.PlatformInfo;
import io.credentialhealth.registry.CredentialRegistry;
import io.credentialhealth.source.CredentialSources;
import io.credentialhealth.state.FileStateStore;
import io.credentialhealth.state.StateStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class CheckConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** The embedded default; {@code credentials.state-store=jdbc} (or a configured database) picks the shared one. */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "credentials.state-store", havingValue = "file", matchIfMissing = true)
	StateStore stateStore(CheckProperties properties, Clock clock) {
		return new FileStateStore(properties.stateFile(), clock);
	}

	@Bean
	CurrentSnapshot currentSnapshot() {
		return new CurrentSnapshot();
	}

	/** Flushed when the context closes, before the store it depends on is destroyed. */
	@Bean(destroyMethod = "flush")
	CredentialChecker credentialChecker(CredentialRegistry registry, CredentialSources sources, StateStore store,
			ObjectProvider<CredentialInspector> inspectors, ObjectProvider<AccountVerdicts> verdicts, FixHints fixHints,
			PlatformInfo platform, CurrentSnapshot current, ApplicationEventPublisher events, Clock clock,
			CheckProperties properties) {
		return new CredentialChecker(registry, sources, store, inspectors.orderedStream().toList(),
				verdicts.getIfAvailable(() -> AccountVerdicts.NONE), fixHints, platform, current, events, clock,
				properties.stateSaveInterval());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "credentials.schedule.enabled", matchIfMissing = true)
	CheckScheduler checkScheduler(CredentialChecker checker) {
		return new CheckScheduler(checker);
	}

	/** In the background, beside the other beans; the checker itself is created first, on the main thread. */
	@Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
	@DependsOn("credentialChecker")
	@ConditionalOnBooleanProperty(name = "credentials.schedule.enabled", matchIfMissing = true)
	FirstCheckPreparation firstCheckPreparation(CredentialChecker checker) {
		return new FirstCheckPreparation(checker);
	}

	@Bean
	TransitionLogger transitionLogger() {
		return new TransitionLogger();
	}

	@Bean
	StartupSummaryLogger startupSummaryLogger() {
		return new StartupSummaryLogger();
	}

}
