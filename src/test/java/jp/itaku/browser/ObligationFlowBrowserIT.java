package jp.itaku.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import jp.itaku.account.UserAccount;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The written-submission cycle in a real browser: the officer registers a contract, the
 * contractor's lead uploads the roster, the officer returns it with a comment, the lead
 * submits again, the officer accepts — and the dashboard's counts follow each step.
 */
class ObligationFlowBrowserIT extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Clock clock;

	@Test
	void registerUploadReturnResubmitAcceptAndTheDashboardFollows() throws Exception {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		Fixtures.Enrolled enrolled = this.fixtures.enrolTotp(officer);
		UserAccount lead = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		String number = "B-" + officer.getUsername();
		LocalDate start = ItakuTime.today(this.clock).plusMonths(1);
		Path roster = Files.createTempFile("roster", ".pdf");
		Files.writeString(roster, "%PDF-1.4\n% roster\n%%EOF\n", StandardCharsets.UTF_8);

		try (BrowserContext officerContext = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP"));
				BrowserContext leadContext = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP"))) {
			Page o = officerContext.newPage();
			o.navigate(url("/login"));
			signIn(o, officer.getUsername(), Fixtures.PASSWORD);
			o.locator("#code").fill(this.fixtures.code(enrolled.secret(), 1));
			o.locator("form[action='/login/totp'] button[type=submit]").click();
			assertThat(o).hasURL(url("/"));

			o.navigate(url("/contracts/new"));
			o.locator("#number").fill(number);
			o.locator("#title").fill("ブラウザ試験の委託契約");
			o.locator("#contractorOrganisationId").selectOption(contractor.getId().toString());
			String setagaya = o.locator("#profileId option", new Page.LocatorOptions().setHasText("世田谷区"))
				.first()
				.getAttribute("value");
			o.locator("#profileId").selectOption(setagaya);
			o.locator("#periodStart").fill(start.toString());
			o.locator("#periodEnd").fill(start.plusYears(1).minusDays(1).toString());
			o.locator("form[action='/contracts/new'] > button.button[type=submit]").click();
			assertThat(o.locator(".notice--success")).containsText("義務を作成しました");
			o.navigate(url("/dashboard?contractor=" + contractor.getId()));
			Locator row = o.locator("#dashboard-table tr[data-contract='" + number + "']");
			assertThat(row.locator("[data-count=awaiting-review]")).hasText("0");

			Page l = leadContext.newPage();
			l.navigate(url("/login"));
			signIn(l, lead.getUsername(), Fixtures.PASSWORD);
			l.navigate(url("/dashboard"));
			l.locator("#todo-table tr", new Page.LocatorOptions().setHasText(number))
				.filter(new Locator.FilterOptions().setHasText("従事者名簿"))
				.first()
				.locator("a")
				.click();
			String obligationUrl = l.url();
			l.locator("#files").setInputFiles(roster);
			l.locator("#comment").fill("従事者名簿を提出します。");
			l.locator("#submit-form button[type=submit]").click();
			assertThat(l.locator("#obligation-status")).hasText("審査待ち");

			o.navigate(url("/dashboard?contractor=" + contractor.getId()));
			assertThat(row.locator("[data-count=awaiting-review]")).hasText("1");
			o.navigate(obligationUrl);
			o.locator("[id='review-comment-1']").fill("業務執行場所の記載がありません。");
			o.locator(".review-form button[value=return]").click();
			assertThat(o.locator("#obligation-status")).hasText("差戻し");

			l.navigate(obligationUrl);
			assertThat(l.locator(".review-comment")).containsText("業務執行場所の記載がありません。");
			l.locator("#files").setInputFiles(roster);
			l.locator("#submit-form button[type=submit]").click();
			assertThat(l.locator("#obligation-status")).hasText("審査待ち");

			o.navigate(obligationUrl);
			o.locator("[data-submission='2'] .review-form button[value=accept]").click();
			assertThat(o.locator("#obligation-status")).hasText("受理済み");
			screenshot(o, "obligation-accepted");
			o.navigate(url("/dashboard?contractor=" + contractor.getId()));
			assertThat(row.locator("[data-count=awaiting-review]")).hasText("0");
			assertThat(row.locator("[data-count=accepted]")).hasText("1");
			screenshot(o, "dashboard");
		}
	}

}
