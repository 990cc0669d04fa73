package io.credentialhealth.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.credentialhealth.check.CredentialTransition;
import io.credentialhealth.check.TransitionLogger;
import io.credentialhealth.platform.PlatformInfo;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the webhook body for one transition. Everything in it comes from the
 * {@link CredentialTransition} (which carries no value) and {@link PlatformInfo}.
 */
public class NotificationPayloads {

	/** Discord's documented limits, see https://discord.com/developers/docs/resources/message#embed-object-embed-limits. */
	static final int DISCORD_CONTENT = 2000;

	static final int DISCORD_TITLE = 256;

	static final int DISCORD_DESCRIPTION = 4096;

	static final int DISCORD_FIELD_VALUE = 1024;

	static final int DISCORD_EMBED_TOTAL = 6000;

	/** Our fields are names and ids: shorter than Discord allows, so the embed total always fits. */
	static final int DISCORD_OUR_FIELD_VALUE = 256;

	/** Slack: section text at most 3000 characters, a field at most 2000, at most 10 fields. */
	static final int SLACK_SECTION = 3000;

	static final int SLACK_FIELD = 2000;

	private static final String NONE = "—";

	private final NotificationFormat format;

	private final PlatformInfo platform;

	private final JsonMapper json;

	public NotificationPayloads(NotificationFormat format, PlatformInfo platform, JsonMapper json) {
		this.format = format;
		this.platform = platform;
		this.json = json;
	}

	public NotificationFormat format() {
		return this.format;
	}

	/** The body to POST, UTF-8 JSON. */
	public byte[] body(CredentialTransition t) {
		Object payload = switch (this.format) {
			case SLACK -> slack(t);
			case DISCORD -> discord(t);
			case JSON -> flat(t);
		};
		return this.json.writeValueAsBytes(payload);
	}

	/** The log line, prefixed with the environment so a phone notification says where. */
	String text(CredentialTransition t) {
		String line = TransitionLogger.format(t);
		return known(this.platform.environment()) ? "[" + this.platform.environment() + "] " + line : line;
	}

