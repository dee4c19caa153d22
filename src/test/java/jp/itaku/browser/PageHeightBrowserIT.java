package jp.itaku.browser;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import jp.itaku.support.PageLinks;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No page any demo account reaches is taller than three laptop screens (1366×900, so
 * 2,700 px of document) over the demo data, print views aside. Each account signs in to
 * Chromium and follows the links of its pages the way {@code PageCrawlIT} does
 * ({@link PageLinks}), reading one page of each route (the path with its record ids set
 * aside), and the page's {@code document.documentElement.scrollHeight} is measured. The
 * failure lists every page over the limit as account, height and address, tallest first.
 * Same properties as {@link DailyTasksBrowserIT}, so both share one application.
 */
@TestPropertySource(properties = { "itaku.demo.enabled=true", "itaku.demo.password=" + DailyTasksBrowserIT.PASSWORD,
		"itaku.security.totp.required-roles=" })
class PageHeightBrowserIT extends BrowserTest {

	/** The demo's accounts, one of each role (as {@code EndpointMatrixIT}). */
	private static final List<String> ACCOUNTS = List.of("admin", "secadmin", "officer", "auditor", "lead", "worker",
			"lead2", "sublead");

	private static final int LAPTOP_WIDTH = 1366;

	private static final int LAPTOP_HEIGHT = 900;

	/** Three screens. */
	static final int LIMIT = 3 * LAPTOP_HEIGHT;

	/** Print views and generated documents, exempt: they are paper, not screens. */
	private static final Pattern PRINT = Pattern
		.compile(".*([?&]print([=&].*)?|/print(/.*|\\?.*)?|/pdf(\\?.*)?|\\.pdf(\\?.*)?)$");

	/**
	 * A page measured: the account that read it, its address and its height in pixels.
	 */
	record Measured(String account, String path, int height) {

		@Override
		public String toString() {
			return "%-9s %,7d px  %s".formatted(this.account, this.height, this.path);
		}

	}

	@Test
	void noPageOfAnyDemoAccountIsTallerThanThreeLaptopScreens() {
		long started = System.nanoTime();
		List<Measured> measured = new ArrayList<>();
		for (String account : ACCOUNTS) {
			long start = System.nanoTime();
			List<Measured> pages = crawl(account);
			LoggerFactory.getLogger(PageHeightBrowserIT.class)
				.info("{}: {} pages in {} ms", account, pages.size(), (System.nanoTime() - start) / 1_000_000);
			measured.addAll(pages);
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		List<Measured> tallest = measured.stream()
			.sorted(Comparator.comparingInt(Measured::height).reversed())
			.toList();
		LoggerFactory.getLogger(PageHeightBrowserIT.class)
			.info("page heights at {}x{}: {} pages of {} accounts in {} ms; the tallest:\n{}", LAPTOP_WIDTH,
					LAPTOP_HEIGHT, measured.size(), ACCOUNTS.size(), millis,
					String.join("\n", tallest.stream().limit(15).map(Measured::toString).toList()));
		List<String> tall = tallest.stream().filter((m) -> m.height() > LIMIT).map(Measured::toString).toList();
		assertThat(measured.size()).as("pages measured").isGreaterThan(ACCOUNTS.size() * 5);
		assertThat(tall)
			.as("pages taller than three screens (%d px) at %dx%d, as account, height, address", LIMIT, LAPTOP_WIDTH,
					LAPTOP_HEIGHT)
			.isEmpty();
		assertThat(this.failed).as("pages that answered with a server error, so could not be measured").isEmpty();
	}

	/** The pages that failed, as account, status and address. */
	private final List<String> failed = new ArrayList<>();

	/** One page of each route the account reaches from its landing page. */
	private List<Measured> crawl(String account) {
		List<Measured> measured = new ArrayList<>();
		try (BrowserContext laptop = browser.newContext(
				new Browser.NewContextOptions().setLocale("ja-JP").setViewportSize(LAPTOP_WIDTH, LAPTOP_HEIGHT))) {
			Page page = laptop.newPage();
			page.navigate(url("/login"));
			signIn(page, account, DailyTasksBrowserIT.PASSWORD);
			page.waitForURL((address) -> !address.contains("/login"));
			String landing = path(page.url());
			Deque<String> queue = new ArrayDeque<>(List.of(landing));
			Set<String> routes = new HashSet<>(List.of(PageLinks.route(landing)));
			if (routes.add(PageLinks.route("/inbox"))) {
				queue.add("/inbox");
			}
			boolean first = true;
			while (!queue.isEmpty()) {
				String path = queue.poll();
				if (!first) {
					Response response;
					try {
						response = page.navigate(url(path));
					}
					catch (PlaywrightException ex) {
						// a download, not a page
						continue;
					}
					if (response != null && response.status() >= 500) {
						this.failed.add(account + " " + response.status() + " " + path);
					}
					if (response == null || response.status() != 200
							|| !String.valueOf(response.headers().get("content-type")).startsWith("text/html")) {
						continue;
					}
				}
				first = false;
				int height = ((Number) page.evaluate("document.documentElement.scrollHeight")).intValue();
				measured.add(new Measured(account, path, height));
				for (Object href : (List<?>) page
					.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")) {
					String next = PageLinks.local(String.valueOf(href), path);
					if (next != null && PageLinks.followed(next) && !PRINT.matcher(next).matches()
							&& routes.add(PageLinks.route(next))) {
						queue.add(next);
					}
				}
			}
		}
		return measured;
	}

	private static String path(String address) {
		URI uri = URI.create(address);
		return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

}
