package jp.itaku.browser;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import jp.itaku.platform.ItakuTime;
import jp.itaku.support.PdfText;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two longest documents of the demo in a real browser on a laptop's screen (issue 20:
 * no page taller than three screens of 1366×900): a month's self-inspection and the
 * clause sets. Every page of theirs that the lead and the officer reach is at most 2,700
 * px tall, and what the pages are for still works: the lead answers one section at a time
 * without losing the other sections' answers, a いいえ needs its corrective action, the
 * month is refused while questions are unanswered (naming them) and submitted once every
 * section is answered; the officer reads the summary and the non-conforming answers
 * first, a section on demand, and reviews the report; a link to a clause, from the
 * obligation page too, opens its article; and on paper the checklist and the clause set
 * print whole.
 */
@TestPropertySource(properties = { "itaku.demo.enabled=true", "itaku.demo.password=" + DailyTasksBrowserIT.PASSWORD,
		"itaku.security.totp.required-roles=" })
class ChecklistAndClausesBrowserIT extends BrowserTest {

	/** Three screens of a laptop 1366×900. */
	private static final int MAX_HEIGHT = 3 * 900;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void theChecklistAndTheClauseSetsFitThreeScreensAndStillWork() throws Exception {
		UUID kadoma = this.jdbc.sql("select id from contract where number = 'R8-戸籍-014'").query(UUID.class).single();
		YearMonth month = YearMonth.from(ItakuTime.today(this.clock));
		String months = "/contracts/" + kadoma + "/self-inspections";
		String thisMonth = months + "/" + month;
		Map<String, Integer> heights = new LinkedHashMap<>();
		try (BrowserContext leadContext = laptop(); BrowserContext officerContext = laptop()) {
			Page lead = signedIn(leadContext, "lead");
			Page officer = signedIn(officerContext, "officer");

			// Every page of the two families, as each reads them.
			for (Page page : List.of(lead, officer)) {
				String who = (page == lead) ? "lead " : "officer ";
				for (String path : List.of(months, thisMonth, months + "/" + month.minusMonths(1), "/catalog",
						"/catalog/compare", "/catalog/search?q=" + encode("個人情報"))) {
					heights.put(who + path, heightOf(page, path));
				}
				page.navigate(url(thisMonth));
				for (String section : hrefs(page, "#section-summary a.section-link")) {
					heights.put(who + section, heightOf(page, section));
				}
			}
			lead.navigate(url("/catalog"));
			for (String profile : hrefs(lead, "#profile-table a")) {
				heights.put("lead " + profile, heightOf(lead, profile));
			}
			lead.navigate(url("/catalog/compare"));
			for (String filtered : hrefs(lead, "#compare-table a.ref-link").stream().limit(5).toList()) {
				heights.put("lead " + filtered, heightOf(lead, filtered));
			}
			LoggerFactory.getLogger(ChecklistAndClausesBrowserIT.class).info("heights: {}", heights);
			assertThat(heights).as("pages taller than three screens")
				.allSatisfy((path, height) -> assertThat(height).as(path).isLessThanOrEqualTo(MAX_HEIGHT));

			answerSubmitAndReview(lead, officer, thisMonth, month);
			clausesOpenFromLinksAndPrintWhole(lead, officer);
		}
	}

