package jp.itaku.browser;

import java.time.Clock;
import java.time.LocalDate;

import com.microsoft.playwright.BrowserContext;
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
 * An officer enters a contract's service-level targets in a real browser, without
 * scripts: fills a row, adds a row (nothing is saved yet), and Enter in a field saves the
 * contract rather than adding or removing a row; the contract page lists the targets.
 */
class ContractServiceLevelsBrowserIT extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Clock clock;

	@Test
	void anOfficerAddsTargetsAndEnterSavesTheContract() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		Fixtures.Enrolled enrolled = this.fixtures.enrolTotp(officer);
		String number = "S-" + officer.getUsername();
		LocalDate start = ItakuTime.today(this.clock).plusMonths(1);

		try (BrowserContext context = browser
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("ja-JP"))) {
			Page o = context.newPage();
			o.navigate(url("/login"));
			signIn(o, officer.getUsername(), Fixtures.PASSWORD);
			o.locator("#code").fill(this.fixtures.code(enrolled.secret(), 1));
			o.locator("form[action='/login/totp'] button[type=submit]").click();
			assertThat(o).hasURL(url("/"));

			o.navigate(url("/contracts/new"));
			o.locator("#number").fill(number);
			o.locator("#title").fill("サービスレベル試験の委託契約");
			o.locator("#contractorOrganisationId").selectOption(contractor.getId().toString());
			o.locator("#profileId")
				.selectOption(o.locator("#profileId option", new Page.LocatorOptions().setHasText("世田谷区"))
					.first()
					.getAttribute("value"));
			o.locator("#periodStart").fill(start.toString());
			o.locator("#periodEnd").fill(start.plusYears(1).minusDays(1).toString());
			o.locator("[id='serviceLevelTargets[0].name']").fill("システム稼働率");
			o.locator("[id='serviceLevelTargets[0].metric']").selectOption("PERCENT_MIN");
			o.locator("[id='serviceLevelTargets[0].target']").fill("99.5");
			o.locator("[id='serviceLevelTargets[0].measurementPeriod']").selectOption("MONTHLY");
			assertThat(o.locator("fieldset.service-level")).hasCount(3);

			o.locator("button[name=addServiceLevelRow]").click();
			assertThat(o.locator("fieldset.service-level")).hasCount(4);
			assertThat(o.locator("[id='serviceLevelTargets[0].name']")).hasValue("システム稼働率");
			o.locator("[id='serviceLevelTargets[3].name']").fill("障害時の初動連絡");
			o.locator("[id='serviceLevelTargets[3].metric']").selectOption("DURATION_MAX");
			o.locator("[id='serviceLevelTargets[3].target']").fill("PT30M");
			o.locator("[id='serviceLevelTargets[3].measurementPeriod']").selectOption("MONTHLY");
			screenshot(o, "contract-service-levels-form");

			o.locator("#title").press("Enter");
			assertThat(o.locator(".notice--success")).containsText("委託契約を登録し");
			// The targets are terms of the contract: on the terms section, one tab away.
			o.locator("#terms-link").click();
			assertThat(o.locator("#service-level-targets tbody tr")).hasCount(2);
			assertThat(o.locator("#service-level-targets")).containsText("99.5%以上");
			assertThat(o.locator("#service-level-targets")).containsText("30分以内");
			screenshot(o, "contract-service-levels-page");
		}
	}

}
