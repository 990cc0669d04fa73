package io.credentialhealth.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.credentialhealth.broker.Broker;
import io.credentialhealth.check.AccountState;
import io.credentialhealth.check.AccountStatus;
import io.credentialhealth.check.Snapshot;
import io.credentialhealth.check.VariableStatus;
import io.credentialhealth.check.VerificationStatus;
import io.credentialhealth.broker.VerificationResult;
import io.credentialhealth.platform.Platform;
import io.credentialhealth.platform.PlatformInfo;
import io.credentialhealth.registry.Account;
import io.credentialhealth.registry.Role;
import io.credentialhealth.registry.Variable;
import io.credentialhealth.registry.VariableRole;
import io.credentialhealth.source.Classification;
import io.credentialhealth.state.Condition;
import io.credentialhealth.state.StoreStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusPageTest {

	private static final Instant NOW = Instant.parse("2026-08-21T03:00:00Z");

	private static final Instant VALID_UNTIL = Instant.parse("2026-08-21T02:41:07Z");

	private static final PlatformInfo RAILWAY = new PlatformInfo(Platform.RAILWAY, "production", "bot-health",
			"9b2f6c1e-0d4a-4f5e-8c1b-2a3d4e5f6a7b", "replica-1", "7f3c2a1d9e8b7c6a5f4e3d2c1b0a9f8e7d6c5b4a", "proj-1");

	private final StatusPage page = new StatusPage(Duration.ofMinutes(5), Duration.ofSeconds(30),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void allGoodSaysReadyWithEveryAccountConfigured() {
		String html = this.page.render(snapshot(configured("kraken-master", Role.MASTER, "Master", "KRAKEN_MASTER"),
				configured("kraken-user-tania", Role.USER, "Tania Gilbert", "KRAKEN_USER_TANIA")));
		assertThat(html).contains("<title>READY · credential-health</title>")
			.contains("<header id=\"verdict\" class=\"verdict sev-ok\"")
			.contains("Every account is configured.")
			.contains("<caption id=\"group-master-caption\" data-unit>Master accounts: 1 of 1 configured</caption>")
			.contains("<caption id=\"group-user-caption\" data-unit>User accounts: 1 of 1 configured</caption>")
			.contains("<span class=\"badge sev-ok\">CONFIGURED</span>")
			.doesNotContain("class=\"problems\"")
			.doesNotContain("null");
	}

	@Test
	void bannerShowsPlatformIdentityWithLongIdsShortened() {
		String html = this.page.render(snapshot(configured("kraken-master", Role.MASTER, "Master", "KRAKEN_MASTER")));
		assertThat(html).contains("<dt>Platform</dt><dd>Railway</dd>")
			.contains("<dt>Environment</dt><dd>production</dd>")
			.contains("<dt>Service</dt><dd>bot-health</dd>")
			.contains("<dt>Deployment</dt><dd title=\"9b2f6c1e-0d4a-4f5e-8c1b-2a3d4e5f6a7b\">9b2f6c1</dd>")
			.contains("<dt>Commit</dt><dd title=\"7f3c2a1d9e8b7c6a5f4e3d2c1b0a9f8e7d6c5b4a\">7f3c2a1</dd>")
			.contains("the service checks every 5 min")
			.contains("it refreshes itself every 30 s")
			.contains("data-refresh-seconds=\"30\"");
	}

	@Test
	void lostAccountShowsWhenAndTheFixUnderItsProblem() {
		AccountStatus lost = lost("kraken-master", "KRAKEN_MASTER");
		String html = this.page.render(snapshot(lost));
		assertThat(html).contains("<title>NOT READY · credential-health</title>")
			.contains("1 required account needs attention:")
			.contains("<a href=\"#account-kraken-master\">kraken-master</a> LOST since 2026-08-21 02:46:00 UTC")
			.contains("data-state=\"LOST\"")
			.contains("<span class=\"badge sev-bad\">LOST</span>")
			.contains("<time datetime=\"2026-08-21T02:41:07Z\">2026-08-21 02:41:07 UTC</time> <span class=\"ago\">(18 min ago)</span>")
			.contains("<strong><time datetime=\"2026-08-21T02:46:00Z\">");
		// The problem about the secret is followed by the command that sets the secret, then the general hint.
		int problem = html.indexOf("KRAKEN_MASTER_API_SECRET was valid until");
		int fix = html.indexOf("railway variable set KRAKEN_MASTER_API_SECRET --stdin");
		int also = html.indexOf("Also:");
		assertThat(problem).isPositive();
		assertThat(fix).isGreaterThan(problem);
		assertThat(also).isGreaterThan(fix);
		assertThat(html.indexOf("or in the Railway dashboard")).isGreaterThan(also);
		assertThat(html).contains("<code id=\"fix-kraken-master-1\">railway variable set KRAKEN_MASTER_API_SECRET")
			.contains("<button type=\"button\" class=\"copy\" id=\"copy-fix-kraken-master-1\" aria-describedby=\"fix-kraken-master-1\">Copy</button>");
	}

	@Test
	void aCommandForSeveralVariablesIsShownOnce() {
		Account account = account("alpaca-master", Role.MASTER, "Master", "ALPACA", Broker.ALPACA, true);
		AccountStatus status = new AccountStatus(account, AccountState.NOT_CONFIGURED,
				List.of(missing("ALPACA_API_KEY", VariableRole.KEY), missing("ALPACA_API_SECRET", VariableRole.SECRET)),
				List.of("ALPACA_API_KEY is not set", "ALPACA_API_SECRET is not set"), List.of(),
				List.of("pass ALPACA_API_KEY, ALPACA_API_SECRET to the container: docker run -e NAME"), null, NOW, null,
				null, null);
		String html = this.page.render(snapshot(status));
		assertThat(html.split("pass ALPACA_API_KEY, ALPACA_API_SECRET", -1)).hasSize(2);
		assertThat(html).contains("Fix: the command above covers this one too.");
	}

	@Test
	void optionalAccountOnlyWarns() {
		Account account = account("alpaca-user-tania", Role.USER, "Tania Gilbert", "ALPACA_USER_TANIA", Broker.ALPACA,
				false);
		AccountStatus status = new AccountStatus(account, AccountState.NOT_CONFIGURED,
				List.of(missing("ALPACA_USER_TANIA_API_KEY", VariableRole.KEY),
						missing("ALPACA_USER_TANIA_API_SECRET", VariableRole.SECRET)),
				List.of("ALPACA_USER_TANIA_API_KEY is not set"), List.of(), List.of(), null, NOW, null, null, null);
		String html = this.page.render(snapshot(status));
		assertThat(html).contains("<title>READY, WITH WARNINGS · credential-health</title>")
			.contains("1 optional account needs attention:")
			.contains("<span class=\"badge sev-warn\">NOT CONFIGURED</span> <span class=\"tag\">optional</span>")
			.contains("<span class=\"classification bad\">missing</span>")
			.contains("<td data-label=\"Last seen valid\">never</td>");
	}

	@Test
	void lastVerifiedComesFromTheVerificationWhenThereIsOne() {
		Snapshot snapshot = snapshot(configured("kraken-master", Role.MASTER, "Master", "KRAKEN_MASTER"),
				configured("coinbase-master", Role.MASTER, "Master", "COINBASE"));
		assertThat(this.page.render(snapshot)).contains("<span class=\"none\">not enabled</span>");
		AccountStatus kraken = snapshot.account("kraken-master").orElseThrow();
		AccountStatus coinbase = snapshot.account("coinbase-master").orElseThrow();
		String html = this.page.render(snapshot(
				withVerification(kraken, new VerificationStatus(VerificationResult.VERIFIED, "Kraken accepted the key",
						Instant.parse("2026-08-21T02:30:00Z"), Instant.parse("2026-08-21T02:30:00Z"), null, null, null)),
				withVerification(coinbase, new VerificationStatus(VerificationResult.UNVERIFIED, "not yet", null, null,
						null, null, null))));
		assertThat(html).doesNotContain("not enabled")
			.contains("<td data-label=\"Last verified\"><time datetime=\"2026-08-21T02:30:00Z\">2026-08-21 02:30:00 UTC</time> "
					+ "<span class=\"ago\">(30 min ago)</span> (verified)</td>")
			.contains("<td data-label=\"Last verified\">never (unverified)</td>");
	}

	private static AccountStatus withVerification(AccountStatus status, VerificationStatus verification) {
		return new AccountStatus(status.account(), status.state(), status.variables(), status.problems(),
				status.warnings(), status.fixes(), status.keyPreview(), status.checkedAt(), status.lastChange(),
				status.lostSince(), status.lastSeenValid(), verification);
	}

	@Test
	void everyStringIsEscaped() {
		Account account = new Account("evil", Broker.GENERIC, Role.USER, "<script>alert(1)</script>", "x", true, true,
				List.of(new Variable("EVIL_API_KEY", VariableRole.KEY)));
		AccountStatus status = new AccountStatus(account, AccountState.INVALID,
				List.of(new VariableStatus("EVIL_API_KEY", VariableRole.KEY, Classification.QUOTED, Condition.UNUSABLE,
						"secret file /tmp/\"><img src=x>", "ab12", null, null, null, NOW, null)),
				List.of("EVIL_API_KEY is <b>bad</b> & 'quoted'"), List.of("look at \"this\""),
				List.of("read -rs EVIL_API_KEY && echo \"$EVIL_API_KEY\" > /dev/null"), null, NOW, NOW, null, null);
		Snapshot snapshot = new Snapshot(1, NOW, Duration.ofMillis(3), List.of(status), RAILWAY,
				List.of("source <broken>"), List.of(), new StoreStatus("file", "/data", true, "disk <full>"));
		String html = this.page.render(snapshot);
		assertThat(html).doesNotContain("<script>alert")
			.doesNotContain("<img")
			.doesNotContain("<b>bad")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("from secret file /tmp/&quot;&gt;&lt;img src=x&gt;")
			.contains("EVIL_API_KEY is &lt;b&gt;bad&lt;/b&gt; &amp; &#39;quoted&#39;")
			.contains("echo &quot;$EVIL_API_KEY&quot; &gt; /dev/null")
			.contains("<li>source &lt;broken&gt;</li>")
			.contains("<li>disk &lt;full&gt;</li>")
			.contains("Note: look at &quot;this&quot;");
		assertThat(html).contains("<section id=\"service-problems\" class=\"service-problems\" aria-labelledby=\"service-problems-title\" data-unit>");
	}

	@Test
	void serviceProblemsAreHiddenWhenThereAreNone() {
		String html = this.page.render(snapshot(configured("kraken-master", Role.MASTER, "Master", "KRAKEN_MASTER")));
		assertThat(html).contains("data-unit hidden>\n<h2 id=\"service-problems-title\">");
	}

	@Test
	void agoIsCoarse() {
		assertThat(StatusPage.ago(NOW.minusSeconds(59), NOW)).isEqualTo("less than a minute ago");
		assertThat(StatusPage.ago(NOW.minusSeconds(61), NOW)).isEqualTo("1 min ago");
		assertThat(StatusPage.ago(NOW.minus(Duration.ofMinutes(135)), NOW)).isEqualTo("2 h 15 min ago");
		assertThat(StatusPage.ago(NOW.minus(Duration.ofDays(3)), NOW)).isEqualTo("3 days ago");
		assertThat(StatusPage.ago(NOW.plusSeconds(5), NOW)).isEqualTo("just now");
	}

	@Test
	void mentionsMatchesWholeVariableNamesOnly() {
		assertThat(StatusPage.mentions("set ALPACA_API_KEY now", "ALPACA_API_KEY")).isTrue();
		assertThat(StatusPage.mentions("set ALPACA_API_KEY_2 now", "ALPACA_API_KEY")).isFalse();
		assertThat(StatusPage.mentions("set X_ALPACA_API_KEY", "ALPACA_API_KEY")).isFalse();
		assertThat(StatusPage.mentions("\"ALPACA_API_KEY\":", "ALPACA_API_KEY")).isTrue();
	}

	private static Snapshot snapshot(AccountStatus... accounts) {
		return new Snapshot(7, NOW.minusSeconds(20), Duration.ofMillis(4), List.of(accounts), RAILWAY, List.of(),
				List.of(), new StoreStatus("file", "./data/credential-state.json", false, null));
	}

	private static Account account(String id, Role role, String owner, String prefix, Broker broker, boolean required) {
		return new Account(id, broker, role, owner, null, required, true,
				List.of(new Variable(prefix + "_API_KEY", VariableRole.KEY),
						new Variable(prefix + "_API_SECRET", VariableRole.SECRET)));
	}

	private static AccountStatus configured(String id, Role role, String owner, String prefix) {
		Account account = account(id, role, owner, prefix, Broker.KRAKEN, true);
		List<VariableStatus> variables = account.variables()
			.stream()
			.map((v) -> new VariableStatus(v.name(), v.role(), Classification.PRESENT, Condition.VALID, "environment",
					"ab12cd34", VALID_UNTIL, NOW, null, VALID_UNTIL, "9b2f6c1"))
			.toList();
		return new AccountStatus(account, AccountState.CONFIGURED, variables, List.of(), List.of(), List.of(), "AbCd****",
				NOW, VALID_UNTIL, null, NOW);
	}

	private static AccountStatus lost(String id, String prefix) {
		Account account = account(id, Role.MASTER, "Master", prefix, Broker.KRAKEN, true);
		Instant lostSince = Instant.parse("2026-08-21T02:46:00Z");
		VariableStatus key = new VariableStatus(prefix + "_API_KEY", VariableRole.KEY, Classification.PRESENT,
				Condition.VALID, "environment", "ab12cd34", VALID_UNTIL, NOW, null, VALID_UNTIL, "9b2f6c1");
		VariableStatus secret = new VariableStatus(prefix + "_API_SECRET", VariableRole.SECRET, Classification.MISSING,
				Condition.ABSENT, null, null, VALID_UNTIL, VALID_UNTIL, lostSince, lostSince, "9b2f6c1");
		return new AccountStatus(account, AccountState.LOST, List.of(key, secret),
				List.of(prefix + "_API_SECRET was valid until " + VALID_UNTIL + " (deployment 9b2f6c1), now missing"),
				List.of(),
				List.of("railway variable set " + prefix + "_API_SECRET --stdin --service bot-health --environment production",
						"or in the Railway dashboard: project proj-1 > service bot-health > Variables"),
				null, NOW, lostSince, lostSince, VALID_UNTIL);
	}

	private static VariableStatus missing(String name, VariableRole role) {
		return new VariableStatus(name, role, Classification.MISSING, Condition.ABSENT, null, null, null, null, null, null,
				null);
	}

}
