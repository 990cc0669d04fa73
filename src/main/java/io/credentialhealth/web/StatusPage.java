package io.credentialhealth.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.credentialhealth.check.AccountState;
import io.credentialhealth.check.AccountStatus;
import io.credentialhealth.check.Snapshot;
import io.credentialhealth.check.VariableStatus;
import io.credentialhealth.check.VerificationStatus;
import io.credentialhealth.platform.PlatformInfo;
import io.credentialhealth.registry.Role;
import io.credentialhealth.source.Classification;
import io.credentialhealth.state.Condition;

/**
 * Renders the status page from a snapshot, server side, so it is complete without JavaScript.
 * It shows only what the health details show (names, classifications, times, problems and fix
 * commands) and escapes every string. The script patches the page in place from a fresh render:
 * elements marked {@code data-unit} are the pieces it swaps, so their ids must stay stable.
 */
class StatusPage {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final String[] COLUMNS = { "Variable", "Classification", "Last seen valid", "Lost since",
			"Last verified" };

	private final Duration checkInterval;

	private final Duration refreshInterval;

	private final Clock clock;

	StatusPage(Duration checkInterval, Duration refreshInterval, Clock clock) {
		this.checkInterval = checkInterval;
		this.refreshInterval = refreshInterval;
		this.clock = clock;
	}

	String render(Snapshot snapshot) {
		Instant now = this.clock.instant();
		Verdict verdict = Verdict.of(snapshot);
		StringBuilder html = new StringBuilder(16 * 1024);
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
			.append("<title>")
			.append(Html.escape(verdict.word() + " · credential-health"))
			.append("</title>\n")
			// Without JavaScript the page still refreshes, by reloading.
			.append("<noscript><meta http-equiv=\"refresh\" content=\"")
			.append(refreshSeconds())
			.append("\"></noscript>\n")
			.append("<link rel=\"stylesheet\" href=\"status.css\">\n")
			.append("<script src=\"status.js\" defer></script>\n</head>\n")
			.append("<body data-refresh-seconds=\"")
			.append(refreshSeconds())
			.append("\">\n");
		// Filled by the script when the service stops answering; an alert is announced when its text appears.
		html.append("<div id=\"unreachable\" class=\"unreachable\" role=\"alert\"></div>\n");
		html.append("<div id=\"page\">\n");
		verdict(html, snapshot, verdict, now);
		html.append("<p class=\"updated\">Page updated <span id=\"updated\">")
			.append(Html.escape(TIME.format(now)))
			.append("</span>; it refreshes itself every ")
			.append(Html.escape(duration(this.refreshInterval)))
			.append(".</p>\n");
		serviceProblems(html, snapshot);
		html.append("<main>\n");
		group(html, snapshot, Role.MASTER, "Master accounts", now);
		group(html, snapshot, Role.USER, "User accounts", now);
		html.append("</main>\n</div>\n");
		html.append("<p id=\"copy-status\" class=\"visually-hidden\" aria-live=\"polite\"></p>\n");
		html.append("</body>\n</html>\n");
		return html.toString();
	}

	private long refreshSeconds() {
		return Math.max(1, this.refreshInterval.toSeconds());
	}

	private void verdict(StringBuilder html, Snapshot snapshot, Verdict verdict, Instant now) {
		html.append("<header id=\"verdict\" class=\"verdict sev-")
			.append(verdict.severity())
			.append("\" data-unit>\n<h1><span class=\"verdict-word\">")
			.append(Html.escape(verdict.word()))
			.append("</span> <span class=\"app\">credential-health</span></h1>\n");
		List<AccountStatus> blocking = snapshot.accounts().stream().filter(AccountStatus::isBlocking).toList();
		List<AccountStatus> optional = snapshot.accounts()
			.stream()
			.filter((status) -> !status.isBlocking() && !status.state().isHealthy())
			.toList();
		if (blocking.isEmpty() && optional.isEmpty()) {
			html.append("<p class=\"summary\">Every account is configured")
				.append(snapshot.accounts().stream().anyMatch((s) -> s.state() == AccountState.DISABLED)
						? " or deliberately disabled." : ".")
				.append("</p>\n");
		}
		if (!blocking.isEmpty()) {
			html.append("<p class=\"summary\">")
				.append(count(blocking.size(), "required account needs", "required accounts need"))
				.append(" attention:</p>\n");
			accountLinks(html, blocking);
			html.append("<p class=\"summary\">Until ")
				.append((blocking.size() == 1) ? "it is" : "they are")
				.append(" fixed, the readiness probe (<code>/actuator/health/readiness</code>) fails.</p>\n");
		}
		if (!optional.isEmpty()) {
			html.append("<p class=\"summary\">")
				.append(count(optional.size(), "optional account needs", "optional accounts need"))
				.append(" attention:</p>\n");
			accountLinks(html, optional);
		}
		PlatformInfo platform = snapshot.platform();
		html.append("<dl class=\"identity\">\n");
		identity(html, "Platform", platform.platform().displayName(), null);
		identity(html, "Environment", platform.environment(), null);
		identity(html, "Service", platform.service(), null);
		identity(html, "Deployment", shorten(platform.deploymentId()), platform.deploymentId());
		identity(html, "Commit", shorten(platform.commit()), platform.commit());
		html.append("</dl>\n<p class=\"freshness\">Last check ");
		time(html, snapshot.checkedAt(), now);
		html.append("; the service checks every ").append(Html.escape(duration(this.checkInterval))).append(".</p>\n");
		html.append("</header>\n");
	}