	/**
	 * The lead answers the month section by section and submits; the officer reads and
	 * reviews.
	 */
	private void answerSubmitAndReview(Page lead, Page officer, String thisMonth, YearMonth month) throws Exception {
		lead.navigate(url(thisMonth));
		int unanswered = number(lead, "#unanswered-total");
		assertThat(unanswered).as("the demo's month is half answered").isPositive();
		Locator answeredBefore = lead.locator("#section-summary tbody tr").first().locator("td").nth(2);
		String firstSectionAnswered = answeredBefore.innerText();
		// The page opens on the first section with a question unanswered.
		Locator rows = lead.locator("#checklist tbody tr");
		int inSection = rows.count();
		int openInSection = (int) rows.all().stream().filter((r) -> r.locator("input:checked").count() == 0).count();
		assertThat(openInSection).isPositive();

		// A いいえ asks for its corrective action, and is refused without it, keeping what
		// was
		// chosen.
		Locator first = rows.first();
		assertThat(first.locator(".check-action")).isHidden();
		first.locator("input[value=NO]").check();
		assertThat(first.locator(".check-action")).isVisible();
		for (int i = 1; i < inSection; i++) {
			rows.nth(i).locator("input[value=YES]").check();
		}
		lead.locator("#save").click();
		assertThat(lead.locator(".error-summary")).containsText("是正措置を入力してください");
		assertThat(rows.nth(inSection - 1).locator("input[value=YES]")).isChecked();
		first.locator("textarea[name^=action]").fill("全端末に5分で自動ロックを設定する。");
		first.locator("input[type=date]").fill(month.atEndOfMonth().toString());
		lead.locator("#save").click();
		assertThat(lead.locator(".notice--success")).containsText("保存しました");
		// Only this section's questions changed: the others kept their answers.
		assertThat(number(lead, "#unanswered-total")).isEqualTo(unanswered - openInSection);
		assertThat(lead.locator("#section-summary tbody tr").first().locator("td").nth(2))
			.hasText(firstSectionAnswered);
		assertThat(lead.locator("#non-conforming")).containsText("全端末に5分で自動ロックを設定する。");

		// Submitting with questions unanswered is refused, naming them.
		int left = number(lead, "#unanswered-total");
		if (left > 0) {
			lead.locator("#submit").click();
			assertThat(lead.locator(".error-summary"))
				.containsText((left > 1) ? "未回答の項目が" + left + "件あります" : "未回答の点検項目があります");
			assertThat(lead.locator("#inspection-status")).hasText("回答中");
		}
		// Every other section, one at a time, from the page's own choice of the next one.
		for (int guard = 0; number(lead, "#unanswered-total") > 0 && guard < 40; guard++) {
			lead.navigate(url(thisMonth));
			for (Locator row : lead.locator("#checklist tbody tr").all()) {
				if (row.locator("input:checked").count() == 0) {
					row.locator("input[value=YES]").check();
				}
			}
			lead.locator("#save").click();
			assertThat(lead.locator(".notice--success")).isVisible();
		}
		assertThat(number(lead, "#unanswered-total")).isZero();
		lead.locator("#submit").click();
		assertThat(lead.locator(".notice--success")).containsText("提出しました");
		assertThat(lead.locator("#inspection-status")).hasText("提出済み");

		// On paper: the whole checklist, every question of every section.
		List<String> questions = lead.locator("#print-checklist tbody tr[data-key] td:nth-child(2) span:first-child")
			.allInnerTexts();
		assertThat(questions).hasSize(number(lead, "#section-summary tfoot td"));
		String printed = squeeze(print(lead));
		assertThat(questions).allSatisfy((q) -> assertThat(printed).contains(squeeze(q)));
		// The corrective action is in the printed table (its narrow column's lines come
		// out of the PDF's text interleaved with the neighbouring cells').
		assertThat(lead.locator("#print-checklist")).containsText("全端末に5分で自動ロックを設定する。");

		// The officer: the summary and the non-conforming answers first, a section on
		// demand,
		// then the review of the report.
		officer.navigate(url(thisMonth));
		assertThat(height(officer)).as("the officer's month").isLessThanOrEqualTo(MAX_HEIGHT);
		assertThat(officer.locator("#section")).hasCount(0);
		assertThat(officer.locator("#non-conforming")).containsText("全端末に5分で自動ロックを設定する。");
		officer.locator("#section-summary a.section-link").last().click();
		assertThat(officer.locator("#checklist td.answer-cell").first()).hasText("はい");
		assertThat(height(officer)).as("a section as the officer reads it").isLessThanOrEqualTo(MAX_HEIGHT);
		String report = officer.locator("#report-link").getAttribute("href");
		officer.locator("#report-link").click();
		officer.locator(".review-form button[value=accept]").first().click();
		assertThat(officer.locator(".notice--success")).isVisible();
		officer.navigate(url(thisMonth));
		assertThat(officer.locator("#report-link")).containsText("受理済み");
		officer.navigate(url(report));
	}

