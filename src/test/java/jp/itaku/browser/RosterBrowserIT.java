package jp.itaku.browser;

import java.nio.charset.Charset;
import java.time.Clock;
import java.time.LocalDate;
import java.time.chrono.JapaneseChronology;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The roster page in a real browser: the contractor's lead adds a worker and sees the
 * missing pledge and training, uploads a Shift_JIS CSV with a bad row and reads the
 * Japanese report naming the row (nothing stored), then a valid file whose rows are added
 * after the preview; the client's officer sees the roster but cannot change it.
 */
class RosterBrowserIT extends BrowserTest {

	private static final Charset SJIS = Charset.forName("windows-31j");

	private static final String HEADER = "氏名,所属,役割,担当業務,作業場所,個人情報の取扱い,授受,専門性,実績,従事開始日,従事終了予定日\r\n";

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Clock clock;

	@Test
	void theLeadKeepsTheRosterWithAnImportAndTheOfficerSeesIt() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		Fixtures.Enrolled enrolled = this.fixtures.enrolTotp(officer);
		UserAccount lead = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		ContractForm form = this.fixtures.contractForm(contractor, "setagaya",
				ItakuTime.today(this.clock).minusMonths(1), Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		form.setTitle("ブラウザ試験の名簿");
		Contract contract = this.contracts.register(this.fixtures.actor(officer), form);
		// Dates within the contract's period, which started a month ago; 4/31 is no date.
		LocalDate start = contract.getPeriodStart();
		LocalDate later = start.plusDays(1);
		String wareki = DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPAN)
			.withChronology(JapaneseChronology.INSTANCE)
			.format(later);
		String bad = HEADER + "佐藤 次郎,データ入力課,従事者,入力,本社,あり,×,,," + DateTimeFormatter.ofPattern("uuuu/M/d").format(start)
				+ ",\r\n" + "田中 三郎,データ入力課,従事者,入力,本社,あり,×,,,2026/4/31,\r\n";
		String good = bad.replace("2026/4/31", wareki);

		try (BrowserContext leadContext = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP"));
				BrowserContext officerContext = browser
					.newContext(new Browser.NewContextOptions().setLocale("ja-JP"))) {
			Page l = leadContext.newPage();
			l.navigate(url("/login"));
			signIn(l, lead.getUsername(), Fixtures.PASSWORD);
			l.navigate(url("/contracts/" + contract.getId()));
			l.locator("#roster-link").click();
			assertThat(l.locator("h1")).hasText("従事者名簿");

			l.locator("#add-member").click();
			l.locator("#name").fill("山田 太郎");
			l.locator("#affiliation").fill("データ入力課");
			l.locator("#role").selectOption("WORK_LEAD");
			l.locator("#workLocation").fill("本社 5階 入力室");
			l.locator("#periodStart").fill(start.toString());
			l.locator("#member-form button[type=submit]").click();
			assertThat(l.locator(".notice--success")).containsText("従事者を追加しました");
			Locator yamada = l.locator("#roster-table tr[data-member='山田 太郎']");
			assertThat(yamada).containsText("業務責任者");
			assertThat(yamada.locator(".readiness-pledge")).hasText("未了");
			assertThat(yamada.locator(".readiness-training")).hasText("未了");
			assertThat(l.locator("#not-ready-count")).hasText("1名");

			l.locator("#import-file").setInputFiles(new FilePayload("名簿.csv", "text/csv", bad.getBytes(SJIS)));
			l.locator("#import-form button[type=submit]").click();
			assertThat(l.locator("#import-errors")).containsText("3行目: 従事開始日 — 「2026/4/31」は日付として読めません");
			assertThat(l.locator("#import-errors")).containsText("何も登録していません");
			assertThat(l.locator("#import-encoding")).hasText("Shift_JIS");
			assertThat(l.locator("#import-table tr[data-line='3']")).containsText("誤り");
			assertThat(l.locator("#import-confirm")).hasCount(0);
			screenshot(l, "roster-import-errors");

			l.navigate(url("/contracts/" + contract.getId() + "/roster"));
			assertThat(l.locator("#roster-table tbody tr")).hasCount(1);
			l.locator("#import-file").setInputFiles(new FilePayload("名簿.csv", "text/csv", good.getBytes(SJIS)));
			l.locator("#import-form button[type=submit]").click();
			assertThat(l.locator("#import-errors")).hasCount(0);
			assertThat(l.locator("#import-row-count")).hasText("2行");
			l.locator("#import-confirm button[type=submit]").click();
			assertThat(l.locator(".notice--success")).containsText("名簿に取り込みました");
			assertThat(l.locator("#roster-table tbody tr")).hasCount(3);
			assertThat(l.locator("#roster-table tr[data-member='田中 三郎']")).containsText(wareki);
			assertThat(l.locator("#not-ready-count")).hasText("3名");
			screenshot(l, "roster");

			Page o = officerContext.newPage();
			o.navigate(url("/login"));
			signIn(o, officer.getUsername(), Fixtures.PASSWORD);
			o.locator("#code").fill(this.fixtures.code(enrolled.secret(), 1));
			o.locator("form[action='/login/totp'] button[type=submit]").click();
			o.navigate(url("/contracts/" + contract.getId() + "/roster"));
			assertThat(o.locator("#roster-table tbody tr")).hasCount(3);
			assertThat(o.locator("#roster-table")).containsText("佐藤 次郎");
			assertThat(o.locator("#add-member")).hasCount(0);
			assertThat(o.locator("#import-form")).hasCount(0);
			assertThat(o.locator(".activate-form")).hasCount(0);
		}
	}

}