	private static String count(int count, String one, String many) {
		return count + " " + ((count == 1) ? one : many);
	}

	private static void accountLinks(StringBuilder html, List<AccountStatus> accounts) {
		html.append("<ul class=\"attention\">\n");
		for (AccountStatus status : accounts) {
			html.append("<li><a href=\"#account-")
				.append(Html.escape(Html.id(status.id())))
				.append("\">")
				.append(Html.escape(status.id()))
				.append("</a> ")
				.append(Html.escape(stateText(status.state())));
			if (status.lostSince() != null) {
				html.append(" since ").append(Html.escape(TIME.format(status.lostSince())));
			}
			html.append("</li>\n");
		}
		html.append("</ul>\n");
	}

	private static void identity(StringBuilder html, String term, String value, String full) {
		html.append("<div><dt>").append(Html.escape(term)).append("</dt><dd");
		if (full != null && !full.equals(value)) {
			html.append(" title=\"").append(Html.escape(full)).append('"');
		}
		html.append('>').append(Html.escape(value)).append("</dd></div>\n");
	}

	private static void serviceProblems(StringBuilder html, Snapshot snapshot) {
		List<String> problems = new ArrayList<>(snapshot.sourceProblems());
		problems.addAll(snapshot.warnings());
		if (snapshot.store() != null && snapshot.store().degraded()) {
			problems.add(snapshot.store().problem());
		}
		html.append("<section id=\"service-problems\" class=\"service-problems\" aria-labelledby=\"service-problems-title\" data-unit");
		if (problems.isEmpty()) {
			html.append(" hidden");
		}
		html.append(">\n<h2 id=\"service-problems-title\">Service problems</h2>\n<ul>\n");
		for (String problem : problems) {
			html.append("<li>").append(Html.escape(problem)).append("</li>\n");
		}
		html.append("</ul>\n</section>\n");
	}

	private void group(StringBuilder html, Snapshot snapshot, Role role, String title, Instant now) {
		List<AccountStatus> accounts = snapshot.accounts()
			.stream()
			.filter((status) -> status.account().role() == role)
			.toList();
		String id = "group-" + role.id();
		html.append("<section class=\"group\" aria-labelledby=\"").append(id).append("-caption\">\n");
		if (accounts.isEmpty()) {
			html.append("<h2 id=\"").append(id).append("-caption\">").append(Html.escape(title)).append("</h2>\n");
			html.append("<p>No ").append(Html.escape(role.id())).append(" accounts are registered.</p>\n</section>\n");
			return;
		}
		html.append("<table id=\"").append(id).append("\" class=\"accounts\">\n<caption id=\"").append(id)
			.append("-caption\" data-unit>")
			.append(Html.escape(title))
			.append(": ")
			.append(snapshot.configured(role))
			.append(" of ")
			.append(snapshot.total(role))
			.append(" configured</caption>\n<thead><tr>");
		for (String column : COLUMNS) {
			html.append("<th scope=\"col\">").append(Html.escape(column)).append("</th>");
		}
		html.append("</tr></thead>\n");
		for (AccountStatus status : accounts) {
			account(html, status, now);
		}
		html.append("</table>\n</section>\n");
	}

