package io.credentialhealth.notify;

import java.time.Instant;

import io.credentialhealth.check.CredentialTransition;
import io.credentialhealth.check.Transition;
import io.credentialhealth.platform.Platform;
import io.credentialhealth.platform.PlatformInfo;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationPayloadsTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private static final String LINE = "CREDENTIAL LOST: KRAKEN_USER_TANIA_API_KEY (kraken-user-tania, Tania Gilbert) "
			+ "was valid, now missing; last seen valid 2026-01-16T20:45:00Z in deployment 7f3c2a1, elapsed 300s";

	@Test
	void jsonIsFlatAndNamesEverything() {
		JsonNode payload = render(NotificationFormat.JSON, Transitions.lost());
		assertThat(payload.get("source").asString()).isEqualTo("credential-health");
		assertThat(payload.get("version").asInt()).isEqualTo(1);
		assertThat(payload.get("transition").asString()).isEqualTo("LOST");
		assertThat(payload.get("text").asString()).isEqualTo("[production] " + LINE);
		assertThat(payload.get("account").asString()).isEqualTo("kraken-user-tania");
		assertThat(payload.get("owner").asString()).isEqualTo("Tania Gilbert");
		assertThat(payload.get("broker").asString()).isEqualTo("kraken");
		assertThat(payload.get("variable").asString()).isEqualTo("KRAKEN_USER_TANIA_API_KEY");
		assertThat(payload.get("detail").asString()).isEqualTo("now missing");
		assertThat(payload.get("at").asString()).isEqualTo("2026-01-16T20:50:00Z");
		assertThat(payload.get("lastSeenValid").asString()).isEqualTo("2026-01-16T20:45:00Z");
		assertThat(payload.get("elapsedSeconds").asLong()).isEqualTo(300);
		assertThat(payload.get("lastSeenInDeployment").asString()).isEqualTo("7f3c2a1");
		assertThat(payload.get("noticedInDeployment").asString()).isEqualTo("9b1d0e4");
		assertThat(payload.get("platform").asString()).isEqualTo("railway");
		assertThat(payload.get("environment").asString()).isEqualTo("production");
		assertThat(payload.get("service").asString()).isEqualTo("bot-credentials");
		assertThat(payload.get("instance").asString()).isEqualTo("replica-1");
		payload.properties().forEach((field) -> assertThat(field.getValue().isContainer()).isFalse());
	}

	@Test
	void jsonNeverSeenBeforeHasNulls() {
		CredentialTransition restored = new CredentialTransition(Transition.RESTORED, "kraken-master", "Master", "kraken",
				"KRAKEN_MASTER_API_KEY", Transitions.NOW, null, null, "valid again", "9b1d0e4");
		JsonNode payload = render(NotificationFormat.JSON, restored);
		assertThat(payload.get("lastSeenValid").isNull()).isTrue();
		assertThat(payload.get("elapsedSeconds").isNull()).isTrue();
		assertThat(payload.get("lastSeenInDeployment").isNull()).isTrue();
	}

	@Test
	void slackHasTextAndMrkdwnBlocks() {
		JsonNode payload = render(NotificationFormat.SLACK, Transitions.lost());
		assertThat(payload.get("text").asString()).isEqualTo("[production] " + LINE);
		JsonNode blocks = payload.get("blocks");
		assertThat(blocks).hasSize(3);
		JsonNode headline = blocks.get(0);
		assertThat(headline.get("type").asString()).isEqualTo("section");
		assertThat(headline.get("text").get("type").asString()).isEqualTo("mrkdwn");
		assertThat(headline.get("text").get("text").asString()).isEqualTo(
				":rotating_light: *CREDENTIAL LOST:* `KRAKEN_USER_TANIA_API_KEY` (kraken-user-tania, Tania Gilbert) was valid, "
						+ "now missing; last seen valid 2026-01-16T20:45:00Z in deployment 7f3c2a1, elapsed 300s");
		JsonNode fields = blocks.get(1).get("fields");
		assertThat(fields).hasSizeLessThanOrEqualTo(10);
		String all = fields.toString();
		assertThat(all).contains("*Account*\\nkraken-user-tania", "*Owner*\\nTania Gilbert", "*Broker*\\nkraken",
				"*Variable*\\nKRAKEN_USER_TANIA_API_KEY", "*Last seen valid*\\n2026-01-16T20:45:00Z", "*Elapsed*\\n300s",
				"*Last seen in deployment*\\n7f3c2a1", "*Noticed in deployment*\\n9b1d0e4", "*Environment*\\nproduction",
				"*Service*\\nbot-credentials");
		fields.forEach((field) -> assertThat(field.get("type").asString()).isEqualTo("mrkdwn"));
		assertThat(blocks.get(2).get("type").asString()).isEqualTo("context");
		assertThat(blocks.get(2).toString()).contains("2026-01-16T20:50:00Z", "Railway");
	}

	@Test
	void slackEscapesControlCharactersOfMrkdwn() {
		CredentialTransition t = new CredentialTransition(Transition.LOST, "kraken-user-x", "<!channel> & Co",
				"kraken", "KRAKEN_USER_X_API_KEY", Transitions.NOW, Transitions.LAST_SEEN, "7f3c2a1", "now missing",
				"9b1d0e4");
		JsonNode payload = render(NotificationFormat.SLACK, t);
		assertThat(payload.toString()).doesNotContain("<!channel>").contains("&lt;!channel&gt; &amp; Co");
	}

	@Test
	void discordHasContentAndOneEmbed() {
		JsonNode payload = render(NotificationFormat.DISCORD, Transitions.lost());
		assertThat(payload.get("content").asString()).isEqualTo("[production] " + LINE);
		assertThat(payload.get("allowed_mentions").get("parse")).isEmpty();
		JsonNode embed = payload.get("embeds").get(0);
		assertThat(payload.get("embeds")).hasSize(1);
		assertThat(embed.get("title").asString()).isEqualTo("CREDENTIAL LOST: KRAKEN_USER_TANIA_API_KEY");
		assertThat(embed.get("description").asString()).isEqualTo("(kraken-user-tania, Tania Gilbert) was valid, "
				+ "now missing; last seen valid 2026-01-16T20:45:00Z in deployment 7f3c2a1, elapsed 300s");
		assertThat(embed.get("color").asInt()).isEqualTo(0xED4245);
		assertThat(embed.get("timestamp").asString()).isEqualTo("2026-01-16T20:50:00Z");
		JsonNode fields = embed.get("fields");
		assertThat(field(fields, "Account")).isEqualTo("kraken-user-tania");
		assertThat(field(fields, "Owner")).isEqualTo("Tania Gilbert");
		assertThat(field(fields, "Broker")).isEqualTo("kraken");
		assertThat(field(fields, "Variable")).isEqualTo("KRAKEN_USER_TANIA_API_KEY");
		assertThat(field(fields, "Last seen valid")).isEqualTo("2026-01-16T20:45:00Z");
		assertThat(field(fields, "Elapsed")).isEqualTo("300s");
		assertThat(field(fields, "Last seen in deployment")).isEqualTo("7f3c2a1");
		assertThat(field(fields, "Noticed in deployment")).isEqualTo("9b1d0e4");
		assertThat(field(fields, "Environment")).isEqualTo("production");
		assertThat(field(fields, "Service")).isEqualTo("bot-credentials");
	}

	@Test
	void discordStaysWithinItsLimits() {
		String longOwner = "O".repeat(5000);
		CredentialTransition t = new CredentialTransition(Transition.REJECTED, "a".repeat(3000), longOwner, "kraken",
				"V".repeat(400), Transitions.NOW, Transitions.LAST_SEEN, "7f3c2a1", "D".repeat(5000), "9b1d0e4");
		JsonNode payload = render(NotificationFormat.DISCORD, t);
		assertThat(payload.get("content").asString()).hasSizeLessThanOrEqualTo(2000);
		JsonNode embed = payload.get("embeds").get(0);
		assertThat(embed.get("title").asString()).hasSizeLessThanOrEqualTo(256);
		assertThat(embed.get("description").asString()).hasSizeLessThanOrEqualTo(4096);
		assertThat(embed.get("fields")).hasSizeLessThanOrEqualTo(25);
		int total = embed.get("title").asString().length() + embed.get("description").asString().length()
				+ embed.get("footer").get("text").asString().length();
		for (JsonNode field : embed.get("fields")) {
			assertThat(field.get("name").asString()).hasSizeLessThanOrEqualTo(256);
			assertThat(field.get("value").asString()).isNotEmpty().hasSizeLessThanOrEqualTo(1024);
			total += field.get("name").asString().length() + field.get("value").asString().length();
		}
		assertThat(total).isLessThanOrEqualTo(6000);
	}

	@Test
	void slackStaysWithinItsLimits() {
		CredentialTransition t = new CredentialTransition(Transition.LOST, "kraken-user-x", "O".repeat(5000), "kraken",
				"KRAKEN_USER_X_API_KEY", Transitions.NOW, Transitions.LAST_SEEN, "7f3c2a1", "now missing", "9b1d0e4");
		JsonNode payload = render(NotificationFormat.SLACK, t);
		assertThat(payload.get("blocks").get(0).get("text").get("text").asString()).hasSizeLessThanOrEqualTo(3000);
		payload.get("blocks").get(1).get("fields")
			.forEach((field) -> assertThat(field.get("text").asString()).hasSizeLessThanOrEqualTo(2000));
	}

	@Test
	void everyTransitionRendersInEveryFormat() {
		for (Transition transition : Transition.values()) {
			for (NotificationFormat format : NotificationFormat.values()) {
				JsonNode payload = render(format, Transitions.of(transition, "detail"));
				assertThat(payload.toString()).contains("CREDENTIAL " + transition.name());
			}
		}
	}

	@Test
	void unknownEnvironmentIsNotPrefixed() {
		PlatformInfo local = new PlatformInfo(Platform.LOCAL, null, null, null, null, null, null);
		NotificationPayloads payloads = new NotificationPayloads(NotificationFormat.JSON, local, this.json);
		assertThat(payloads.text(Transitions.lost())).isEqualTo(LINE);
		JsonNode payload = this.json.readTree(payloads.body(Transitions.lost()));
		assertThat(payload.get("environment").asString()).isEqualTo("unknown");
	}

	@Test
	void accountLevelTransitionHasNoVariable() {
		CredentialTransition rejected = new CredentialTransition(Transition.REJECTED, "kraken-master", "Master", "kraken",
				null, Transitions.NOW, Instant.parse("2026-01-16T20:00:00Z"), "7f3c2a1", "401 invalid key", "9b1d0e4");
		JsonNode discord = render(NotificationFormat.DISCORD, rejected);
		assertThat(discord.get("embeds").get(0).get("title").asString()).isEqualTo("CREDENTIAL REJECTED: kraken-master");
		assertThat(field(discord.get("embeds").get(0).get("fields"), "Variable")).isEqualTo("—");
		assertThat(render(NotificationFormat.JSON, rejected).get("variable").isNull()).isTrue();
	}

	private JsonNode render(NotificationFormat format, CredentialTransition transition) {
		NotificationPayloads payloads = new NotificationPayloads(format, Transitions.RAILWAY, this.json);
		return this.json.readTree(payloads.body(transition));
	}

	private static String field(JsonNode fields, String name) {
		for (JsonNode field : fields) {
			if (field.get("name").asString().equals(name)) {
				return field.get("value").asString();
			}
		}
		throw new AssertionError("no field " + name + " in " + fields);
	}

}
