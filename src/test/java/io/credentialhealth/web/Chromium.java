package io.credentialhealth.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.credentialhealth.support.ExternalTool;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven through Debian's chromedriver, both found on PATH. Both paths are given
 * explicitly, so Selenium Manager never runs (it would try to download a driver and a browser).
 */
final class Chromium {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private Chromium() {
	}

	/** A headless browser with a fresh profile in the given directory and a window of the given size. */
	static WebDriver start(Path userDataDir, int width, int height) {
		return start(userDataDir, width, height, false);
	}

	/**
	 * A phone: headless windows are at least 500 px wide, so a narrower viewport needs chromedriver's
	 * mobile emulation (a capability, no DevTools needed on our side).
	 */
	static WebDriver startPhone(Path userDataDir, int width, int height) {
		return start(userDataDir, width, height, true);
	}

	private static WebDriver start(Path userDataDir, int width, int height, boolean phone) {
		Path browser = ExternalTool.require("chromium", "install it with: apt-get install chromium");
		Path driver = ExternalTool.require("chromedriver", "install it with: apt-get install chromium-driver");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(browser.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
				"--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + userDataDir.toAbsolutePath(),
				"--window-size=" + width + "," + height);
		if (phone) {
			options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
					Map.of("width", width, "height", height, "pixelRatio", 1.0, "mobile", true, "touch", true)));
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver chrome = new ChromeDriver(service, options);
		chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(10));
		return chrome;
	}

	/** Saves what the viewport shows under target/screenshots (for a phone: its first screen). */
	static Path viewport(WebDriver browser, String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Path file = SCREENSHOTS.resolve(name + ".png");
		Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		return file;
	}

	/** Saves the whole page (the window is stretched to its height) under target/screenshots. */
	static Path screenshot(WebDriver browser, String name) throws IOException {
		Dimension before = browser.manage().window().getSize();
		long height = (Long) ((JavascriptExecutor) browser)
			.executeScript("return Math.ceil(document.documentElement.scrollHeight)");
		browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 200, 6000)));
		try {
			return viewport(browser, name);
		}
		finally {
			browser.manage().window().setSize(before);
		}
	}

}
