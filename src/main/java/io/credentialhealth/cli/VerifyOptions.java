package io.credentialhealth.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The command line of {@code verify}: its own flags, and {@code --name=value} properties passed on
 * to the application (e.g. {@code --credentials.state-file=/tmp/state.json}).
 *
 * @param json print the inventory as JSON instead of the text report
 * @param verbose add each variable's classification, source and the masked key preview
 * @param help print usage and exit
 * @param applicationArguments arguments for the application
 */
record VerifyOptions(boolean json, boolean verbose, boolean help, List<String> applicationArguments) {

	static final String USAGE = """
			Usage: java -jar credential-health.jar verify [--json] [--verbose] [--name=value ...]
			  Runs one credential check without starting a server, prints a report and exits with
			  0 every required account configured, 1 some are not, 2 invalid registry or configuration,
			  3 the check could not run, 64 bad command line.
			  --json       print the inventory as JSON (schema: docs/verify.md)
			  --verbose    also show each variable's classification, source and the masked key preview
			  --name=value any application property, e.g. --credentials.state-file=/tmp/state.json""";

	private static final Pattern FLAG = Pattern.compile("--?[a-z][a-z0-9-]{0,30}");

	VerifyOptions {
		applicationArguments = List.copyOf(applicationArguments);
	}

	/**
	 * @param args the whole command line, starting with {@code verify}
	 * @throws IllegalArgumentException for an argument it does not understand
	 */
	static VerifyOptions parse(String[] args) {
		boolean json = false;
		boolean verbose = false;
		boolean help = false;
		List<String> applicationArguments = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--json" -> json = true;
				case "--verbose", "-v" -> verbose = true;
				case "--help", "-h" -> help = true;
				default -> {
					if (arg.startsWith("--") && arg.indexOf('=') > 2) {
						applicationArguments.add(arg);
					}
					else {
						throw new IllegalArgumentException(describe(arg, i) + " is not understood (properties are given as --name=value)");
					}
				}
			}
		}
		return new VerifyOptions(json, verbose, help, applicationArguments);
	}

	/** Names a flag-like argument; anything else only by position: someone may paste a secret by mistake. */
	private static String describe(String arg, int position) {
		return FLAG.matcher(arg).matches() ? "argument '" + arg + "'" : "argument " + (position + 1);
	}

}