	/** Deep links open the clause's article; the clause set prints whole. */
	private void clausesOpenFromLinksAndPrintWhole(Page lead, Page officer) throws Exception {
		// From the obligation page of the report (outside the catalog) to the clause it
		// rests
		// on.
		String clauseLink = officer.locator("a[href*='#clause-']").first().getAttribute("href");
		officer.locator("a[href*='#clause-']").first().click();
		String ref = clauseLink.substring(clauseLink.indexOf("#clause-") + "#clause-".length());
		assertThat(officer.locator("[id='clause-" + URLDecoder.decode(ref, StandardCharsets.UTF_8) + "']")).isVisible();

		lead.navigate(url("/catalog"));
		lead.locator("#profile-table a", new Page.LocatorOptions().setHasText("門真市")).click();
		String profile = lead.url();
		assertThat(lead.locator("[id='clause-14(9)ア']")).isHidden();
		lead.navigate(profile + "#clause-14(9)ア");
		assertThat(lead.locator("[id='clause-14(9)ア']")).isVisible();
		assertThat(lead.locator("[id='article-14']")).hasAttribute("open", "");
		// The search on top finds a clause and links to it, opened.
		lead.navigate(profile);
		lead.locator("#clause-search input[name=q]").fill("持出し");
		lead.locator("#clause-search button").click();
		assertThat(lead.locator("#hits li").first()).isVisible();
		lead.locator("#hits a").first().click();
		String hit = lead.url().substring(lead.url().indexOf('#') + 1);
		assertThat(lead.locator("[id='" + URLDecoder.decode(hit, StandardCharsets.UTF_8) + "']")).isVisible();

		// On paper every clause of the set prints, the closed articles included.
		lead.navigate(profile);
		List<String> texts = lead.locator("#clauses .clause__text").allTextContents();
		assertThat(texts).hasSizeGreaterThan(50);
		String printed = squeeze(print(lead));
		List<String> missing = new ArrayList<>();
		for (String text : texts) {
			// Its start or its end: a page break (with its running header) may fall in
			// either, not in both.
			String whole = squeeze(text);
			String start = whole.substring(0, Math.min(whole.length(), 12));
			String end = whole.substring(Math.max(0, whole.length() - 12));
			if (!printed.contains(start) && !printed.contains(end)) {
				missing.add(whole.substring(0, Math.min(whole.length(), 24)));
			}
		}
		assertThat(missing).as("clause texts missing from the printed clause set").isEmpty();
	}

	private static BrowserContext laptop() {
		return browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP").setViewportSize(1366, 900));
	}

	private Page signedIn(BrowserContext context, String username) {
		Page page = context.newPage();
		page.navigate(url("/login"));
		signIn(page, username, DailyTasksBrowserIT.PASSWORD);
		page.waitForURL((address) -> !address.contains("/login"));
		return page;
	}

	private int heightOf(Page page, String path) {
		page.navigate(url(path));
		return height(page);
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

	private static List<String> hrefs(Page page, String selector) {
		return page.locator(selector)
			.all()
			.stream()
			.map((a) -> a.getAttribute("href"))
			.map((href) -> href.replaceAll("#.*", ""))
			.distinct()
			.toList();
	}

	private static int number(Page page, String selector) {
		return Integer.parseInt(page.locator(selector).first().innerText().strip());
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** Text without any white space, as a line-wrapped PDF and a page compare alike. */
	private static String squeeze(String text) {
		return text.replaceAll("\\s+", "");
	}

	/** The page printed to PDF by Chromium with the print stylesheet, as text. */
	private static String print(Page page) throws IOException, InterruptedException {
		page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
		byte[] pdf = page.pdf(new Page.PdfOptions().setPreferCSSPageSize(true));
		page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
		return PdfText.of(pdf);
	}

}
