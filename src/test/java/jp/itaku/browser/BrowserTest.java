package jp.itaku.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import jp.itaku.support.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Browser tests run the whole application on a random port and drive Debian's chromium
 * through Playwright (which never downloads a browser of its own).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Fixtures.class)
abstract class BrowserTest {

	private static final List<String> CHROMIUM_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
			"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

	private static Playwright playwright;

	static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void launchBrowser() {
		// The pages are the same whatever PostgreSQL server stands behind them: browser
		// tests
		// run once, in the embedded pass, and CI's external-server pass spends its time
		// on SQL.
		Assumptions.assumeTrue(System.getenv("ITAKU_DB_URL") == null, "browser tests run once, in the embedded pass");
		Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
		if (!Files.isExecutable(chromium)) {
			throw new IllegalStateException("Browser tests need Debian's chromium at " + chromium
					+ ": apt-get install chromium, or set CHROMIUM_PATH");
		}
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
				.setHeadless(true)
				.setArgs(CHROMIUM_FLAGS));
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	void signIn(Page page, String username, String password) {
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("form[action='/login'] button[type=submit]").click();
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	static void screenshot(Page page, String name) {
		page.screenshot(
				new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + ".png")).setFullPage(true));
	}

}
