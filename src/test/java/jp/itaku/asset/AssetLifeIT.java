package jp.itaku.asset;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.account.UserAccount;
import jp.itaku.approval.Approval;
import jp.itaku.approval.ApprovalForm;
import jp.itaku.approval.Approvals;
import jp.itaku.approval.DecisionForm;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.ContractStatus;
import jp.itaku.contract.Contracts;
import jp.itaku.document.Documents;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.obligation.Obligations;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
import jp.itaku.support.ArchivalPdf;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The life of information assets from receipt to disposal certificate (Setagaya 5–8,
 * 26–31; Nerima 17–21): each step only with the client's prior approval, maker and
 * checker recorded, every movement a new register row, every form an archival PDF, every
 * event in the audit trail, and the contract closed only once every asset and copy is
 * accounted for.
 */
@IntegrationTest
class AssetLifeIT {

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
	AssetRequests requests;

	@Autowired
	AssetShipments shipments;

	@Autowired
	AssetBackups backups;

	@Autowired
	AssetOverviews overviews;

	@Autowired
	AssetClosingCheck closingCheck;

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	Approvals approvals;

	@Autowired
	MockMvc mvc;

	UserAccount leadUser;

	Actor officer;

	Actor secadmin;

	Actor auditor;

	Actor lead;

	Actor worker;

	Actor otherLead;

	UserAccount secadminUser;

	Contract contract;

	RosterMember handover;

	RosterMember colleague;

	LocalDate today;

	@BeforeEach
	void contractWithRosterAndAssets() {
		this.today = ItakuTime.today(this.clock);
		setUp("setagaya", Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
	}

	private void setUp(String profile, Set<ContractAttribute> attributes) {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Organisation other = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officer = this.fixtures.actor(this.fixtures.user(client, Role.CLIENT_OFFICER));
		this.secadminUser = this.fixtures.user(client, Role.CLIENT_SECURITY_ADMIN);
		this.secadmin = this.fixtures.actor(this.secadminUser);
		this.auditor = this.fixtures.actor(this.fixtures.user(client, Role.AUDITOR));
		this.leadUser = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		this.lead = this.fixtures.actor(this.leadUser);
		this.worker = this.fixtures.actor(this.fixtures.user(contractor, Role.CONTRACTOR_WORKER));
		this.otherLead = this.fixtures.actor(this.fixtures.user(other, Role.CONTRACTOR_LEAD));
		ContractForm form = this.fixtures.contractForm(contractor, profile, this.today.minusMonths(1), attributes);
		form.setTitle("住民異動届入力業務");
		this.contract = this.contracts.register(this.officer, form);
		this.contracts.activate(this.officer, this.contract.getId());
		this.handover = member("山本 健一", true);
		this.colleague = member("中村 由美", false);
	}

	private RosterMember member(String name, boolean handoverPerson) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName(name);
		form.setAffiliation("公共事業部");
		form.setRole(WorkerRole.WORKER);
		form.setDuties("申請書の入力");
		form.setHandlesPersonalInformation(true);
		form.setHandoverPerson(handoverPerson);
		form.setPeriodStart(this.contract.getPeriodStart());
		RosterMember member = this.rosters.add(this.lead, this.contract.getId(), form);
		return this.rosters.activate(this.lead, member.getId(), "試験");
	}

	private UUID receiveMedium(boolean important) {
		ReceiptForm receipt = new ReceiptForm();
		receipt.setReceivedAt(LocalDateTime.now(this.clock.withZone(ItakuTime.ZONE)).minusDays(2).withNano(0));
		receipt.setReceiverId(this.handover.getId());
		receipt.setHandedOverBy("区民情報課 主任 山田 一郎");
		AssetItemForm item = new AssetItemForm();
		item.setKind(AssetKind.ELECTRONIC_MEDIUM);
		item.setDescription("住民異動データ 暗号化USBメモリ");
		item.setQuantity(1);
		item.setImportant(important);
		item.setPersonal(true);
		item.setStorage(StorageLocation.SAFE);
		receipt.setItems(List.of(item));
		AssetReceipt saved = this.register.receive(this.lead, this.contract.getId(), receipt);
		return this.register.itemsOf(this.lead, saved.getId()).get(0).getAssetId();
	}

