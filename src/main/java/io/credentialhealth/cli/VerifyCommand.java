package io.credentialhealth.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import io.credentialhealth.check.CredentialChecker;
import io.credentialhealth.check.Snapshot;
import io.credentialhealth.inventory.Inventory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code java -jar credential-health.jar verify [--json] [--verbose]}: the same application with
 * the same registry and sources, but no web server, no scheduler and no console logging. It runs
 * one check, prints the report to standard output and returns the exit code: {@value #READY} when
 * every required account is configured (the readiness verdict), {@value #NOT_READY} when one is
 * not, {@value #INVALID_CONFIGURATION} when the registry or another property is invalid (one line
 * on standard error naming the property), {@value #FAILED} when the check could not run and
 * {@value #USAGE} for a command line it does not understand.
 */
public final class VerifyCommand {

	public static final String NAME = "verify";

	public static final int READY = 0;

	public static final int NOT_READY = 1;

	public static final int INVALID_CONFIGURATION = 2;

	public static final int FAILED = 3;

	public static final int USAGE = 64;

	private final Class<?> application;

	private final PrintStream out;

	private final PrintStream err;

	VerifyCommand(Class<?> application, PrintStream out, PrintStream err) {
		this.application = application;
		this.out = out;
		this.err = err;
	}

	/** Whether the command line asks for this command: its first argument is {@code verify}. */
	public static boolean isRequested(String[] args) {
		return args.length > 0 && NAME.equals(args[0]);
	}

	/** Runs the command on standard output and error; returns the exit code for {@link System#exit}. */
	public static int run(Class<?> application, String[] args) {
		return new VerifyCommand(application, System.out, System.err).execute(args);
	}

	int execute(String[] args) {
		VerifyOptions options;
		try {
			options = VerifyOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			this.err.println("verify: " + ex.getMessage());
			this.err.println(VerifyOptions.USAGE);
			return USAGE;
		}
		if (options.help()) {
			this.out.println(VerifyOptions.USAGE);
			return READY;
		}
		ConfigurableApplicationContext context;
		try {
			context = application().run(options.applicationArguments().toArray(String[]::new));
		}
		catch (Throwable ex) {
			String invalid = StartupFailures.describeInvalidConfiguration(ex).orElse(null);
			this.err.println((invalid != null) ? invalid : StartupFailures.describeOther(ex));
			return (invalid != null) ? INVALID_CONFIGURATION : FAILED;
		}
		try {
			Snapshot snapshot = context.getBean(CredentialChecker.class).check();
			this.out.print(options.json() ? json(Inventory.of(snapshot)) : TextReport.render(snapshot, options.verbose()));
			this.out.flush();
			int code = snapshot.isReady() ? READY : NOT_READY;
			return SpringApplication.exit(context, () -> code);
		}
		catch (RuntimeException ex) {
			this.err.println("verify: the check could not run (" + ex.getClass().getSimpleName() + ")");
			SpringApplication.exit(context);
			return FAILED;
		}
	}

	private SpringApplication application() {
		SpringApplication application = new SpringApplication(this.application);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setRegisterShutdownHook(false);
		application.addListeners(new VerifyModeProperties());
		return application;
	}

	/** Its own mapper, so spring.jackson.* settings cannot change the documented schema; pretty-printed. */
	static String json(Inventory inventory) {
		JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		return mapper.writeValueAsString(inventory) + "\n";
	}

	/**
	 * Forces what makes this a one-shot command, above every other property source (environment
	 * variables and config files included), before logging is initialized: standard output must
	 * carry nothing but the report, or {@code --json} would not parse.
	 */
	static final class VerifyModeProperties implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

		static final String NAME = "verifyCommand";

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("spring.main.web-application-type", "none");
			properties.put("spring.main.banner-mode", "off");
			properties.put("spring.main.log-startup-info", "false");
			properties.put("credentials.schedule.enabled", "false");
			properties.put("logging.threshold.console", "off");
			// A one-shot run (often on a laptop or in CI) must not page the team: the service notifies.
			properties.put("credentials.notify.webhook-url", "");
			event.getEnvironment().getPropertySources().addFirst(new MapPropertySource(NAME, properties));
		}

		/** After config files are loaded (Boot's EnvironmentPostProcessor listener), before logging starts. */
		@Override
		public int getOrder() {
			return LoggingApplicationListener.DEFAULT_ORDER - 1;
		}

	}

}
