package jp.itaku.asset;

import java.io.IOException;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.obligation.Obligations;
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
import jp.itaku.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The asset register through the application (Setagaya 26): a receipt by someone who is
 * not an active handover person is refused naming the field and nothing is stored; a
 * valid receipt creates the assets, the numbered custody receipt, its audit entry with
 * the PDF's hash and the CUSTODY_RECEIPT obligation, raised and submitted; the register
 * is append-only; and who may see and do what.
 */
@IntegrationTest
class AssetRegisterIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Obligations obligations;

	@Autowired
	ObligationSystemReads obligationReads;

	@Autowired
	Rosters rosters;

	@Autowired
	AssetRegister register;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	JsonMapper json;

	UserAccount officerUser;

	UserAccount auditorUser;

	UserAccount leadUser;

	UserAccount workerUser;

	UserAccount otherLeadUser;

	Actor lead;

	Contract contract;

	RosterMember handover;

	RosterMember notHandover;

	RosterMember planned;

	LocalDate today;

	@BeforeEach
	void contractWithRoster() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Organisation other = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officerUser = this.fixtures.user(client, Role.CLIENT_OFFICER);
		this.auditorUser = this.fixtures.user(client, Role.AUDITOR);
		this.leadUser = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		this.workerUser = this.fixtures.user(contractor, Role.CONTRACTOR_WORKER);
		this.otherLeadUser = this.fixtures.user(other, Role.CONTRACTOR_LEAD);
		this.lead = this.fixtures.actor(this.leadUser);
		this.today = ItakuTime.today(this.clock);
		ContractForm form = this.fixtures.contractForm(contractor, "setagaya", this.today.minusMonths(1),
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		form.setTitle("住民異動届入力業務");
		this.contract = this.contracts.register(this.fixtures.actor(this.officerUser), form);
		this.handover = member("山本 健一", true, true);
		this.notHandover = member("中村 由美", false, true);
		this.planned = member("高橋 直樹", true, false);
	}

	private RosterMember member(String name, boolean handoverPerson, boolean active) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName(name);
		form.setAffiliation("公共事業部");
		form.setRole(WorkerRole.WORKER);
		form.setDuties("申請書の入力");
		form.setHandlesPersonalInformation(true);
		form.setHandoverPerson(handoverPerson);
		form.setPeriodStart(this.contract.getPeriodStart());
		RosterMember member = this.rosters.add(this.lead, this.contract.getId(), form);
		return active ? this.rosters.activate(this.lead, member.getId(), "試験") : member;
	}

	private RequestPostProcessor as(UserAccount user) {
		return authentication(this.fixtures.signedIn(user));
	}

	private String receiptsUrl() {
		return "/api/v1/contracts/" + this.contract.getId() + "/asset-receipts";
	}

	private String body(UUID receiver) {
		return """
				{"receivedAt":"%sT10:30","receiverId":"%s","handedOverBy":"区民情報課 主任 山田 一郎",
				 "items":[
				  {"kind":"PAPER","description":"住民異動届 申請書","quantity":120,"important":true,"personal":true,
				   "storage":"LOCKED_CABINET","storageDetail":"作業室 キャビネットA"},
				  {"kind":"ELECTRONIC_MEDIUM","description":"暗号化USBメモリ","quantity":1,"myNumber":true,
				   "storage":"SAFE"}]}
				""".formatted(this.today.minusDays(1), receiver);
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table + " where contract_id = ?")
			.param(this.contract.getId())
			.query(Long.class)
			.single();
	}

	private List<Obligation> custodyReceipts(String number) {
		return this.obligationReads.findUnscoped(this.contract.getId(), Deliverable.CUSTODY_RECEIPT,
				"RECEIPT-" + number);
	}

	private static String nfkc(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFKC);
		}
	}

	@Test
	void aReceiptByANonHandoverOrInactiveMemberIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
		this.mvc
			.perform(post(receiptsUrl()).contentType("application/json")
				.content(body(this.notHandover.getId()))
				.with(as(this.leadUser)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("receiverId"))
			.andExpect(jsonPath("$.errors[0].message").value("受領者: 中村 由美 は名簿で授受担当者とされていません。授受担当者を選んでください。"));
		this.mvc
			.perform(post(receiptsUrl()).contentType("application/json")
				.content(body(this.planned.getId()))
				.with(as(this.leadUser)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("receiverId"))
			.andExpect(jsonPath("$.errors[0].message").value("受領者: 高橋 直樹 は従事中ではありません。従事中の授受担当者を選んでください。"));
		// The same through the page: the error at the receiver field, nothing stored.
		String page = this.mvc
			.perform(post("/contracts/" + this.contract.getId() + "/assets/receipts")
				.param("receivedAt", this.today.minusDays(1) + "T10:30")
				.param("receiverId", this.notHandover.getId().toString())
				.param("handedOverBy", "区民情報課 山田")
				.param("items[0].kind", "PAPER")
				.param("items[0].description", "申請書")
				.param("items[0].quantity", "3")
				.param("items[0].storage", "SAFE")
				.with(csrf())
				.with(as(this.leadUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(org.jsoup.Jsoup.parse(page).select("#receiverId-error").text())
			.isEqualTo("受領者: 中村 由美 は名簿で授受担当者とされていません。授受担当者を選んでください。");
		assertThat(count("asset_receipt")).isZero();
		assertThat(count("asset")).isZero();
		assertThat(count("asset_event")).isZero();
		assertThat(this.obligations.forContract(this.lead, this.contract.getId()))
			.noneMatch((o) -> o.getDeliverable() == Deliverable.CUSTODY_RECEIPT);
	}

	@Test
	void aValidReceiptCreatesAssetsTheCustodyReceiptItsAuditEntryAndSubmitsTheObligation() throws Exception {
		String answer = this.mvc
			.perform(post(receiptsUrl()).contentType("application/json")
				.content(body(this.handover.getId()))
				.with(as(this.leadUser)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.items[1].personalInformation").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode receipt = this.json.readTree(answer);
		String number = receipt.get("number").asText();
		int year = this.today.minusDays(1).getYear();
		assertThat(number).isEqualTo("預-" + year + "-0001");
		assertThat(receipt.get("receiverName").asText()).isEqualTo("山本 健一");
		assertThat(count("asset")).isEqualTo(2);
		assertThat(count("asset_event")).isEqualTo(2);

		// The custody receipt: its number and items, and its hash in the audit trail.
		byte[] pdf = this.mvc
			.perform(get("/api/v1/asset-receipts/" + receipt.get("id").asText() + "/pdf").with(as(this.officerUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = nfkc(pdf);
		assertThat(text).contains("預かり証", number, "住民異動届 申請書", "暗号化USBメモリ", "山本 健一", "個人番号", "区民情報課 主任 山田 一郎");
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
		assertThat(receipt.get("sha256").asText()).isEqualTo(sha256);
		String details = this.jdbc
			.sql("select details from audit_entry where action = 'ASSET_RECEIVED' and target_id = ?")
			.param(receipt.get("id").asText())
			.query(String.class)
			.single();
		assertThat(details).contains(sha256, number);
		assertThat(this.jdbc.sql("select file_name from asset_receipt where id = ?")
			.param(UUID.fromString(receipt.get("id").asText()))
			.query(String.class)
			.single()).isEqualTo("預かり証_" + number + ".pdf");
		assertThat(this.jdbc
			.sql("select count(*) from audit_entry where action = 'ASSET_CUSTODY_RECEIPT_VIEWED' and target_id = ?")
			.param(receipt.get("id").asText())
			.query(Long.class)
			.single()).isEqualTo(1);

		// The custody receipt obligation, raised by the receipt and met by its PDF.
		assertThat(custodyReceipts(number)).singleElement().satisfies((o) -> {
			assertThat(o.getStatus()).isEqualTo(ObligationStatus.SUBMITTED);
			assertThat(o.getClauseRef()).isEqualTo("26");
			assertThat(o.getOccurredOn()).isEqualTo(this.today.minusDays(1));
		});

		// The receipt register's obligation of the same occurrence, met by the rows
		// added.
		assertThat(this.obligationReads.findUnscoped(this.contract.getId(), Deliverable.RECEIPT_REGISTER,
				"RECEIPT-" + number))
			.singleElement()
			.extracting(Obligation::getStatus)
			.isEqualTo(ObligationStatus.SUBMITTED);
		assertThat(details).contains("registerSha256");

		// The register shows both assets; the next receipt of the year is number 2.
		this.mvc.perform(get("/api/v1/contracts/" + this.contract.getId() + "/assets").with(as(this.auditorUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.assets.length()").value(2))
			.andExpect(jsonPath("$.assets[0].current.holderName").value("山本 健一"))
			.andExpect(jsonPath("$.receipts[0].number").value(number));
		this.mvc
			.perform(post(receiptsUrl()).contentType("application/json")
				.content(body(this.handover.getId()))
				.with(as(this.leadUser)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.number").value("預-" + year + "-0002"));
	}

	@Test
	void theRegisterIsAppendOnlyAndACorrectionIsANewRowReferringToTheOld() throws Exception {
		this.mvc
			.perform(post(receiptsUrl()).contentType("application/json")
				.content(body(this.handover.getId()))
				.with(as(this.leadUser)))
			.andExpect(status().isCreated());
		assertThatThrownBy(() -> this.jdbc.sql("update asset_event set quantity = 5 where contract_id = ?")
			.param(this.contract.getId())
			.update()).isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> this.jdbc.sql("delete from asset_event where contract_id = ?")
			.param(this.contract.getId())
			.update()).isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> this.jdbc.sql("update asset_receipt set receiver_name = 'x' where contract_id = ?")
			.param(this.contract.getId())
			.update()).isInstanceOf(DataAccessException.class);

		AssetRegister.Entry paper = this.register.register(this.lead, this.contract.getId()).entries().get(0);
		UUID original = paper.current().getId();
		String page = this.mvc
			.perform(post("/contracts/" + this.contract.getId() + "/assets/" + paper.asset().getId() + "/correct")
				.param("correctsId", original.toString())
				.param("kind", "PAPER")
				.param("description", "住民異動届 申請書")
				.param("quantity", "118")
				.param("important", "true")
				.param("personal", "true")
				.param("storage", "LOCKED_CABINET")
				.param("storageDetail", "作業室 キャビネットA")
				.param("holderId", this.notHandover.getId().toString())
				.param("reason", "")
				.with(csrf())
				.with(as(this.leadUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(org.jsoup.Jsoup.parse(page).select("#reason-error").text()).isEqualTo("訂正の理由を入力してください。");
		this.mvc
			.perform(post("/contracts/" + this.contract.getId() + "/assets/" + paper.asset().getId() + "/correct")
				.param("correctsId", original.toString())
				.param("kind", "PAPER")
				.param("description", "住民異動届 申請書")
				.param("quantity", "118")
				.param("important", "true")
				.param("personal", "true")
				.param("storage", "LOCKED_CABINET")
				.param("storageDetail", "作業室 キャビネットA")
				.param("holderId", this.notHandover.getId().toString())
				.param("reason", "枚数の数え誤り")
				.with(csrf())
				.with(as(this.leadUser)))
			.andExpect(status().is3xxRedirection());
		AssetRegister.Entry corrected = this.register.asset(this.lead, paper.asset().getId());
		assertThat(corrected.history()).hasSize(2);
		assertThat(corrected.history().get(0).getQuantity()).isEqualTo(120);
		assertThat(corrected.current().getCorrectsId()).isEqualTo(original);
		assertThat(corrected.current().getQuantity()).isEqualTo(118);
		assertThat(corrected.current().getHolderName()).isEqualTo("中村 由美");
		// Correcting the superseded row again is refused.
		CorrectionForm stale = CorrectionForm.correcting(corrected.history().get(0));
		stale.setReason("再訂正");
		stale.setQuantity(119);
		assertThatThrownBy(() -> this.register.correct(this.lead, paper.asset().getId(), stale))
			.isInstanceOf(jp.itaku.platform.InvalidInputProblem.class);
	}

	@Test
	void partiesSeeOnlyTheLeadRecordsAnotherContractorSeesNothing() throws Exception {
		String answer = this.mvc
			.perform(post(receiptsUrl()).contentType("application/json")
				.content(body(this.handover.getId()))
				.with(as(this.leadUser)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String receiptId = this.json.readTree(answer).get("id").asText();
		String registerUrl = "/api/v1/contracts/" + this.contract.getId() + "/assets";
		String page = "/contracts/" + this.contract.getId() + "/assets";
		for (UserAccount party : List.of(this.officerUser, this.auditorUser, this.leadUser, this.workerUser)) {
			this.mvc.perform(get(registerUrl).with(as(party))).andExpect(status().isOk());
			this.mvc.perform(get(page).with(as(party))).andExpect(status().isOk());
			this.mvc.perform(get("/asset-receipts/" + receiptId + "/pdf").with(as(party))).andExpect(status().isOk());
		}
		for (UserAccount reader : List.of(this.officerUser, this.auditorUser, this.workerUser)) {
			this.mvc
				.perform(post(receiptsUrl()).contentType("application/json")
					.content(body(this.handover.getId()))
					.with(as(reader)))
				.andExpect(status().isForbidden());
			this.mvc.perform(get(page + "/receipts/new").with(as(reader))).andExpect(status().isForbidden());
		}
		this.mvc.perform(get(registerUrl).with(as(this.otherLeadUser))).andExpect(status().isNotFound());
		this.mvc.perform(get(page).with(as(this.otherLeadUser))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/asset-receipts/" + receiptId + "/pdf").with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post(receiptsUrl()).contentType("application/json")
				.content(body(this.handover.getId()))
				.with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound());
		assertThat(count("asset_receipt")).isEqualTo(1);

		// The lead's page: the receipt form adds a row without JavaScript; the register
		// links the custody receipt and the contract page links the register.
		String form = this.mvc
			.perform(post(page + "/receipts").param("addItem", "1")
				.param("items[0].description", "申請書")
				.with(csrf())
				.with(as(this.leadUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var html = org.jsoup.Jsoup.parse(form);
		assertThat(html.select("#items fieldset")).hasSize(2);
		assertThat(html.select("#items\\[0\\]\\.description").attr("value")).isEqualTo("申請書");
		String register = this.mvc.perform(get(page).with(as(this.officerUser)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(org.jsoup.Jsoup.parse(register).select("#receipts a").attr("href"))
			.isEqualTo("/asset-receipts/" + receiptId + "/pdf");
		assertThat(org.jsoup.Jsoup.parse(register).select("#new-receipt")).isEmpty();
		String contractPage = this.mvc.perform(get("/contracts/" + this.contract.getId()).with(as(this.officerUser)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(org.jsoup.Jsoup.parse(contractPage).select("#assets-link").attr("href")).isEqualTo(page);
	}

}
