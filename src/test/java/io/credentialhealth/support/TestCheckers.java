package io.credentialhealth.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.credentialhealth.check.AccountVerdicts;
import io.credentialhealth.check.CredentialChecker;
import io.credentialhealth.check.CredentialInspector;
import io.credentialhealth.check.CurrentSnapshot;
import io.credentialhealth.platform.FixHints;
import io.credentialhealth.platform.Platform;
import io.credentialhealth.platform.PlatformInfo;
import io.credentialhealth.platform.PlatformProperties;
import io.credentialhealth.registry.CredentialRegistry;
import io.credentialhealth.registry.RegistryProperties;
import io.credentialhealth.source.CredentialSources;
import io.credentialhealth.source.EnvironmentSource;
import io.credentialhealth.state.InMemoryStateStore;
import io.credentialhealth.state.StateStore;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.ApplicationEventPublisher;

/**
 * A real {@link CredentialChecker} for tests, with its registry and platform, without the
 * application context. Each setting not given has a neutral default:
 * <pre>
 * CredentialChecker checker = TestCheckers.checker(registry, env).store(store).deployment("d41c").clock(clock).build();
 * </pre>
 */
public final class TestCheckers {

	private TestCheckers() {
	}

	/** The registry that {@code credentials.accounts.*} properties declare, as the application binds it. */
	public static CredentialRegistry registry(Map<String, ?> properties) {
		return CredentialRegistry.of(new Binder(new MapConfigurationPropertySource(properties))
			.bind("credentials", RegistryProperties.class)
			.get());
	}

	/** The properties of the Kraken user account {@code kraken-user-<user>}. */
	public static Map<String, String> krakenUser(String user) {
		String prefix = "credentials.accounts.kraken-user-" + user + ".";
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(prefix + "broker", "kraken");
		properties.put(prefix + "role", "user");
		properties.put(prefix + "user", user);
		return properties;
	}

	/** The service {@code credential-health} in production on Railway, at a deployment of that commit. */
	public static PlatformInfo railway(String deployment) {
		return railway(deployment, deployment);
	}

	public static PlatformInfo railway(String deployment, String commit) {
		return new PlatformInfo(Platform.RAILWAY, "production", "credential-health", deployment, "r1", commit, "bot");
	}

	/** A checker over the registry's accounts that reads {@code env} afresh at every check. */
	public static Builder checker(CredentialRegistry registry, Map<String, String> env) {
		return new Builder(registry, env);
	}

	public static final class Builder {

		private final CredentialRegistry registry;

		private final Map<String, String> env;

		private StateStore store = new InMemoryStateStore();

		private List<CredentialInspector> inspectors = List.of();

		private AccountVerdicts verdicts = AccountVerdicts.NONE;

		private PlatformInfo platform = railway("7f3c2a1");

		private CurrentSnapshot current = new CurrentSnapshot();

		private ApplicationEventPublisher events = (event) -> {
		};

		private Clock clock = Clock.fixed(Instant.parse("2026-01-16T20:45:00Z"), ZoneOffset.UTC);

		private Duration saveInterval = Duration.ZERO;

		private Builder(CredentialRegistry registry, Map<String, String> env) {
			this.registry = registry;
			this.env = env;
		}

		/** Default: a fresh {@link InMemoryStateStore}. */
		public Builder store(StateStore store) {
			this.store = store;
			return this;
		}

		/** Default: none. */
		public Builder inspectors(CredentialInspector... inspectors) {
			this.inspectors = List.of(inspectors);
			return this;
		}

		/** Default: {@link AccountVerdicts#NONE}. */
		public Builder verdicts(AccountVerdicts verdicts) {
			this.verdicts = verdicts;
			return this;
		}

		/** Runs as {@link TestCheckers#railway(String) railway(deployment)}; default deployment 7f3c2a1. */
		public Builder deployment(String deployment) {
			return platform(railway(deployment));
		}

		public Builder platform(PlatformInfo platform) {
			this.platform = platform;
			return this;
		}

		/** Default: a fresh {@link CurrentSnapshot}. */
		public Builder current(CurrentSnapshot current) {
			this.current = current;
			return this;
		}

		/** Default: events are dropped. */
		public Builder events(ApplicationEventPublisher events) {
			this.events = events;
			return this;
		}

		/** Default: fixed at 2026-01-16T20:45:00Z. */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/** Default: zero, a save after every check that changed anything. */
		public Builder saveInterval(Duration saveInterval) {
			this.saveInterval = saveInterval;
			return this;
		}

		public CredentialChecker build() {
			// Map.copyOf at each read: the test may change env between checks, as a redeploy would.
			return new CredentialChecker(this.registry,
					new CredentialSources(List.of(new EnvironmentSource(() -> Map.copyOf(this.env)))), this.store,
					this.inspectors, this.verdicts,
					new FixHints(this.platform, new PlatformProperties(null, null, null, null), false), this.platform,
					this.current, this.events, this.clock, this.saveInterval);
		}

	}

}