	private void account(StringBuilder html, AccountStatus status, Instant now) {
		String id = Html.id(status.id());
		String severity = severity(status);
		html.append("<tbody id=\"account-")
			.append(id)
			.append("\" class=\"account sev-")
			.append(severity)
			.append("\" data-state=\"")
			.append(status.state().name())
			.append("\" data-unit>\n");
		html.append("<tr class=\"account-row\"><th scope=\"rowgroup\" colspan=\"")
			.append(COLUMNS.length)
			.append("\"><span class=\"account-name\">")
			.append(Html.escape(status.id()))
			.append("</span> <span class=\"badge sev-")
			.append(severity)
			.append("\">")
			.append(Html.escape(stateText(status.state())))
			.append("</span>");
		if (!status.account().required()) {
			html.append(" <span class=\"tag\">optional</span>");
		}
		html.append("<span class=\"facts\">");
		fact(html, "Owner", (status.account().owner() != null) ? status.account().owner() : "–");
		fact(html, "Broker", status.account().broker().name());
		fact(html, "Role", status.account().role().id());
		html.append("</span></th></tr>\n");
		for (VariableStatus variable : status.variables()) {
			variable(html, status, variable, now);
		}
		problems(html, status, id);
		html.append("</tbody>\n");
	}

	private static void fact(StringBuilder html, String label, String value) {
		html.append("<span class=\"fact\"><span class=\"fact-label\">")
			.append(Html.escape(label))
			.append(":</span> ")
			.append(Html.escape(value))
			.append("</span>");
	}

	private void variable(StringBuilder html, AccountStatus account, VariableStatus variable, Instant now) {
		boolean valid = variable.condition() == Condition.VALID;
		html.append("<tr class=\"variable\"><th scope=\"row\"><code>").append(Html.escape(variable.name())).append("</code>");
		if (variable.origin() != null) {
			html.append("<span class=\"origin\">from ").append(Html.escape(variable.origin())).append("</span>");
		}
		html.append("</th>");
		cell(html, 1).append("<span class=\"classification ")
			.append(valid ? "ok" : "bad")
			.append("\">")
			.append(Html.escape(classification(variable)))
			.append("</span></td>");
		cell(html, 2);
		if (variable.lastSeenValid() != null) {
			time(html, variable.lastSeenValid(), now);
		}
		else {
			html.append("never");
		}
		html.append("</td>");
		cell(html, 3);
		if (variable.lostSince() != null) {
			html.append("<strong>");
			time(html, variable.lostSince(), now);
			html.append("</strong>");
		}
		else {
			html.append("<span class=\"none\">not lost</span>");
		}
		html.append("</td>");
		cell(html, 4);
		lastVerified(html, account, now);
		html.append("</td></tr>\n");
	}

	/** Opens a cell that carries its column name, shown as a label when the table is stacked on a phone. */
	private static StringBuilder cell(StringBuilder html, int column) {
		return html.append("<td data-label=\"").append(Html.escape(COLUMNS[column])).append("\">");
	}

	/** From the live verification carried in the snapshot; "not enabled" for accounts it does not cover. */
	private void lastVerified(StringBuilder html, AccountStatus account, Instant now) {
		VerificationStatus verification = account.verification();
		if (verification == null) {
			html.append("<span class=\"none\">not enabled</span>");
			return;
		}
		if (verification.lastVerified() == null) {
			html.append("never");
		}
		else {
			time(html, verification.lastVerified(), now);
		}
		html.append(" (").append(Html.escape(verification.result().name().toLowerCase(java.util.Locale.ROOT))).append(')');
	}

	/**
	 * Problems, each followed by the fix commands that name its variables; commands that name no
	 * problem's variable (a dashboard path, a restart) follow at the end.
	 */
	private static void problems(StringBuilder html, AccountStatus status, String id) {
		if (status.problems().isEmpty() && status.warnings().isEmpty() && status.fixes().isEmpty()) {
			return;
		}
		html.append("<tr class=\"problems-row\"><td colspan=\"").append(COLUMNS.length).append("\">\n");
		List<String> names = status.variables().stream().map(VariableStatus::name).toList();
		Set<Integer> shown = new LinkedHashSet<>();
		int[] counter = { 0 };
		if (!status.problems().isEmpty()) {
			html.append("<ul class=\"problems\" aria-label=\"Problems of ").append(Html.escape(status.id())).append("\">\n");
			for (String problem : status.problems()) {
				html.append("<li><p class=\"problem\">").append(Html.escape(problem)).append("</p>\n");
				List<String> mentioned = names.stream().filter((name) -> mentions(problem, name)).toList();
				List<String> fixes = new ArrayList<>();
				boolean coveredAbove = false;
				for (int i = 0; i < status.fixes().size(); i++) {
					String fix = status.fixes().get(i);
					if (mentioned.stream().anyMatch((name) -> mentions(fix, name))) {
						// A command that sets several variables is shown once, under the first of them.
						if (shown.add(i)) {
							fixes.add(fix);
						}
						else {
							coveredAbove = true;
						}
					}
				}
				fixes(html, "Fix", fixes, id, counter);
				if (fixes.isEmpty() && coveredAbove) {
					html.append("<p class=\"fix-label\">Fix: the command above covers this one too.</p>\n");
				}
				html.append("</li>\n");
			}
			html.append("</ul>\n");
		}
		List<String> remaining = new ArrayList<>();
		for (int i = 0; i < status.fixes().size(); i++) {
			if (!shown.contains(i)) {
				remaining.add(status.fixes().get(i));
			}
		}
		fixes(html, shown.isEmpty() ? "Fix" : "Also", remaining, id, counter);
		if (!status.warnings().isEmpty()) {
			html.append("<ul class=\"warnings\" aria-label=\"Notes on ").append(Html.escape(status.id())).append("\">\n");
			for (String warning : status.warnings()) {
				html.append("<li>Note: ").append(Html.escape(warning)).append("</li>\n");
			}
			html.append("</ul>\n");
		}
		html.append("</td></tr>\n");
	}

