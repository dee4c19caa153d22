package jp.itaku.browser;

import java.time.Clock;
import java.util.Set;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
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
 * Subcontracting in a real browser: the contractor's lead applies (a missing confirmation
 * is named in Japanese, then the complete application goes in); the client's officer
 * approves; the subcontractor's lead signs in for the first time and finds the contract
 * and its subcontract (that it cannot before approval is {@code SubcontractsIT}'s).
 */
class SubcontractBrowserIT extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Clock clock;

	@Test
	void applicationApprovalAndTheSubcontractorsFirstSignIn() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Organisation subcontractor = this.fixtures.organisation(OrganisationKind.SUBCONTRACTOR);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		Fixtures.Enrolled enrolled = this.fixtures.enrolTotp(officer);
		UserAccount lead = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		UserAccount sublead = this.fixtures.user(subcontractor, Role.CONTRACTOR_LEAD);
		ContractForm form = this.fixtures.contractForm(contractor, "kadoma", ItakuTime.today(this.clock).minusMonths(1),
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		form.setTitle("ブラウザ試験の再委託");
		Contract contract = this.contracts.register(this.fixtures.actor(officer), form);

		try (BrowserContext leadContext = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP"));
				BrowserContext officerContext = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP"));
				BrowserContext subContext = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP"))) {
			Page l = leadContext.newPage();
			l.navigate(url("/login"));
			signIn(l, lead.getUsername(), Fixtures.PASSWORD);
			l.navigate(url("/contracts/" + contract.getId()));
			l.locator("#subcontracts-link").click();
			assertThat(l.locator("h1")).hasText("再委託の管理");
			l.locator("#new-subcontract").click();
			assertThat(l.locator("h1")).hasText("再委託承認申請");
			l.locator("#subcontractorOrganisationId").selectOption(subcontractor.getId().toString());
			l.locator("#reason").fill("繁忙期の入力量が体制を超えるため");
			l.locator("#workContent").fill("申請書の入力");
			l.locator("#informationHandled").fill("申請書の写し");
			l.locator("#personalInformation1").check();
			l.locator("#safetyMeasures").fill("入退室管理と施錠保管");
			l.locator("#supervisionMethod").fill("月1回の実地確認");
			l.locator("#securityLead").fill("青葉 四郎");
			l.locator("#workers").fill("入力 花子\n入力 次郎");
			l.locator("#safetyMeasuresChecked1").check();
			l.locator("#bindsSameClauses1").check();
			l.locator("#subcontract-form button[type=submit]").click();
			// Setagaya 4's condition is asked: without it nothing is stored.
			assertThat(l.locator(".error-summary")).containsText("付随的な業務");
			l.locator("#ancillaryUnavoidable1").check();
			l.locator("#subcontract-form button[type=submit]").click();
			assertThat(l.locator(".subcontract")).hasCount(1);
			assertThat(l.locator(".subcontract-status")).hasText("承認待ち");

			Page o = officerContext.newPage();
			o.navigate(url("/login"));
			signIn(o, officer.getUsername(), Fixtures.PASSWORD);
			o.locator("#code").fill(this.fixtures.code(enrolled.secret(), 1));
			o.locator("form[action='/login/totp'] button[type=submit]").click();
			o.navigate(url("/contracts/" + contract.getId() + "/subcontracts"));
			assertThat(o.locator(".subcontract")).containsText(subcontractor.getName());
			o.locator(".subcontract button.approve").click();
			assertThat(o.locator(".subcontract-status")).hasText("承認済み");

			// The subcontractor's first sign-in: the contract is among its contracts.
			Page first = subContext.newPage();
			first.navigate(url("/login"));
			signIn(first, sublead.getUsername(), Fixtures.PASSWORD);
			first.navigate(url("/contracts"));
			assertThat(first.locator("body")).containsText(contract.getNumber());
			first.navigate(url("/contracts/" + contract.getId()));
			assertThat(first.locator("h1")).containsText("ブラウザ試験の再委託");
			first.locator("#subcontracts-link").click();
			assertThat(first.locator(".subcontract")).hasCount(1);
			assertThat(first.locator(".subcontract")).containsText("承認済み");
			assertThat(first.locator("#new-subcontract")).isVisible();
		}
	}

}
