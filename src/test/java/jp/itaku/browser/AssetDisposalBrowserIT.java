package jp.itaku.browser;

import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import jp.itaku.account.UserAccount;
import jp.itaku.asset.AssetItemForm;
import jp.itaku.asset.AssetKind;
import jp.itaku.asset.AssetReceipt;
import jp.itaku.asset.AssetRegister;
import jp.itaku.asset.ReceiptForm;
import jp.itaku.asset.StorageLocation;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
import jp.itaku.support.ArchivalPdf;
import jp.itaku.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Disposal in a real browser (Setagaya 29–31): the contractor's lead applies for the
 * disposal of a received medium, the client's officer approves it, the lead reports it
 * done, and the disposal certificate (廃棄証明書) downloads as an archival PDF with the
 * Japanese text in it.
 */
class AssetDisposalBrowserIT extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Rosters rosters;

	@Autowired
	AssetRegister register;

	@Autowired
	Clock clock;

	@Test
	void applyForDisposalApproveReportAndDownloadTheCertificate() throws Exception {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officer = this.fixtures.user(client, Role.CLIENT_OFFICER);
		Fixtures.Enrolled enrolled = this.fixtures.enrolTotp(officer);
		UserAccount leadUser = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		Actor lead = this.fixtures.actor(leadUser);
		ContractForm form = this.fixtures.contractForm(contractor, "setagaya",
				ItakuTime.today(this.clock).minusMonths(1), Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		form.setTitle("ブラウザ試験の廃棄");
		Contract contract = this.contracts.register(this.fixtures.actor(officer), form);
		RosterMember handover = member(lead, contract, "山本 健一");
		UUID asset = receive(lead, contract, handover);

		try (BrowserContext leadContext = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP"));
				BrowserContext officerContext = browser
					.newContext(new Browser.NewContextOptions().setLocale("ja-JP"))) {
			Page l = leadContext.newPage();
			l.navigate(url("/login"));
			signIn(l, leadUser.getUsername(), Fixtures.PASSWORD);
			l.navigate(url("/contracts/" + contract.getId()));
			l.locator("#assets-link").click();
			l.locator("#new-request-DISPOSAL").click();
			assertThat(l.locator("h1")).hasText("廃棄・消去の申請");
			l.locator("#submit-request").click();
			assertThat(l.locator(".error-summary")).containsText("目的・理由を入力してください。");
			assertThat(l.locator(".error-summary")).containsText("対象の情報資産を1件以上選んでください。");
			l.locator("#purpose").fill("住民異動届の入力が完了し、不要になったため");
			l.locator("#asset-" + asset).check();
			l.locator("#method").selectOption("SECURE_ERASURE");
			l.locator("#submit-request").click();
			assertThat(l.locator("#request-status")).hasText("承認待ち");
			String requestUrl = l.url();
			assertThat(l.locator("#report-form")).hasCount(0);
			screenshot(l, "asset-disposal-requested");

			Page o = officerContext.newPage();
			o.navigate(url("/login"));
			signIn(o, officer.getUsername(), Fixtures.PASSWORD);
			o.locator("#code").fill(this.fixtures.code(enrolled.secret(), 1));
			o.locator("form[action='/login/totp'] button[type=submit]").click();
			o.navigate(requestUrl);
			o.locator("#approve-comment").fill("消去後、証明書を提出してください。");
			o.locator("#approve").click();
			assertThat(o.locator("#request-status")).hasText("承認済み");
			assertThat(o.locator("#report-form")).hasCount(0);

			l.navigate(requestUrl);
			l.locator("#report-person").selectOption(handover.getId().toString());
			l.locator("#report-detail").fill("専用ソフトウェアで全領域を上書き消去し、読み出せないことを確認した");
			l.locator("#report").click();
			assertThat(l.locator("#request-status")).hasText("完了");
			screenshot(l, "asset-disposal-completed");

			Download download = o.waitForDownload(() -> {
				o.navigate(requestUrl);
				o.locator("#certificate-pdf").click();
			});
			byte[] pdf = Files.readAllBytes(download.path());
			ArchivalPdf.assertArchivalWith(pdf, "廃棄証明書", "住民異動データ", "専用ソフトウェア等による完全消去", "山本健一");

			l.navigate(url("/contracts/" + contract.getId() + "/assets"));
			assertThat(l.locator("#asset-" + asset + " [data-status]")).hasText("廃棄済み");
		}
	}

	private RosterMember member(Actor lead, Contract contract, String name) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName(name);
		form.setAffiliation("公共事業部");
		form.setRole(WorkerRole.WORKER);
		form.setDuties("申請書の入力");
		form.setHandlesPersonalInformation(true);
		form.setHandoverPerson(true);
		form.setPeriodStart(contract.getPeriodStart());
		RosterMember member = this.rosters.add(lead, contract.getId(), form);
		return this.rosters.activate(lead, member.getId(), "試験");
	}

	private UUID receive(Actor lead, Contract contract, RosterMember receiver) {
		ReceiptForm receipt = new ReceiptForm();
		receipt.setReceivedAt(LocalDateTime.now(this.clock.withZone(ItakuTime.ZONE)).minusDays(2).withNano(0));
		receipt.setReceiverId(receiver.getId());
		receipt.setHandedOverBy("区民情報課 主任 山田 一郎");
		AssetItemForm item = new AssetItemForm();
		item.setKind(AssetKind.ELECTRONIC_MEDIUM);
		item.setDescription("住民異動データ 暗号化USBメモリ");
		item.setQuantity(1);
		item.setPersonal(true);
		item.setStorage(StorageLocation.SAFE);
		receipt.setItems(List.of(item));
		AssetReceipt saved = this.register.receive(lead, contract.getId(), receipt);
		return this.register.itemsOf(lead, saved.getId()).get(0).getAssetId();
	}

}
