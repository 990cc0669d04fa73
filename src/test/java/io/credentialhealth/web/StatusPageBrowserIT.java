package io.credentialhealth.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.credentialhealth.check.CredentialChecker;
import io.credentialhealth.registry.CredentialRegistry;
import io.credentialhealth.registry.Role;
import io.credentialhealth.source.EnvironmentVariables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page in headless Chromium against the running application, its credentials in a
 * secret-files directory the test controls. The page refreshes every second here.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "credentials.status-page.refresh-interval=1s")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusPageBrowserIT {

	private static final Path SECRETS = StatusPageHttpTest.tempDirectory("secrets");

	private static final Path STATE = StatusPageHttpTest.tempDirectory("state");

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	@LocalServerPort
	private int port;

	@Autowired
	private CredentialRegistry registry;

	@Autowired
	private CredentialChecker checker;

	@Autowired
	private ApplicationContext context;

	@TempDir
	private Path profile;

	private CredentialFiles files;

	private WebDriver browser;

	@DynamicPropertySource
	static void sources(DynamicPropertyRegistry properties) {
		properties.add("credentials.secret-files-dir", SECRETS::toString);
		properties.add("credentials.state-file", () -> STATE.resolve("state.json").toString());
	}

	@BeforeEach
	void everyCredentialConfigured() {
		this.files = new CredentialFiles(SECRETS, this.registry).writeAll();
		this.checker.check();
		this.browser = Chromium.start(this.profile, 1280, 900);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	@Order(1)
	void allGoodRegistryIsReadyWithEveryBadgeConfigured() throws Exception {
		open();
		assertThat(text("#verdict .verdict-word")).isEqualTo("READY");
		assertThat(this.browser.getTitle()).isEqualTo("READY · credential-health");
		assertThat(rows(Role.MASTER)).hasSize((int) count(Role.MASTER));
		assertThat(rows(Role.USER)).hasSize((int) count(Role.USER));
		assertThat(text("#group-master caption")).isEqualTo("Master accounts: " + count(Role.MASTER) + " of "
				+ count(Role.MASTER) + " configured");
		for (WebElement row : this.browser.findElements(By.cssSelector("tbody.account"))) {
			assertThat(row.findElement(By.cssSelector(".badge")).getText()).isEqualTo("CONFIGURED");
			assertThat(row.findElements(By.cssSelector("tr.variable td[data-label=Classification]")))
				.allSatisfy((cell) -> assertThat(cell.getText()).isEqualTo("present"));
			assertThat(row.findElements(By.cssSelector("tr.problems-row"))).isEmpty();
		}
		// Style and script both loaded under the Content-Security-Policy.
		assertThat(script("return getComputedStyle(document.querySelector('.badge')).backgroundColor"))
			.isEqualTo("rgb(11, 107, 46)");
		assertThat(script("return document.documentElement.classList.contains('js')")).isEqualTo(true);
		Chromium.screenshot(this.browser, "status-ready");
	}

	@Test
	@Order(2)
	void brokenRegistryShowsStatesTimesAndFixesWithCopyButtons() throws Exception {
		breakKrakenAndAlpaca();
		open();
		assertThat(text("#verdict .verdict-word")).isEqualTo("NOT READY");
		assertThat(text("#verdict")).contains("kraken-master LOST since").contains("alpaca-master INVALID");
		WebElement kraken = account("kraken-master");
		assertThat(kraken.getAttribute("data-state")).isEqualTo("LOST");
		assertThat(kraken.findElement(By.cssSelector(".badge")).getText()).isEqualTo("LOST");
		WebElement secret = variableRow(kraken, "KRAKEN_MASTER_API_SECRET");
		assertThat(cell(secret, "Classification")).isEqualTo("missing");
		assertThat(cell(secret, "Last seen valid")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC \\(.+ ago\\)");
		assertThat(cell(secret, "Lost since")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC \\(.+ ago\\)");
		assertThat(cell(secret, "Last verified")).isEqualTo("not enabled");
		assertThat(cell(variableRow(kraken, "KRAKEN_MASTER_API_KEY"), "Lost since")).isEqualTo("not lost");
		WebElement alpaca = account("alpaca-master");
		assertThat(alpaca.findElement(By.cssSelector(".badge")).getText()).isEqualTo("INVALID");
		assertThat(cell(variableRow(alpaca, "ALPACA_API_KEY"), "Classification")).isEqualTo("quoted");
		// Under the problem, its fix command and a working copy button.
		WebElement problem = kraken.findElement(By.cssSelector("ul.problems > li"));
		assertThat(problem.findElement(By.cssSelector("p.problem")).getText()).startsWith("KRAKEN_MASTER_API_SECRET");
		WebElement fix = problem.findElement(By.cssSelector("ul.fixes code"));
		assertThat(fix.getText()).contains("KRAKEN_MASTER_API_SECRET");
		WebElement copy = problem.findElement(By.cssSelector("button.copy"));
		assertThat(copy.isDisplayed()).isTrue();
		copy.click();
		new WebDriverWait(this.browser, PATIENCE).until((b) -> !copy.getText().equals("Copy"));
		assertThat(copy.getText()).isIn("Copied", "Press Ctrl+C");
		assertThat(text("#copy-status")).isNotEmpty();
		this.files.assertNoValueIn(this.browser.getPageSource(), "the rendered status page");
		Chromium.screenshot(this.browser, "status-broken");
	}

	@Test
	@Order(3)
	void restoredCredentialTurnsItsRowConfiguredWithoutReload() {
		this.files.delete("KRAKEN_MASTER_API_SECRET");
		this.checker.check();
		open();
		WebElement lost = account("kraken-master");
		assertThat(lost.getAttribute("data-state")).isEqualTo("LOST");
		WebElement untouched = account("coinbase-master");
		script("window.notReloaded = true");
		String updated = text("#updated");
		// Refreshes without a change leave the rows alone: the same elements stay in the page.
		new WebDriverWait(this.browser, PATIENCE).until((b) -> !text("#updated").equals(updated));
		assertThat(lost.getAttribute("data-state")).isEqualTo("LOST");
		assertThat(untouched.getAttribute("id")).as("an unchanged row is the same element").isEqualTo("account-coinbase-master");

		this.files.restore("KRAKEN_MASTER_API_SECRET");
		this.checker.check();
		new WebDriverWait(this.browser, PATIENCE)
			.until((b) -> "CONFIGURED".equals(account("kraken-master").getAttribute("data-state")));
		WebElement restored = account("kraken-master");
		assertThat(restored.findElement(By.cssSelector(".badge")).getText()).isEqualTo("CONFIGURED");
		assertThat(script("return getComputedStyle(arguments[0]).backgroundColor",
				restored.findElement(By.cssSelector(".badge"))))
			.isEqualTo("rgb(11, 107, 46)");
		assertThat(restored.findElements(By.cssSelector("tr.problems-row"))).isEmpty();
		assertThat(text("#verdict .verdict-word")).isEqualTo("READY");
		assertThat(this.browser.getTitle()).isEqualTo("READY · credential-health");
		assertThat(script("return window.notReloaded === true")).as("patched in place, not reloaded").isEqualTo(true);
		this.files.assertNoValueIn(this.browser.getPageSource(), "the refreshed status page");
	}

	@Test
	@Order(4)
	void phoneWidthHasNoHorizontalOverflow() throws Exception {
		breakKrakenAndAlpaca();
		this.browser.quit();
		this.browser = Chromium.startPhone(this.profile.resolve("phone"), 390, 844);
		open();
		assertThat(script("return window.innerWidth")).isEqualTo(390L);
		assertThat(script("return document.documentElement.scrollWidth")).as("page width at 390 px").isEqualTo(390L);
		assertThat(script("return Array.from(document.querySelectorAll('body *'))"
				+ ".filter((e) => e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().right > innerWidth + 0.5)"
				+ ".map((e) => e.tagName + '.' + e.className + '#' + e.id)"))
			.as("elements reaching past the right edge")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.isEmpty();
		// Stacked cards: column headers hidden, each cell labelled.
		assertThat(this.browser.findElement(By.cssSelector("#group-master thead")).getRect().getWidth()).isLessThanOrEqualTo(1);
		assertThat(script("return getComputedStyle(document.querySelector('td[data-label]'), '::before').content"))
			.isEqualTo("\"Classification: \"");
		Chromium.viewport(this.browser, "status-broken-phone");
	}

	@Test
	@Order(5)
	@DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
	void saysPlainlyWhenTheServiceCannotBeReached() throws Exception {
		open();
		WebElement alert = this.browser.findElement(By.id("unreachable"));
		assertThat(alert.getAttribute("role")).isEqualTo("alert");
		assertThat(alert.isDisplayed()).isFalse();
		((WebServerApplicationContext) this.context).getWebServer().stop();
		new WebDriverWait(this.browser, PATIENCE).until((b) -> alert.isDisplayed());
		assertThat(alert.getText()).startsWith("Cannot reach credential-health since")
			.contains("may be out of date")
			.contains("Retrying every 1 s");
		assertThat(this.browser.getTitle()).isEqualTo("UNREACHABLE · credential-health");
		assertThat(script("return document.body.classList.contains('stale')")).isEqualTo(true);
		// What was known stays on screen.
		assertThat(this.browser.findElements(By.cssSelector("tbody.account"))).hasSize(this.registry.accounts().size());
		Chromium.screenshot(this.browser, "status-unreachable");
	}

	private void breakKrakenAndAlpaca() {
		this.files.delete("KRAKEN_MASTER_API_SECRET")
			.write("ALPACA_API_KEY", "\"" + this.files.value("ALPACA_API_KEY") + "\"");
		this.checker.check();
	}

	private void open() {
		this.browser.get("http://localhost:" + this.port + "/");
		new WebDriverWait(this.browser, PATIENCE).until((b) -> script("return document.readyState").equals("complete"));
	}

	private Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.browser).executeScript(script, arguments);
	}

	private String text(String css) {
		return (String) script("return document.querySelector(arguments[0]).textContent.trim()", css);
	}

	private long count(Role role) {
		return this.registry.accounts().stream().filter((account) -> account.role() == role).count();
	}

	private List<WebElement> rows(Role role) {
		return this.browser.findElements(By.cssSelector("#group-" + role.id() + " tbody.account"));
	}

	private WebElement account(String id) {
		return this.browser.findElement(By.id("account-" + id));
	}

	private WebElement variableRow(WebElement account, String name) {
		return account.findElements(By.cssSelector("tr.variable"))
			.stream()
			.filter((row) -> row.findElement(By.cssSelector("th code")).getText().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private static String cell(WebElement row, String column) {
		return row.findElement(By.cssSelector("td[data-label='" + column + "']")).getText();
	}

	/** The machine's own environment must not leak into what the test controls. */
	@TestConfiguration(proxyBeanMethods = false)
	static class NoEnvironment {

		@Bean
		@Primary
		EnvironmentVariables environmentVariables() {
			return Map::of;
		}

	}

}