	private static void fixes(StringBuilder html, String label, List<String> fixes, String id, int[] counter) {
		if (fixes.isEmpty()) {
			return;
		}
		html.append("<div class=\"fix\"><span class=\"fix-label\">").append(label).append(":</span>\n<ul class=\"fixes\">\n");
		for (String fix : fixes) {
			String codeId = "fix-" + id + "-" + (++counter[0]);
			html.append("<li><code id=\"")
				.append(codeId)
				.append("\">")
				.append(Html.escape(fix))
				.append("</code> <button type=\"button\" class=\"copy\" id=\"copy-")
				.append(codeId)
				.append("\" aria-describedby=\"")
				.append(codeId)
				.append("\">Copy</button></li>\n");
		}
		html.append("</ul></div>\n");
	}

	/** Whether the text names the variable as a whole word (so ALPACA_API_KEY does not match ALPACA_API_KEY_2). */
	static boolean mentions(String text, String variable) {
		return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(variable) + "(?![A-Za-z0-9_])").matcher(text).find();
	}

	private static void time(StringBuilder html, Instant time, Instant now) {
		html.append("<time datetime=\"")
			.append(Html.escape(time.toString()))
			.append("\">")
			.append(Html.escape(TIME.format(time)))
			.append("</time> <span class=\"ago\">(")
			.append(Html.escape(ago(time, now)))
			.append(")</span>");
	}

	/** Whole minutes, hours or days: coarse enough that a refresh does not touch rows every time. */
	static String ago(Instant time, Instant now) {
		long seconds = Duration.between(time, now).toSeconds();
		if (seconds < 0) {
			return "just now";
		}
		if (seconds < 60) {
			return "less than a minute ago";
		}
		long minutes = seconds / 60;
		if (minutes < 60) {
			return minutes + " min ago";
		}
		long hours = minutes / 60;
		if (hours < 48) {
			return hours + " h " + (minutes % 60) + " min ago";
		}
		return (hours / 24) + " days ago";
	}

	static String duration(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds % 3600 == 0 && seconds >= 3600) {
			return (seconds / 3600) + " h";
		}
		if (seconds % 60 == 0 && seconds >= 60) {
			return (seconds / 60) + " min";
		}
		return seconds + " s";
	}

	private static String shorten(String id) {
		return (id != null && id.length() > 12) ? id.substring(0, 7) : id;
	}

	static String stateText(AccountState state) {
		return state.name().replace('_', ' ');
	}

	private static String classification(VariableStatus variable) {
		if (variable.classification() == Classification.PRESENT && variable.condition() != Condition.VALID) {
			return "present, wrong format";
		}
		return variable.classification().id().replace('_', ' ');
	}

	/** ok (configured), off (disabled), warn (optional and broken), bad (required and broken). */
	static String severity(AccountStatus status) {
		if (status.state() == AccountState.CONFIGURED) {
			return "ok";
		}
		if (status.state() == AccountState.DISABLED) {
			return "off";
		}
		return status.isBlocking() ? "bad" : "warn";
	}

	/** The headline: ready, ready with optional accounts to look at, or not ready. */
	record Verdict(String word, String severity) {

		static Verdict of(Snapshot snapshot) {
			if (!snapshot.isReady()) {
				return new Verdict("NOT READY", "bad");
			}
			if (snapshot.accounts().stream().anyMatch((status) -> !status.state().isHealthy())) {
				return new Verdict("READY, WITH WARNINGS", "warn");
			}
			return new Verdict("READY", "ok");
		}

	}

}