	private LocalDateTime now() {
		return LocalDateTime.now(this.clock.withZone(ItakuTime.ZONE)).withSecond(0).withNano(0);
	}

	private AssetRequestForm request(RequestType type, UUID... assets) {
		AssetRequestForm form = new AssetRequestForm();
		form.setType(type);
		form.setPurpose("業務上必要なため");
		form.setAssetIds(List.of(assets));
		form.setPlannedStart(now().minusHours(3));
		return form;
	}

	private AssetStepForm at(LocalDateTime at, UUID person) {
		AssetStepForm step = new AssetStepForm();
		step.setAt(at);
		step.setPersonId(person);
		return step;
	}

	private AssetEvent.Status statusOf(UUID assetId) {
		return this.register.asset(this.lead, assetId).current().getStatus();
	}

	private byte[] read(AssetRequests.OpenedDocument document) throws Exception {
		try (InputStream in = document.content()) {
			return in.readAllBytes();
		}
	}

	private String submittedFileName(Deliverable deliverable, String periodKey) {
		Obligation obligation = this.obligationReads.findUnscoped(this.contract.getId(), deliverable, periodKey).get(0);
		var detail = this.obligations.detail(this.officer, obligation.getId());
		return detail.files().get(detail.submissions().get(0).getId()).get(0).getFileName();
	}

	private byte[] submitted(Deliverable deliverable, String periodKey) throws Exception {
		Obligation obligation = this.obligationReads.findUnscoped(this.contract.getId(), deliverable, periodKey).get(0);
		var detail = this.obligations.detail(this.officer, obligation.getId());
		var file = detail.files().get(detail.submissions().get(0).getId()).get(0);
		try (InputStream in = this.documents.open(file.getDocumentKey())) {
			return in.readAllBytes();
		}
	}

	private long audits(String action, UUID target) {
		return this.jdbc.sql("select count(*) from audit_entry where action = ? and target_id = ?")
			.params(action, target.toString())
			.query(Long.class)
			.single();
	}

	private static List<String> keys(InvalidInputProblem problem) {
		return problem.getFieldProblems().stream().map(FieldProblem::messageKey).toList();
	}

