package jp.itaku.browser;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import jp.itaku.account.UserAccount;
import jp.itaku.asset.AssetItemForm;
import jp.itaku.asset.AssetKind;
import jp.itaku.asset.AssetRegister;
import jp.itaku.asset.ReceiptForm;
import jp.itaku.asset.StorageLocation;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.incident.Incident;
import jp.itaku.incident.Incidents;
import jp.itaku.inspection.Inspection;
import jp.itaku.inspection.InspectionForm;
import jp.itaku.inspection.InspectionKind;
import jp.itaku.inspection.Inspections;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
import jp.itaku.support.Fixtures;
import jp.itaku.support.PdfText;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages print as documents an officer would file (the roster, the obligation list, the
 * asset register, an incident and an inspection): rendered to PDF by Chromium with the
 * print stylesheet, A4 landscape, their text holds the page's content and none of the
 * navigation, the sign-out button, the language switch or the header's report action, and
 * no table column is so narrow that it breaks one character per line.
 */
class PrintBrowserIT extends BrowserTest {

	/** A4 landscape less the print stylesheet's 12 mm margins, in CSS pixels. */
	private static final int PRINTED_WIDTH = 1032;

	/**
	 * Four lines in a row of one Japanese character each: a column one character wide.
	 */
	private static final Pattern ONE_CHARACTER_LINES = Pattern
		.compile("(?m)(^[ \\t]*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}][ \\t]*\\n){4}");

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Rosters rosters;

	@Autowired
	AssetRegister register;

	@Autowired
	Incidents incidents;

	@Autowired
	Inspections inspections;

	@Autowired
	java.time.Clock clock;

	@Test
	void theFiveDocumentsPrintWithoutNavigationAndWithReadableColumns() throws Exception {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		UserAccount leadUser = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		Actor lead = this.fixtures.actor(leadUser);
		ContractForm form = this.fixtures.contractForm(contractor, "setagaya",
				ItakuTime.today(this.clock).minusMonths(1), Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		form.setTitle("印刷試験の委託契約");
		form.setWorkLocations("世田谷区役所第2庁舎 4階 委託作業室（入退室管理区画）");
		Contract contract = this.contracts.register(this.fixtures.actor(officer), form);
		RosterMember member = member(lead, contract, "印刷 花子");
		receive(lead, contract, member, "住民異動届の原本 一式（鍵付き保管庫）");
		Incident incident = this.incidents.report(lead, contract.getId(), this.fixtures.lossReport(this.clock));
		Inspection inspection = inspection(this.fixtures.actor(officer), contract, "印刷試験の実地検査");

		Map<String, String> documents = new LinkedHashMap<>();
		documents.put("/contracts/" + contract.getId() + "/obligations", contract.getNumber());
		documents.put("/contracts/" + contract.getId() + "/roster", "印刷 花子");
		documents.put("/contracts/" + contract.getId() + "/assets", "住民異動届の原本");
		documents.put("/incidents/" + incident.getId(), incident.getDescription());
		documents.put("/inspections/" + inspection.getId(), "印刷試験の実地検査");
		List<String> narrow = new ArrayList<>();
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP"))) {
			Page page = context.newPage();
			page.navigate(url("/login"));
			signIn(page, leadUser.getUsername(), Fixtures.PASSWORD);
			for (Map.Entry<String, String> document : documents.entrySet()) {
				String path = document.getKey();
				page.navigate(url(path));
				String screen = page.locator("body").innerText();
				assertThat(screen).as(path).contains("ログアウト", document.getValue());
				page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
				page.setViewportSize(PRINTED_WIDTH, 700);
				// Every cell with words in it is at least two characters wide on paper.
				for (Object cell : (List<?>) page.evaluate(
						"""
								() => [...document.querySelectorAll('main td, main th')]
								  .filter(c => c.offsetParent !== null && c.innerText.trim().length > 1)
								  .filter(c => c.getBoundingClientRect().width < 2 * parseFloat(getComputedStyle(c).fontSize) + 8)
								  .map(c => location.pathname + ': ' + c.innerText.trim().slice(0, 20))""")) {
					narrow.add(String.valueOf(cell));
				}
				String text = PdfText.of(page.pdf(new Page.PdfOptions().setPreferCSSPageSize(true)));
				page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
				page.setViewportSize(1280, 720);
				assertThat(text).as(path)
					.contains(contract.getNumber(), document.getValue())
					.doesNotContain("ログアウト", "監査ログ", "English", "アカウント設定", "事故・インシデントを報告", "ダッシュボードへ戻る");
				assertThat(ONE_CHARACTER_LINES.matcher(text).find())
					.as("%s breaks a column one character per line:%n%s", path, text)
					.isFalse();
			}
		}
		assertThat(narrow).as("table cells narrower than two characters in print").isEmpty();
	}

	private RosterMember member(Actor lead, Contract contract, String name) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName(name);
		form.setAffiliation("公共事業部 第一課");
		form.setRole(WorkerRole.WORKER);
		form.setDuties("申請書の入力と照合");
		form.setHandlesPersonalInformation(true);
		form.setHandoverPerson(true);
		form.setPeriodStart(contract.getPeriodStart());
		RosterMember member = this.rosters.add(lead, contract.getId(), form);
		return this.rosters.activate(lead, member.getId(), "試験");
	}

	private void receive(Actor lead, Contract contract, RosterMember receiver, String description) {
		ReceiptForm receipt = new ReceiptForm();
		receipt.setReceivedAt(LocalDateTime.now(this.clock.withZone(ItakuTime.ZONE)).minusDays(2).withNano(0));
		receipt.setReceiverId(receiver.getId());
		receipt.setHandedOverBy("区民情報課 主任 山田 一郎");
		AssetItemForm item = new AssetItemForm();
		item.setKind(AssetKind.PAPER);
		item.setDescription(description);
		item.setQuantity(1);
		item.setPersonal(true);
		item.setStorage(StorageLocation.SAFE);
		receipt.setItems(List.of(item));
		this.register.receive(lead, contract.getId(), receipt);
	}

	private Inspection inspection(Actor officer, Contract contract, String scope) {
		var candidates = this.inspections.list(officer, contract.getId()).candidates();
		InspectionForm form = new InspectionForm();
		form.setKind(InspectionKind.AUDIT);
		form.setScope(scope);
		form.setHeldOn(ItakuTime.today(this.clock));
		form.setInspectors("区民情報課 田中");
		form.setLines(candidates.stream().limit(3).map((c) -> c.key()).toList());
		return this.inspections.plan(officer, contract.getId(), form);
	}

}
