package io.credentialhealth.notify;

/** The shape of the webhook payload. */
public enum NotificationFormat {

	/** Slack incoming webhook: {@code text} plus a mrkdwn section in {@code blocks}. */
	SLACK,

	/** Discord webhook: {@code content} plus one embed with fields. */
	DISCORD,

	/** A flat JSON object, documented in docs/notifications.md, for any other receiver. */
	JSON

}