	@Test
	void theFullLifeOfAnAssetFromReceiptToDisposalCertificateAndTheCloseOutGate() throws Exception {
		UUID asset = receiveMedium(true);

		// Copy (Setagaya 7): applied for, approved by the client, recorded as a derived
		// asset.
		AssetRequest copy = this.requests.request(this.lead, this.contract.getId(),
				withCopies(request(RequestType.COPY, asset), 2));
		assertThat(copy.getNumber()).startsWith("申-" + this.today.getYear() + "-");
		List<Obligation> copyRequests = this.obligationReads.findUnscoped(this.contract.getId(),
				Deliverable.COPY_REQUEST, AssetSubmissions.key(copy));
		assertThat(copyRequests).isNotEmpty()
			.allSatisfy((o) -> assertThat(o.getStatus()).isEqualTo(ObligationStatus.SUBMITTED));
		assertThatThrownBy(() -> this.requests.recordCopy(this.lead, copy.getId(), at(now(), this.colleague.getId())))
			.isInstanceOf(InvalidInputProblem.class)
			.satisfies((ex) -> assertThat(keys((InvalidInputProblem) ex))
				.containsExactly("asset.request.transition.notApproved"));
		this.requests.approve(this.officer, copy.getId(), new AssetStepForm());
		assertThat(this.obligationReads.findUnscoped(this.contract.getId(), Deliverable.COPY_REQUEST,
				AssetSubmissions.key(copy)))
			.allSatisfy((o) -> assertThat(o.getStatus()).isEqualTo(ObligationStatus.ACCEPTED));
		Asset derived = this.requests.recordCopy(this.lead, copy.getId(),
				at(now().minusHours(1), this.colleague.getId()));
		assertThat(derived.getDerivedFrom()).isEqualTo(asset);
		assertThat(this.register.asset(this.lead, derived.getId()).current().getQuantity()).isEqualTo(2);

		// Take-out (Setagaya 8): refused before approval; out and back after it.
		AssetRequestForm takeOutForm = request(RequestType.TAKE_OUT, asset);
		takeOutForm.setDestination("区役所 第二庁舎 会議室");
		takeOutForm.setPlannedEnd(now().plusHours(2));
		takeOutForm.setPersonId(this.colleague.getId());
		takeOutForm.setEncrypted(true);
		takeOutForm.setLockedContainer(true);
		AssetRequest takeOut = this.requests.request(this.lead, this.contract.getId(), takeOutForm);
		assertThatThrownBy(() -> this.requests.start(this.lead, takeOut.getId(), at(now(), null)))
			.isInstanceOf(InvalidInputProblem.class)
			.satisfies((ex) -> assertThat(keys((InvalidInputProblem) ex))
				.containsExactly("asset.request.transition.notApproved"));
		assertThat(statusOf(asset)).isEqualTo(AssetEvent.Status.IN_CUSTODY);
		this.requests.approve(this.secadmin, takeOut.getId(), new AssetStepForm());
		this.requests.start(this.lead, takeOut.getId(), at(now().minusHours(1), null));
		assertThat(statusOf(asset)).isEqualTo(AssetEvent.Status.TAKEN_OUT);
		this.requests.finish(this.lead, takeOut.getId(), at(now().minusMinutes(10), this.handover.getId()));
		assertThat(statusOf(asset)).isEqualTo(AssetEvent.Status.IN_CUSTODY);

		// The contract ends; closing is blocked by the asset and its copy.
		this.contracts.end(this.officer, this.contract.getId());
		assertThatThrownBy(() -> this.contracts.close(this.officer, this.contract.getId()))
			.isInstanceOf(InvalidInputProblem.class)
			.satisfies((ex) -> assertThat(keys((InvalidInputProblem) ex)).contains("contract.transition.closeBlocked",
					"asset.close.asset", "asset.close.copy"));

		// Disposal (Setagaya 29–31) of the asset and its copy, by a third party,
		// witnessed.
		AssetRequestForm disposalForm = request(RequestType.DISPOSAL, asset, derived.getId());
		disposalForm.setMethod(DisposalMethod.PHYSICAL_DESTRUCTION);
		disposalForm.setThirdParty("株式会社セキュア廃棄センター");
		AssetRequest disposal = this.requests.request(this.lead, this.contract.getId(), disposalForm);
		AssetStepForm approval = new AssetStepForm();
		approval.setWitnessId(this.secadminUser.getId());
		assertThatThrownBy(() -> this.requests.approve(this.officer, disposal.getId(), approval))
			.isInstanceOf(InvalidInputProblem.class)
			.satisfies((ex) -> assertThat(keys((InvalidInputProblem) ex))
				.containsExactly("asset.request.error.thirdPartyApproval"));
		approval.setThirdPartyApproved(true);
		this.requests.approve(this.officer, disposal.getId(), approval);
		AssetStepForm report = at(now(), this.handover.getId());
		report.setDetail("破砕機により物理的に破壊し、復元できないことを確認した");
		assertThatThrownBy(() -> this.requests.report(this.lead, disposal.getId(), report))
			.isInstanceOf(InvalidInputProblem.class)
			.satisfies((ex) -> assertThat(keys((InvalidInputProblem) ex))
				.containsExactly("asset.request.error.witnessFirst"));
		assertThatThrownBy(() -> this.requests.witness(this.officer, disposal.getId(), at(now(), null)))
			.isInstanceOf(InvalidInputProblem.class);
		this.requests.witness(this.secadmin, disposal.getId(), at(now().minusMinutes(6), null));
		this.requests.report(this.lead, disposal.getId(), report);
		assertThat(statusOf(asset)).isEqualTo(AssetEvent.Status.DISPOSED);
		assertThat(statusOf(derived.getId())).isEqualTo(AssetEvent.Status.DISPOSED);

		// Every form is an archival PDF whose Japanese text pdftotext reads.
		AssetRequest done = this.requests.detail(this.officer, disposal.getId()).request();
		assertThat(done.getStatus()).isEqualTo(RequestStatus.COMPLETED);
		ArchivalPdf.assertArchivalWith(read(this.requests.open(this.officer, disposal.getId(), true)), "廃棄証明書",
				"株式会社セキュア廃棄センター", "住民異動データ", "物理的破壊");
		ArchivalPdf.assertArchivalWith(read(this.requests.open(this.officer, disposal.getId(), false)), "情報資産廃棄・消去申請書",
				disposal.getNumber());
		ArchivalPdf.assertArchivalWith(read(this.requests.open(this.officer, copy.getId(), false)), "情報資産複製申請書");
		ArchivalPdf.assertArchivalWith(read(this.requests.open(this.officer, takeOut.getId(), false)), "情報資産持出し申請書",
				"区役所第二庁舎会議室", "暗号化");
		AssetReceipt receipt = this.register.register(this.officer, this.contract.getId()).receipts().get(0);
		try (InputStream in = this.register.open(this.officer, receipt.getId()).content()) {
			ArchivalPdf.assertArchivalWith(in.readAllBytes(), "預かり証", receipt.getNumber());
		}
		assertThat(audits("ASSET_DISPOSED", disposal.getId())).isEqualTo(1);
		assertThat(this.jdbc.sql("select details from audit_entry where action = 'ASSET_DISPOSED' and target_id = ?")
			.param(disposal.getId().toString())
			.query(String.class)
			.single()).contains(done.getCertificateSha256());

		// The certificate is submitted to the end-of-contract disposal report; once the
		// client accepts it and settles the rest, the gate opens.
		assertThatThrownBy(() -> this.contracts.close(this.officer, this.contract.getId()))
			.isInstanceOf(InvalidInputProblem.class)
			.satisfies((ex) -> assertThat(keys((InvalidInputProblem) ex)).doesNotContain("asset.close.asset",
					"asset.close.copy", "asset.close.request"));
		for (Obligation end : this.obligations.forContract(this.officer, this.contract.getId())) {
			if (!"END".equals(end.getPeriodKey())) {
				continue;
			}
			var pending = this.obligationReads.pendingSubmissionUnscoped(end.getId());
			if (pending.isPresent()) {
				assertThat(end.getDeliverable()).isEqualTo(Deliverable.DISPOSAL_REPORT);
				this.obligations.review(this.officer, pending.get(), true, "確認しました");
			}
			// Read again: one review of a document filed to two of them decided both.
			else if (this.obligations.detail(this.officer, end.getId())
				.obligation()
				.getStatus() != ObligationStatus.ACCEPTED) {
				this.obligations.waive(this.officer, end.getId(), "試験のため");
			}
		}
		this.contracts.close(this.officer, this.contract.getId());
		assertThat(this.contracts.get(this.officer, this.contract.getId()).getStatus())
			.isEqualTo(ContractStatus.CLOSED);

		// Every event of the life is on the audit trail.
		for (String action : List.of("ASSET_REQUESTED", "ASSET_REQUEST_APPROVED")) {
			assertThat(
					audits(action, copy.getId()) + audits(action, takeOut.getId()) + audits(action, disposal.getId()))
				.as(action)
				.isEqualTo(3);
		}
		assertThat(audits("ASSET_COPIED", derived.getId())).isEqualTo(1);
		assertThat(audits("ASSET_TAKEN_OUT", takeOut.getId())).isEqualTo(1);
		assertThat(audits("ASSET_BROUGHT_BACK", takeOut.getId())).isEqualTo(1);
		assertThat(audits("ASSET_DISPOSAL_WITNESSED", disposal.getId())).isEqualTo(1);
		assertThat(audits("ASSET_REQUEST_DOCUMENT_VIEWED", disposal.getId())).isEqualTo(2);
		// The register kept every row: received, taken out, brought back, disposed.
		assertThat(this.register.asset(this.officer, asset).history()).extracting(AssetEvent::getType)
			.containsExactly(AssetEvent.Type.RECEIVED, AssetEvent.Type.TAKEN_OUT, AssetEvent.Type.BROUGHT_BACK,
					AssetEvent.Type.DISPOSED);
	}