	Map<String, Object> flat(CredentialTransition t) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("source", "credential-health");
		payload.put("version", 1);
		payload.put("transition", t.transition().name());
		payload.put("text", text(t));
		payload.put("account", t.account());
		payload.put("owner", t.owner());
		payload.put("broker", t.broker());
		payload.put("variable", t.variable());
		payload.put("detail", t.detail());
		payload.put("at", iso(t.at()));
		payload.put("lastSeenValid", iso(t.lastSeenValid()));
		payload.put("elapsedSeconds", (t.lastSeenValid() != null) ? t.elapsed().toSeconds() : null);
		payload.put("lastSeenInDeployment", t.lastDeployment());
		payload.put("noticedInDeployment", t.deployment());
		payload.put("platform", this.platform.platform().id());
		payload.put("environment", this.platform.environment());
		payload.put("service", this.platform.service());
		payload.put("instance", this.platform.instanceId());
		return payload;
	}

	Map<String, Object> slack(CredentialTransition t) {
		String headline = emoji(t) + " *CREDENTIAL " + t.transition().name() + ":* `" + slackEscape(subject(t)) + "` ("
				+ slackEscape(t.account() + ", " + t.owner()) + ") " + slackEscape(what(t));
		List<Map<String, Object>> fields = new ArrayList<>();
		for (Map.Entry<String, String> field : fields(t).entrySet()) {
			if (fields.size() == 10) {
				break;
			}
			fields.add(mrkdwn(cut("*" + field.getKey() + "*\n" + slackEscape(field.getValue()), SLACK_FIELD)));
		}
		String context = "credential-health · " + slackEscape(this.platform.platform().displayName()) + " · noticed "
				+ iso(t.at());
		List<Object> blocks = List.of(ordered("type", "section", "text", mrkdwn(cut(headline, SLACK_SECTION))),
				ordered("type", "section", "fields", fields),
				ordered("type", "context", "elements", List.of(mrkdwn(context))));
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("text", cut(slackEscape(text(t)), SLACK_SECTION));
		payload.put("blocks", blocks);
		return payload;
	}

	Map<String, Object> discord(CredentialTransition t) {
		String footer = "credential-health";
		String title = cut("CREDENTIAL " + t.transition().name() + ": " + subject(t), DISCORD_TITLE);
		int used = title.length() + footer.length();
		List<Map<String, Object>> fields = new ArrayList<>();
		for (Map.Entry<String, String> entry : fields(t).entrySet()) {
			String value = cut(entry.getValue(), Math.min(DISCORD_FIELD_VALUE, DISCORD_OUR_FIELD_VALUE));
			used += entry.getKey().length() + value.length();
			fields.add(ordered("name", entry.getKey(), "value", value, "inline", true));
		}
		Map<String, Object> embed = new LinkedHashMap<>();
		embed.put("title", title);
		embed.put("description", cut("(" + t.account() + ", " + t.owner() + ") " + what(t),
				Math.min(DISCORD_DESCRIPTION, DISCORD_EMBED_TOTAL - used)));
		embed.put("color", color(t));
		embed.put("fields", fields);
		embed.put("timestamp", iso(t.at()));
		embed.put("footer", Map.of("text", footer));
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("content", cut(text(t), DISCORD_CONTENT));
		// An owner name must never ping @everyone.
		payload.put("allowed_mentions", Map.of("parse", List.of()));
		payload.put("embeds", List.of(embed));
		return payload;
	}

	/** The facts as name/value pairs, in the order a reader wants them (ten, Slack's maximum). */
	private Map<String, String> fields(CredentialTransition t) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("Account", or(t.account()));
		fields.put("Owner", or(t.owner()));
		fields.put("Broker", or(t.broker()));
		fields.put("Variable", or(t.variable()));
		fields.put("Last seen valid", (t.lastSeenValid() != null) ? iso(t.lastSeenValid()) : "never before");
		fields.put("Elapsed", (t.lastSeenValid() != null) ? t.elapsed().toSeconds() + "s" : NONE);
		fields.put("Last seen in deployment", or(t.lastDeployment()));
		fields.put("Noticed in deployment", or(t.deployment()));
		fields.put("Environment", or(this.platform.environment()));
		fields.put("Service", or(this.platform.service()));
		return fields;
	}

	private static String subject(CredentialTransition t) {
		return (t.variable() != null) ? t.variable() : t.account();
	}

	/** The log line after "SUBJECT (account, owner) ". */
	private static String what(CredentialTransition t) {
		String line = TransitionLogger.format(t);
		String marker = "(" + t.account() + ", " + t.owner() + ") ";
		int at = line.indexOf(marker);
		return (at >= 0) ? line.substring(at + marker.length()) : line;
	}

	private static String emoji(CredentialTransition t) {
		return switch (t.transition()) {
			case LOST, REJECTED -> ":rotating_light:";
			case INVALID -> ":warning:";
			case RESTORED -> ":white_check_mark:";
			case ROTATED -> ":arrows_counterclockwise:";
		};
	}

	private static int color(CredentialTransition t) {
		return switch (t.transition()) {
			case LOST, REJECTED -> 0xED4245;
			case INVALID -> 0xFEE75C;
			case RESTORED -> 0x57F287;
			case ROTATED -> 0x5865F2;
		};
	}

	private static Map<String, Object> mrkdwn(String text) {
		return ordered("type", "mrkdwn", "text", text);
	}

	/** A map that keeps its keys in the order given, so payloads read well. */
	private static Map<String, Object> ordered(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	/** Slack's three control characters; anything else in mrkdwn is harmless text. */
	static String slackEscape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	static String cut(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	private static String iso(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	private static String or(String value) {
		return (value != null && !value.isBlank()) ? value : NONE;
	}

	private static boolean known(String value) {
		return value != null && !PlatformInfo.UNKNOWN.equals(value);
	}

}
