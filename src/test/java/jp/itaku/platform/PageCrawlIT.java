package jp.itaku.platform;

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
import java.util.UUID;
import java.util.regex.Pattern;

import jp.itaku.account.SignIn;
import jp.itaku.account.StepAuthentication;
import jp.itaku.support.PageLinks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every page a demo account reaches by following links, as that account, over the demo
 * data (the same world {@code mvn spring-boot:run} shows and {@link EndpointMatrixIT}
 * uses): none answers with a 5xx, none shows an unrendered message key
 * ({@code ??key_ja??}) in its text or attributes or a raw placeholder ({@code {0}}), and
 * none writes a date the ISO way (2026-12-07) in its text outside inputs, except where it
 * quotes evidence verbatim. From the home page, each link on a page of this server is
 * followed; pages of one shape (the same path once record ids are set aside, and what the
 * link says without its numbers) are visited a few times each, which keeps the crawl to
 * about a minute while every kind of page of every account is read. Each request runs in
 * a transaction that is rolled back, so no account changes the world another meets. The
 * landing page and each contract's overview must fit on a screen: without a browser, the
 * crawl bounds the blocks (table rows, list items, paragraphs) they hold;
 * {@code DailyTasksBrowserIT} measures the overview's height in Chromium, and
 * {@code PageHeightBrowserIT} the height of every kind of page, found by the same links
 * ({@link PageLinks}).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = { "itaku.demo.enabled=true", "itaku.demo.password=Demo-Itaku-Kanri-2026",
		"itaku.security.totp.required-roles=" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageCrawlIT {

	/** Pages of one shape visited at most this often per account. */
	private static final int PER_SHAPE = 1;

	private static final Pattern ISO_DATE = Pattern.compile("(?<![0-9])[12][0-9]{3}-[01][0-9]-[0-3][0-9](?![0-9])");

	/**
	 * Pages that quote records verbatim: the log lines a contractor sent as evidence keep
	 * their own timestamps.
	 */
	private static final Pattern VERBATIM = Pattern.compile("/logs(/|\\?|$)");

	/** Pages that must fit on one screen: the landing page and a contract's overview. */
	private static final Pattern SHORT = Pattern.compile("/|/contracts/[0-9a-f-]{36}");

	/**
	 * Blocks a page that fits on one screen holds at most (the contract overview's tabs,
	 * compliance counts and waiting items are about thirty).
	 */
	private static final int SHORT_BLOCKS = 60;

	private static final Pattern DIGITS = Pattern.compile("[0-9０-９]+");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignIn signIn;

	@Autowired
	PlatformTransactionManager transactions;

	static List<String> accounts() {
		return EndpointMatrixIT.ACCOUNTS;
	}

	@ParameterizedTest
	@MethodSource("accounts")
	void everyPageReachableByAnAccountAnswersWithout5xxUnrenderedKeysOrIsoDates(String username) throws Exception {
		UUID id = this.jdbc.sql("select id from user_account where username = ?")
			.param(username)
			.query(UUID.class)
			.single();
		StepAuthentication account = this.signIn.completeAuthenticationOf(id).orElseThrow();
		Deque<String> queue = new ArrayDeque<>(List.of("/", "/inbox"));
		Set<String> seen = new HashSet<>(queue);
		Map<String, Integer> shapes = new HashMap<>();
		List<String> problems = new ArrayList<>();
		int pages = 0;
		while (!queue.isEmpty()) {
			String path = queue.poll();
			MockHttpServletResponse response = fetch(account, path);
			pages++;
			if (response.getStatus() >= 500) {
				problems.add(response.getStatus() + " " + path);
				continue;
			}
			String type = response.getContentType();
			if (response.getStatus() != 200 || type == null || !type.startsWith("text/html")) {
				continue;
			}
			String html = response.getContentAsString(StandardCharsets.UTF_8);
			int unrendered = html.indexOf("??");
			if (unrendered >= 0) {
				problems.add("?? on " + path + ": "
						+ html.substring(Math.max(0, unrendered - 40), Math.min(html.length(), unrendered + 60)));
			}
			Document page = Jsoup.parse(html, "http://localhost" + path);
			page.select("input, textarea, select, script, style").remove();
			if (page.body().text().contains("{0}") || page.body().text().contains("{1}")) {
				problems.add("a raw message placeholder on " + path);
			}
			var iso = ISO_DATE.matcher(page.body().text());
			if (!VERBATIM.matcher(path).find() && iso.find()) {
				problems.add("ISO date on " + path + ": " + page.body()
					.text()
					.substring(Math.max(0, iso.start() - 30), Math.min(page.body().text().length(), iso.end() + 10)));
			}
			if (SHORT.matcher(path).matches()) {
				// The landing page and a contract's overview fit on a screen: a bound on
				// their blocks (rows, items, paragraphs), as a browser is not at hand
				// here.
				int blocks = page.select("main tr, main li, main p, main dt, main h2, main h3").size();
				if (blocks > SHORT_BLOCKS) {
					problems.add(path + " has " + blocks + " blocks, more than a screen holds (" + SHORT_BLOCKS + ")");
				}
			}
			for (Element link : page.select("a[href]")) {
				String next = PageLinks.local(link.attr("href"), path);
				if (next == null || !PageLinks.followed(next) || !seen.add(next)) {
					continue;
				}
				// A shape: the path without its ids, and what the link says without its
				// numbers, so that each kind of record (a planned report, an obligation
				// an
				// event raised) is read, not only the first few of a list.
				String shape = PageLinks.route(next) + " " + DIGITS.matcher(link.text()).replaceAll("");
				if (shapes.merge(shape, 1, Integer::sum) <= PER_SHAPE) {
					queue.add(next);
				}
			}
		}
		org.slf4j.LoggerFactory.getLogger(PageCrawlIT.class)
			.info("{}: {} pages read, {} shapes", username, pages, shapes.size());
		assertThat(problems).as("pages of %s (%d read)", username, pages).isEmpty();
		assertThat(pages).as("pages read as %s", username).isGreaterThan(3);
	}

	private MockHttpServletResponse fetch(StepAuthentication account, String path) {
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		return transaction.execute((status) -> {
			status.setRollbackOnly();
			try {
				URI uri;
				try {
					uri = URI.create(path);
				}
				catch (IllegalArgumentException ex) {
					uri = UriComponentsBuilder.fromUriString(path).encode().build().toUri();
				}
				return this.mvc.perform(get(uri).with(authentication(account))).andReturn().getResponse();
			}
			catch (Exception ex) {
				MockHttpServletResponse failed = new MockHttpServletResponse();
				failed.setStatus(500);
				org.slf4j.LoggerFactory.getLogger(PageCrawlIT.class).warn("{} failed", path, ex);
				return failed;
			}
		});
	}

}