	@Test
	void aReturnIsConfirmedByTheClientWithAReturnReceipt() throws Exception {
		UUID asset = receiveMedium(false);
		AssetRequestForm form = request(RequestType.RETURN, asset);
		form.setMethod(DisposalMethod.HAND_DELIVERY);
		AssetRequest request = this.requests.request(this.lead, this.contract.getId(), form);
		this.requests.approve(this.officer, request.getId(), new AssetStepForm());
		AssetStepForm report = at(now(), this.handover.getId());
		report.setDetail("区民情報課窓口で手渡しにより返還した");
		assertThatThrownBy(() -> this.requests.report(this.lead, request.getId(), report))
			.isInstanceOf(InvalidInputProblem.class)
			.satisfies((ex) -> assertThat(keys((InvalidInputProblem) ex))
				.containsExactly("asset.request.error.receivedBy"));
		report.setReceivedBy("区民情報課 主任 山田 一郎");
		this.requests.report(this.lead, request.getId(), report);
		ArchivalPdf.assertArchivalWith(read(this.requests.open(this.lead, request.getId(), true)), "返還書",
				request.getNumber());
		assertThat(statusOf(asset)).isEqualTo(AssetEvent.Status.IN_CUSTODY);
		assertThatThrownBy(() -> this.requests.confirmReturn(this.lead, request.getId()))
			.isInstanceOf(AccessDeniedProblem.class);
		this.requests.confirmReturn(this.officer, request.getId());
		assertThat(statusOf(asset)).isEqualTo(AssetEvent.Status.RETURNED);
		ArchivalPdf.assertArchivalWith(read(this.requests.open(this.lead, request.getId(), true)), "返還受領書",
				"区民情報課主任山田一郎");
		assertThat(audits("ASSET_RETURN_CONFIRMED", request.getId())).isEqualTo(1);
	}

