package jp.itaku.browser;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

	/**
	 * No ceiling: the system administrator's unpaged lists of every user and
	 * organisation, and its dashboard of every contract, grow with what the other tests
	 * of the run have written into the shared database (21,936 px for the users in a full
	 * run). Paging them is the open work.
	 */
	private static final int UNPAGED = Integer.MAX_VALUE;

	/**
	 * The pages still over the limit (issue 20 is open until this is empty), by route,
	 * each with the ceiling it may not pass: its height measured on December 6, 2026 plus
	 * a tenth for the demo data's dates. A page listed here that comes under the limit is
	 * logged as a warning: take its row out.
	 */
	static final Map<String, Integer> STILL_TALL = Map.ofEntries(Map.entry("/admin/users", UNPAGED),
			Map.entry("/users", UNPAGED), Map.entry("/admin/organisations", UNPAGED), Map.entry("/dashboard", UNPAGED),
			Map.entry("/inspections/{id}", 4_600), Map.entry("/contracts/{id}/edit", 4_400),
			Map.entry("/contracts/{id}/inspections", 4_300), Map.entry("/contracts/new", 3_750),
			Map.entry("/contracts/{id}/subcontracts", 3_650), Map.entry("/audit", 4_800),
			Map.entry("/contracts/{id}/service-levels", 3_300), Map.entry("/contracts/{id}/plans", 3_200),
			Map.entry("/contracts/{id}/approvals", 3_000));

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
		List<String> tall = tallest.stream()
			.filter((m) -> m.height() > STILL_TALL.getOrDefault(PageLinks.route(m.path()), LIMIT))
			.map(Measured::toString)
			.toList();
		assertThat(measured.size()).as("pages measured").isGreaterThan(ACCOUNTS.size() * 5);
		assertThat(tall)
			.as("pages taller than three screens (%d px) at %dx%d, or than their ceiling in STILL_TALL,"
					+ " as account, height, address", LIMIT, LAPTOP_WIDTH, LAPTOP_HEIGHT)
			.isEmpty();
		Map<String, Integer> highest = new TreeMap<>();
		measured.forEach((m) -> highest.merge(PageLinks.route(m.path()), m.height(), Math::max));
		List<String> shorter = STILL_TALL.keySet()
			.stream()
			.filter((route) -> highest.getOrDefault(route, 0) <= LIMIT)
			.sorted()
			.toList();
		if (!shorter.isEmpty()) {
			// A warning, not a failure: heights near the limit move with the demo data's
			// dates and with what earlier tests wrote.
			LoggerFactory.getLogger(PageHeightBrowserIT.class)
				.warn("Within three screens now, take them out of STILL_TALL: {}", shorter);
		}
	}

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
