package jp.itaku.browser;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role's daily tasks over the demo data (the world {@code mvn spring-boot:run}
 * shows), counted in clicks from sign-in, in a real browser: the worker on a phone
 * reaches the incident form in two taps and no page it can reach scrolls sideways; the
 * lead reaches the nearest due upload in three clicks and reads a contract's overview on
 * one laptop screen; the officer reaches the first submission awaiting review in two; the
 * security administrator acknowledges an incident from the inbox and finds it gone from
 * there.
 */
@TestPropertySource(properties = { "itaku.demo.enabled=true", "itaku.demo.password=" + DailyTasksBrowserIT.PASSWORD,
		"itaku.security.totp.required-roles=" })
class DailyTasksBrowserIT extends BrowserTest {

	static final String PASSWORD = "Demo-Itaku-Kanri-2026";

	/** A laptop's screen. */
	private static final int LAPTOP_WIDTH = 1366;

	private static final int LAPTOP_HEIGHT = 900;

	/** A phone's screen. */
	private static final int PHONE_WIDTH = 390;

	private static final int PHONE_HEIGHT = 844;

	/** The phone crawl reads at most this many pages. */
	private static final int PHONE_PAGES = 60;

	private static final Pattern ID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?<=/)[0-9]+(-[0-9]{2})?(?=/|$)");

	/** Links that are no page to read: sign-out, files, feeds, the API, the language. */
	private static final Pattern SKIPPED = Pattern.compile(
			"^/(logout|api/|actuator|css/|js/|img/|fonts/|webjars/|favicon).*|.*\\.(csv|pdf|xlsx|ics|zip|json|png|svg)$|.*/(download|pdf|certificate[^/]*|files?/[^/]+|export[^/]*|calendar\\.ics|feed[^/]*)(\\?.*)?$|.*[?&]lang=.*");

	@Test
	void theWorkerReportsAnIncidentInTwoTapsAndNoPageOfTheirsScrollsSideways() {
		try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP")
			.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT)
			.setIsMobile(true)
			.setHasTouch(true))) {
			Page p = phone.newPage();
			p.navigate(url("/login"));
			signIn(p, "worker", PASSWORD);
			p.waitForURL((address) -> !address.contains("/login"));
			String landing = path(p.url());
			// One tap on the header's action: the form, or with several contracts the
			// choice of contract and a second tap.
			p.locator("#header-report-incident").click();
			if (p.locator("#reportable-contracts").count() > 0) {
				p.locator("#reportable-contracts a").first().click();
			}
			assertThat(p.locator("h1")).hasText("事故・インシデントの報告");
			assertThat(width(p)).as("the incident form").isLessThanOrEqualTo(PHONE_WIDTH);

			// Every page the worker reaches from the landing page and the navigation.
			Deque<String> queue = new ArrayDeque<>(List.of(landing));
			Set<String> seen = new HashSet<>(queue);
			Set<String> shapes = new HashSet<>();
			List<String> wide = new ArrayList<>();
			Map<String, Integer> heights = new HashMap<>();
			int read = 0;
			while (!queue.isEmpty() && read < PHONE_PAGES) {
				String path = queue.poll();
				com.microsoft.playwright.Response response;
				try {
					response = p.navigate(url(path));
				}
				catch (com.microsoft.playwright.PlaywrightException ex) {
					// a download, not a page
					continue;
				}
				read++;
				if (response == null || response.status() != 200
						|| !String.valueOf(response.headers().get("content-type")).startsWith("text/html")) {
					continue;
				}
				int width = width(p);
				heights.put(path, height(p));
				if (width > PHONE_WIDTH) {
					wide.add(path + " is " + width + " px wide: " + widest(p));
				}
				for (Object href : (List<?>) p.evaluate(
						"[...document.querySelectorAll('header a[href], nav a[href], main a[href]')].map(a => a.getAttribute('href'))")) {
					String next = local(String.valueOf(href));
					if (next == null || SKIPPED.matcher(next).matches() || !seen.add(next)) {
						continue;
					}
					if (shapes.add(ID.matcher(next.replaceAll("\\?.*", "")).replaceAll("{id}"))) {
						queue.add(next);
					}
				}
			}
			org.slf4j.LoggerFactory.getLogger(DailyTasksBrowserIT.class)
				.info("worker on a phone: {} pages read, heights {}", read, heights);
			assertThat(read).as("pages the worker reaches").isGreaterThan(5);
			assertThat(wide).as("pages wider than the phone").isEmpty();
		}
	}

	@Test
	void theLeadUploadsTheNearestDueObligationInThreeClicksAndReadsAContractOnOneScreen() {
		try (BrowserContext laptop = laptop()) {
			Page l = laptop.newPage();
			l.navigate(url("/login"));
			signIn(l, "lead", PASSWORD);
			// 1: the inbox (the landing page lists its first rows; the nav's link lists
			// all).
			l.locator("#nav-inbox").click();
			// 2: the nearest obligation due, the first of its kind in the inbox's order.
			l.locator("#inbox-table tbody tr.inbox-item:has(a[href^='/obligations/'])",
					new Page.LocatorOptions().setHasText("期限の近い提出"))
				.first()
				.locator("a")
				.first()
				.click();
			// 3: the file chosen, submit.
			l.locator("#files")
				.setInputFiles(new FilePayload("report.pdf", "application/pdf",
						"%PDF-1.4\n% 定期報告\n%%EOF\n".getBytes(StandardCharsets.UTF_8)));
			l.locator("#submit-form button[type=submit]").click();
			assertThat(l.locator(".notice--success")).isVisible();

			// The contract's overview fits a laptop's screen; its counts link to the
			// filtered list, which fits three.
			openFirstContract(l);
			assertThat(l.locator("#compliance")).isVisible();
			assertThat(height(l)).as("the lead's contract overview").isLessThanOrEqualTo(LAPTOP_HEIGHT);
			l.locator("#compliance a[id^=compliance-]").first().click();
			assertThat(l.locator("#obligations-count")).isVisible();
			assertThat(height(l)).as("a page of the obligation list").isLessThanOrEqualTo(3 * LAPTOP_HEIGHT);
		}
	}

	@Test
	void theOfficerReachesTheFirstSubmissionAwaitingReviewInTwoClicks() {
		try (BrowserContext laptop = laptop()) {
			Page o = laptop.newPage();
			o.navigate(url("/login"));
			signIn(o, "officer", PASSWORD);
			o.locator("#nav-inbox").click();
			inboxRow(o, "提出物の審査").click();
			assertThat(o.locator(".review-form").first()).isVisible();
			openFirstContract(o);
			assertThat(height(o)).as("the officer's contract overview").isLessThanOrEqualTo(LAPTOP_HEIGHT);
		}
	}

	@Test
	void theSecurityAdministratorAcknowledgesAnIncidentFromTheInbox() {
		try (BrowserContext laptop = laptop()) {
			Page s = laptop.newPage();
			s.navigate(url("/login"));
			signIn(s, "secadmin", PASSWORD);
			s.locator("#nav-inbox").click();
			int before = inboxTotal(s);
			// The inbox pages: the kind's filter shows the acknowledgements first.
			s.locator("#inbox-kinds a").filter(new Locator.FilterOptions().setHasText("事故報告の受領確認")).click();
			Locator row = inboxRow(s, "事故報告の受領確認");
			String what = row.textContent().strip();
			row.click();
			s.locator("#acknowledge-form button[type=submit]").click();
			assertThat(s.locator(".notice--success")).isVisible();
			s.locator("#nav-inbox").click();
			assertThat(inboxTotal(s)).isEqualTo(before - 1);
			Locator kind = s.locator("#inbox-kinds a").filter(new Locator.FilterOptions().setHasText("事故報告の受領確認"));
			if (kind.count() > 0) {
				kind.click();
				assertThat(s.locator("#inbox-table")).not().containsText(what);
			}
		}
	}

	/** From the list of contracts, the first contract's overview. */
	private static void openFirstContract(Page page) {
		page.navigate(page.url().replaceAll("(//[^/]+).*", "$1") + "/contracts");
		page.locator("#dashboard-table a[href^='/contracts/']").first().click();
		assertThat(page.locator("#overview-link[aria-current=page]")).hasCount(1);
	}

	private static BrowserContext laptop() {
		return browser.newContext(
				new Browser.NewContextOptions().setLocale("ja-JP").setViewportSize(LAPTOP_WIDTH, LAPTOP_HEIGHT));
	}

	/** The number of items in the inbox, all kinds and pages (its 「すべて (n)」). */
	private static int inboxTotal(Page page) {
		return Integer.parseInt(page.locator("#inbox-kinds a").first().textContent().replaceAll("[^0-9]", ""));
	}

	/** The link of the inbox's first row of a kind. */
	private static Locator inboxRow(Page page, String kind) {
		return page.locator("#inbox-table tbody tr.inbox-item", new Page.LocatorOptions().setHasText(kind))
			.first()
			.locator("a")
			.first();
	}

	private static int width(Page page) {
		return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
	}

	/**
	 * The page's own height: read on a short viewport, as the layout stretches to fill a
	 * taller one.
	 */
	private static int height(Page page) {
		var viewport = page.viewportSize();
		page.setViewportSize(viewport.width, 200);
		int height = ((Number) page.evaluate("document.documentElement.scrollHeight")).intValue();
		page.setViewportSize(viewport.width, viewport.height);
		return height;
	}

	/** What sticks out furthest to the right, to name in a failure. */
	private static Object widest(Page page) {
		return page.evaluate(
				"""
						(() => { let w = null; for (const e of document.querySelectorAll('body *')) {
						  const r = e.getBoundingClientRect().right; if (!w || r > w.r) w = { r, e }; }
						  return w ? w.e.tagName + (w.e.id ? '#' + w.e.id : '') + '.' + w.e.className + ' ' + Math.round(w.r) : ''; })()""");
	}

	private String path(String address) {
		URI uri = URI.create(address);
		return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

	/** The path and query of a link to a page of this server, or {@code null}. */
	private static String local(String href) {
		if (href.isBlank() || !href.startsWith("/") || href.startsWith("//")) {
			return null;
		}
		return href.replaceAll("#.*", "");
	}

}