	@Test
	void whoMayDoWhat() {
		UUID asset = receiveMedium(false);
		AssetRequestForm form = withCopies(request(RequestType.COPY, asset), 1);
		// Only the contractor's lead applies; another contractor does not even see it.
		assertThatThrownBy(() -> this.requests.request(this.worker, this.contract.getId(), form))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThatThrownBy(() -> this.requests.request(this.officer, this.contract.getId(), form))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThatThrownBy(() -> this.requests.request(this.otherLead, this.contract.getId(), form))
			.isInstanceOf(NotFoundProblem.class);
		AssetRequest request = this.requests.request(this.lead, this.contract.getId(), form);
		// Every party reads it; another contractor gets not-found.
		for (Actor reader : List.of(this.officer, this.secadmin, this.auditor, this.lead, this.worker)) {
			assertThat(this.requests.detail(reader, request.getId()).request().getId()).isEqualTo(request.getId());
		}
		assertThatThrownBy(() -> this.requests.detail(this.otherLead, request.getId()))
			.isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> this.requests.open(this.otherLead, request.getId(), false))
			.isInstanceOf(NotFoundProblem.class);
		// Only the client's officers decide: not the auditor, not the contractor.
		for (Actor notChecker : List.of(this.auditor, this.lead, this.worker)) {
			assertThatThrownBy(() -> this.requests.approve(notChecker, request.getId(), new AssetStepForm()))
				.isInstanceOf(AccessDeniedProblem.class);
		}
		assertThatThrownBy(() -> this.requests.approve(this.otherLead, request.getId(), new AssetStepForm()))
			.isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> this.requests.reject(this.officer, request.getId(), " "))
			.isInstanceOf(InvalidInputProblem.class);
		this.requests.reject(this.officer, request.getId(), "目的が不明確です");
		assertThat(this.requests.detail(this.lead, request.getId()).request().getStatus())
			.isEqualTo(RequestStatus.REJECTED);
		assertThat(this.jdbc.sql("select count(*) from asset_request where id = ? and decided_by <> requested_by")
			.param(request.getId())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(audits("ASSET_REQUEST_REJECTED", request.getId())).isEqualTo(1);
	}

	@Test
	void aTakeOutOfMediaWithoutTheProtectionTheClausesDemandIsRefusedCitingTheClause() throws Exception {
		this.today = ItakuTime.today(this.clock);
		setUp("nerima", Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		UUID asset = receiveMedium(true);
		AssetRequestForm form = request(RequestType.TAKE_OUT, asset);
		form.setDestination("委託者 本庁舎");
		form.setPlannedEnd(now().plusHours(2));
		form.setPersonId(this.colleague.getId());
		assertThatThrownBy(() -> this.requests.request(this.lead, this.contract.getId(), form))
			.isInstanceOf(InvalidInputProblem.class)
			.satisfies((ex) -> {
				FieldProblem problem = ((InvalidInputProblem) ex).getFieldProblems().get(0);
				assertThat(problem.field()).isEqualTo("encrypted");
				assertThat(problem.arguments()).contains("第18条⑶");
			});
		assertThat(this.overviews.overview(this.lead, this.contract.getId()).requests()).isEmpty();

		// With the protection declared, the take-out goes out and back into the register
		// of Nerima 18⑵, whose extract is an archival PDF with the columns it lists.
		form.setEncrypted(true);
		AssetRequest request = this.requests.request(this.lead, this.contract.getId(), form);
		this.requests.approve(this.officer, request.getId(), new AssetStepForm());
		this.requests.start(this.lead, request.getId(), at(now().minusHours(1), null));
		this.requests.finish(this.lead, request.getId(), at(now(), this.handover.getId()));
		ArchivalPdf.assertArchivalWith(submitted(Deliverable.TAKE_OUT_REGISTER, AssetSubmissions.key(request)),
				"持出し管理簿", request.getNumber(), "中村由美");
	}

	@Test
	void aBringInIsApprovedThenRecordedInAndOut() throws Exception {
		this.today = ItakuTime.today(this.clock);
		setUp("kadoma", Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		AssetRequestForm form = request(RequestType.BRING_IN);
		form.setItemDescription("保守用ノートPC（資産番号 MT-0042）");
		form.setItemKind(BringInKind.DEVICE);
		form.setDestination("門真市役所 本館3階 電算室");
		form.setPlannedEnd(now().plusHours(4));
		form.setPersonId(this.colleague.getId());
		AssetRequest request = this.requests.request(this.lead, this.contract.getId(), form);
		assertThat(this.obligationReads.findUnscoped(this.contract.getId(), Deliverable.BRING_IN_REQUEST,
				AssetSubmissions.key(request)))
			.isNotEmpty();
		ArchivalPdf.assertArchivalWith(read(this.requests.open(this.officer, request.getId(), false)), "機器等持込み申請書",
				"保守用ノートPC", "門真市役所本館3階電算室");
		assertThatThrownBy(() -> this.requests.start(this.lead, request.getId(), at(now(), null)))
			.isInstanceOf(InvalidInputProblem.class);
		this.requests.approve(this.secadmin, request.getId(), new AssetStepForm());
		this.requests.start(this.lead, request.getId(), at(now().minusHours(1), null));
		this.requests.finish(this.lead, request.getId(), at(now(), this.colleague.getId()));
		assertThat(this.requests.detail(this.auditor, request.getId()).request().getStatus())
			.isEqualTo(RequestStatus.COMPLETED);
		assertThat(audits("ASSET_BROUGHT_IN", request.getId())).isEqualTo(1);
		assertThat(audits("ASSET_BRING_IN_REMOVED", request.getId())).isEqualTo(1);
	}

	@Test
	void anUntrackedShipmentOfImportantInformationOnMediaIsRefusedCitingNerima17() throws Exception {
		this.today = ItakuTime.today(this.clock);
		setUp("nerima", Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		UUID asset = receiveMedium(true);
		ShipmentForm form = new ShipmentForm();
		form.setAssetId(asset);
		form.setMethod(ShipmentMethod.ORDINARY_MAIL);
		form.setEncrypted(true);
		form.setDestination("練馬区役所 区民情報課");
		form.setRecipient("山田 一郎");
		form.setRecipientKind(ShipmentRecipient.CLIENT);
		form.setShippedAt(now().minusMinutes(30));
		form.setSenderId(this.handover.getId());
		assertThatThrownBy(() -> this.shipments.ship(this.lead, this.contract.getId(), form))
			.isInstanceOf(InvalidInputProblem.class)
			.satisfies((ex) -> {
				List<FieldProblem> problems = ((InvalidInputProblem) ex).getFieldProblems();
				assertThat(problems).hasSize(1);
				assertThat(problems.get(0).field()).isEqualTo("method");
				assertThat(problems.get(0).messageKey()).isEqualTo("asset.rule.trackedMail");
				assertThat(problems.get(0).arguments()).containsExactly("練馬区", "第17条⑶");
			});
		assertThat(statusOf(asset)).isEqualTo(AssetEvent.Status.IN_CUSTODY);
		assertThat(this.overviews.overview(this.lead, this.contract.getId()).shipments()).isEmpty();

		form.setMethod(ShipmentMethod.TRACKED_MAIL);
		form.setTrackingNumber("1234-5678-9012");
		AssetShipment shipment = this.shipments.ship(this.lead, this.contract.getId(), form);
		assertThat(shipment.getNumber()).startsWith("送-");
		assertThat(statusOf(asset)).isEqualTo(AssetEvent.Status.IN_TRANSIT);
		assertThat(this.obligationReads.findUnscoped(this.contract.getId(), Deliverable.SHIPMENT_REGISTER,
				"SHIP-" + shipment.getNumber()))
			.isNotEmpty()
			.allSatisfy((o) -> assertThat(o.getStatus()).isEqualTo(ObligationStatus.SUBMITTED));
		ArchivalPdf.assertArchivalWith(submitted(Deliverable.SHIPMENT_REGISTER, "SHIP-" + shipment.getNumber()),
				"送付管理簿", shipment.getNumber(), "特定記録郵便");
		assertThat(submittedFileName(Deliverable.SHIPMENT_REGISTER, "SHIP-" + shipment.getNumber()))
			.isEqualTo("送付管理簿_" + shipment.getNumber() + ".pdf");
		AssetStepForm arrival = at(now(), null);
		arrival.setConfirmedBy("区民情報課 山田 一郎");
		this.shipments.arrived(this.lead, shipment.getId(), arrival);
		assertThat(statusOf(asset)).isEqualTo(AssetEvent.Status.IN_CUSTODY);
		assertThat(audits("ASSET_SHIPPED", shipment.getId())).isEqualTo(1);
		assertThat(audits("ASSET_SHIPMENT_ARRIVED", shipment.getId())).isEqualTo(1);
	}

	@Test
	void aShipmentToAThirdPartyNeedsTheClientsApprovalValidOnTheDay() throws Exception {
		this.today = ItakuTime.today(this.clock);
		setUp("nerima", Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		UUID asset = receiveMedium(false);
		ShipmentForm form = new ShipmentForm();
		form.setAssetId(asset);
		form.setMethod(ShipmentMethod.TRACKED_MAIL);
		form.setTrackingNumber("1111-2222-3333");
		form.setEncrypted(true);
		form.setDestination("株式会社ねりま印刷 練馬工場");
		form.setRecipient("株式会社ねりま印刷");
		form.setShippedAt(now().minusMinutes(30));
		form.setSenderId(this.handover.getId());

		// Whom it goes to must be said; a third party without approval is refused naming
		// the field and 第14条, in the API as problem+json, and nothing is written.
		assertThatThrownBy(() -> this.shipments.ship(this.lead, this.contract.getId(), form)).isInstanceOfSatisfying(
				InvalidInputProblem.class, (ex) -> assertThat(ex.getFieldProblems()).extracting(FieldProblem::field)
					.containsExactly("recipientKind"));
		form.setRecipientKind(ShipmentRecipient.THIRD_PARTY);
		assertThatThrownBy(() -> this.shipments.ship(this.lead, this.contract.getId(), form)).isInstanceOfSatisfying(
				InvalidInputProblem.class, (ex) -> assertThat(ex.getFieldProblems()).singleElement().satisfies((f) -> {
					assertThat(f.field()).isEqualTo("recipient");
					assertThat(f.messageKey()).isEqualTo("approval.gate.missing");
					assertThat(f.arguments()).contains("第14条");
				}));
		this.mvc
			.perform(post("/api/v1/contracts/{id}/asset-shipments", this.contract.getId())
				.with(authentication(this.fixtures.signedIn(this.leadUser)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"assetId\":\"" + asset
						+ "\",\"method\":\"TRACKED_MAIL\",\"trackingNumber\":\"1111-2222-3333\","
						+ "\"encrypted\":true,\"destination\":\"株式会社ねりま印刷 練馬工場\",\"recipient\":\"株式会社ねりま印刷\","
						+ "\"recipientKind\":\"THIRD_PARTY\",\"shippedAt\":\"" + now().minusMinutes(30)
						+ "\",\"senderId\":\"" + this.handover.getId() + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("recipient"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("第14条")));
		assertThat(statusOf(asset)).isEqualTo(AssetEvent.Status.IN_CUSTODY);
		assertThat(this.overviews.overview(this.lead, this.contract.getId()).shipments()).isEmpty();

		// Approved for that third party: accepted, and the register names the approval.
		ApprovalForm application = new ApprovalForm();
		application.setAction(GuardedAction.THIRD_PARTY_PROVISION);
		application.setReason("券面印刷を委ねるため");
		application.setThirdParty("株式会社ねりま印刷");
		application.setSafeguards("施錠・入退室管理、作業後に消去");
		application.setPurpose("納税通知書の券面印刷");
		application.setPeriodFrom(this.today);
		application.setPeriodUntil(this.today.plusDays(30));
		application.setInformation("印字データ（氏名・住所）");
		Approval approval = this.approvals.apply(this.lead, this.contract.getId(), application, List.of());
		DecisionForm decision = new DecisionForm();
		decision.setValidFrom(this.today.minusDays(1));
		decision.setValidUntil(this.today.plusDays(30));
		this.approvals.approve(this.officer, approval.getId(), decision);
		AssetShipment shipment = this.shipments.ship(this.lead, this.contract.getId(), form);
		assertThat(shipment.getRecipientKind()).isEqualTo(ShipmentRecipient.THIRD_PARTY);
		assertThat(shipment.getApprovalId()).isEqualTo(approval.getId());
		this.mvc
			.perform(get("/contracts/{id}/assets", this.contract.getId())
				.with(authentication(this.fixtures.signedIn(this.leadUser))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("承認 " + approval.number() + " による")));
		AssetStepForm arrival = at(now(), null);
		arrival.setConfirmedBy("ねりま印刷 受付");
		this.shipments.arrived(this.lead, shipment.getId(), arrival);

		// Once the approval has expired, refused again, also when it is named.
		this.jdbc.sql("update approval set valid_until = ? where id = ?")
			.params(this.today.minusDays(1), approval.getId())
			.update();
		assertThatThrownBy(() -> this.shipments.ship(this.lead, this.contract.getId(), form)).isInstanceOfSatisfying(
				InvalidInputProblem.class,
				(ex) -> assertThat(ex.getFieldProblems().get(0).arguments()).contains("第14条"));
		form.setApprovalId(approval.getId());
		assertThatThrownBy(() -> this.shipments.ship(this.lead, this.contract.getId(), form)).isInstanceOfSatisfying(
				InvalidInputProblem.class, (ex) -> assertThat(ex.getFieldProblems()).extracting(FieldProblem::field)
					.containsExactly("approvalId"));
		assertThat(this.overviews.overview(this.lead, this.contract.getId()).shipments()).hasSize(1);
	}

	@Test
	void operationalBackupsAreDeclaredOnceApprovedByTheClientAndErasedAtTheEnd() {
		BackupForm form = new BackupForm();
		form.setDescription("入力システムのデータベース（日次）");
		form.setStorage("データセンター内 バックアップ装置");
		form.setRetention("7世代");
		this.backups.declareBackups(this.lead, this.contract.getId(), form);
		assertThatThrownBy(() -> this.backups.declareBackups(this.lead, this.contract.getId(), form))
			.isInstanceOf(InvalidInputProblem.class);
		assertThatThrownBy(() -> this.backups.approveBackups(this.lead, this.contract.getId()))
			.isInstanceOf(AccessDeniedProblem.class);
		this.backups.approveBackups(this.officer, this.contract.getId());
		assertThat(this.closingCheck.blockers(this.contract.getId())).extracting(FieldProblem::messageKey)
			.containsExactly("asset.close.backups");
		AssetRequestForm disposal = request(RequestType.DISPOSAL);
		disposal.setMethod(DisposalMethod.SECURE_ERASURE);
		disposal.setIncludeBackups(true);
		AssetRequest request = this.requests.request(this.lead, this.contract.getId(), disposal);
		this.requests.approve(this.officer, request.getId(), new AssetStepForm());
		AssetStepForm report = at(now(), this.handover.getId());
		report.setDetail("バックアップ装置の全世代を消去ソフトウェアで上書き消去した");
		this.requests.report(this.lead, request.getId(), report);
		assertThat(this.overviews.overview(this.officer, this.contract.getId()).backup().isErased()).isTrue();
		assertThat(this.closingCheck.blockers(this.contract.getId())).isEmpty();
	}

	private static AssetRequestForm withCopies(AssetRequestForm form, int copies) {
		form.setCopies(copies);
		return form;
	}

}
