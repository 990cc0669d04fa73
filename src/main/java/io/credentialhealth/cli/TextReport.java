package io.credentialhealth.cli;

import java.util.List;
import java.util.Locale;

import io.credentialhealth.check.AccountState;
import io.credentialhealth.check.AccountStatus;
import io.credentialhealth.check.Snapshot;
import io.credentialhealth.check.VariableStatus;
import io.credentialhealth.platform.PlatformInfo;
import io.credentialhealth.registry.Role;

/**
 * The text report of {@code verify}: plain ASCII markers ({@code [ok]}, {@code [!!]}), because
 * emoji arrive garbled in CI logs and platform log viewers. Built only from the snapshot, which
 * holds names, classifications, fingerprints and a 4-character key preview, never a value.
 */
final class TextReport {

	private static final String INDENT = "       ";

	private TextReport() {
	}

	static String render(Snapshot snapshot, boolean verbose) {
		StringBuilder out = new StringBuilder();
		PlatformInfo platform = snapshot.platform();
		line(out, "Credential check on " + platform.platform().displayName() + ": environment " + platform.environment()
				+ ", service " + platform.service() + ", deployment " + platform.deploymentId());
		if (verbose) {
			line(out, "Instance " + platform.instanceId() + ", commit " + platform.commit() + ", project "
					+ platform.project());
		}
		line(out, "Checked at " + snapshot.checkedAt() + " in " + snapshot.duration().toMillis() + " ms");
		line(out, "");
		int idWidth = snapshot.accounts().stream().mapToInt((status) -> status.id().length()).max().orElse(0);
		int labelWidth = snapshot.accounts().stream().mapToInt((status) -> status.account().label().length()).max().orElse(0);
		for (AccountStatus status : snapshot.accounts()) {
			account(out, status, idWidth, labelWidth, verbose);
		}
		line(out, "");
		line(out, "Master accounts configured: " + snapshot.configured(Role.MASTER) + "/" + snapshot.total(Role.MASTER));
		line(out, "User accounts configured: " + snapshot.configured(Role.USER) + "/" + snapshot.total(Role.USER));
		fixes(out, snapshot);
		section(out, "Warnings:", snapshot.warnings());
		section(out, "Source problems:", snapshot.sourceProblems());
		if (snapshot.store().degraded()) {
			section(out, "State store:", List.of(snapshot.store().problem()));
		}
		else if (verbose) {
			section(out, "State store:", List.of(snapshot.store().type() + " " + snapshot.store().location()));
		}
		line(out, "");
		line(out, result(snapshot));
		return out.toString();
	}

	static String marker(AccountStatus status) {
		if (status.state() == AccountState.CONFIGURED) {
			return "[ok]";
		}
		if (status.state() == AccountState.DISABLED) {
			return "[--]";
		}
		return status.isBlocking() ? "[!!]" : "[..]";
	}

	private static void account(StringBuilder out, AccountStatus status, int idWidth, int labelWidth, boolean verbose) {
		StringBuilder line = new StringBuilder();
		line.append(marker(status)).append(' ');
		line.append(pad(status.account().role().name(), 6)).append(' ');
		line.append(pad(status.id(), idWidth)).append("  ");
		line.append(pad(status.account().label(), labelWidth)).append("  ");
		line.append(status.state().label());
		if (!status.account().required()) {
			line.append(" (optional)");
		}
		if (!status.problems().isEmpty()) {
			line.append(": ").append(String.join("; ", status.problems()));
		}
		line(out, line.toString());
		for (String warning : status.warnings()) {
			line(out, INDENT + "warning: " + warning);
		}
		if (status.lostSince() != null) {
			line(out, INDENT + "lost since " + status.lostSince() + ", last seen valid " + status.key().lastSeenValid()
					+ " in deployment " + status.key().lastDeployment());
		}
		if (verbose) {
			line(out, INDENT + "key preview: " + ((status.keyPreview() != null) ? status.keyPreview() : "(none)"));
			int nameWidth = status.variables().stream().mapToInt((variable) -> variable.name().length()).max().orElse(0);
			for (VariableStatus variable : status.variables()) {
				line(out, INDENT + variable(variable, nameWidth));
			}
		}
	}

	private static String variable(VariableStatus variable, int nameWidth) {
		StringBuilder line = new StringBuilder();
		line.append(pad(variable.name(), nameWidth)).append("  ");
		line.append(pad(variable.role().id(), 6)).append("  ");
		line.append(pad(variable.classification().id(), 22)).append("  ");
		line.append(pad(variable.condition().name().toLowerCase(Locale.ROOT), 8)).append("  ");
		line.append("source ").append((variable.origin() != null) ? variable.origin() : "(none)");
		if (variable.fingerprint() != null) {
			line.append(", fingerprint ").append(variable.fingerprint());
		}
		if (variable.lastSeenValid() != null) {
			line.append(", last seen valid ").append(variable.lastSeenValid());
		}
		return line.toString();
	}

	private static void fixes(StringBuilder out, Snapshot snapshot) {
		List<AccountStatus> withFixes = snapshot.accounts().stream().filter((status) -> !status.fixes().isEmpty()).toList();
		if (withFixes.isEmpty()) {
			return;
		}
		line(out, "");
		line(out, "How to fix (" + snapshot.platform().platform().displayName() + "):");
		for (AccountStatus status : withFixes) {
			line(out, "  " + status.id() + " (" + status.account().label() + "):");
			status.fixes().forEach((fix) -> line(out, "    " + fix));
		}
	}

	private static void section(StringBuilder out, String title, List<String> items) {
		if (items.isEmpty()) {
			return;
		}
		line(out, "");
		line(out, title);
		items.forEach((item) -> line(out, "  " + item));
	}

	private static String result(Snapshot snapshot) {
		if (snapshot.isReady()) {
			return "Result: READY, every required account is configured (exit 0)";
		}
		List<String> blocking = snapshot.accounts()
			.stream()
			.filter(AccountStatus::isBlocking)
			.map((status) -> status.id() + " " + status.state().label())
			.toList();
		return "Result: NOT READY, " + blocking.size() + " required account" + ((blocking.size() == 1) ? "" : "s")
				+ " not configured: " + String.join(", ", blocking) + " (exit 1)";
	}

	private static String pad(String text, int width) {
		return (text.length() >= width) ? text : text + " ".repeat(width - text.length());
	}

	/** Control characters (an escape sequence in a path, say) would rewrite the terminal: replaced. */
	private static void line(StringBuilder out, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			out.append((Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) ? '?' : c);
		}
		out.append('\n');
	}

}
