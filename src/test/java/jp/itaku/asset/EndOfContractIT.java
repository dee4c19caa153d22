package jp.itaku.asset;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractStatus;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.obligation.Obligations;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The duties due at the end of the contract, as the clauses say them: a return where
 * assets received are still held (Setagaya 29, Gunma 13②), a disposal report only when
 * return was impossible (Setagaya 29) or a copy was made (Setagaya 7) — never on a
 * contract whose assets all went back.
 */
@IntegrationTest
class EndOfContractIT {

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
	AssetBackups backups;

	@Autowired
	Clock clock;

	Actor officer;

	Actor lead;

	Contract contract;

	RosterMember handover;

	private void contract(String profile) {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officer = this.fixtures.actor(this.fixtures.user(client, Role.CLIENT_OFFICER));
		this.lead = this.fixtures.actor(this.fixtures.user(contractor, Role.CONTRACTOR_LEAD));
		LocalDate today = ItakuTime.today(this.clock);
		var form = this.fixtures.contractForm(contractor, profile, today.minusMonths(3),
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		this.contract = this.contracts.register(this.officer, form);
		this.contracts.activate(this.officer, this.contract.getId());
		RosterMemberForm member = new RosterMemberForm();
		member.setName("山本 健一");
		member.setAffiliation("公共事業部");
		member.setRole(WorkerRole.WORKER);
		member.setDuties("申請書の入力");
		member.setHandlesPersonalInformation(true);
		member.setHandoverPerson(true);
		member.setPeriodStart(this.contract.getPeriodStart());
		this.handover = this.rosters.activate(this.lead,
				this.rosters.add(this.lead, this.contract.getId(), member).getId(), "試験");
	}

	private UUID receive() {
		ReceiptForm receipt = new ReceiptForm();
		receipt.setReceivedAt(now().minusDays(2));
		receipt.setReceiverId(this.handover.getId());
		receipt.setHandedOverBy("区民情報課 主任 山田 一郎");
		AssetItemForm item = new AssetItemForm();
		item.setKind(AssetKind.ELECTRONIC_MEDIUM);
		item.setDescription("住民異動データ 暗号化USBメモリ");
		item.setQuantity(1);
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

	private AssetStepForm step(String detail) {
		AssetStepForm step = new AssetStepForm();
		step.setAt(now());
		step.setPersonId(this.handover.getId());
		step.setDetail(detail);
		return step;
	}

	private void giveBack(UUID asset) {
		AssetRequestForm form = request(RequestType.RETURN, asset);
		form.setMethod(DisposalMethod.HAND_DELIVERY);
		AssetRequest request = this.requests.request(this.lead, this.contract.getId(), form);
		this.requests.approve(this.officer, request.getId(), new AssetStepForm());
		AssetStepForm report = step("区民情報課窓口で手渡しにより返還した");
		report.setReceivedBy("区民情報課 主任 山田 一郎");
		this.requests.report(this.lead, request.getId(), report);
		this.requests.confirmReturn(this.officer, request.getId());
	}

	private UUID copy(UUID asset) {
		AssetRequestForm form = request(RequestType.COPY, asset);
		form.setCopies(1);
		AssetRequest copy = this.requests.request(this.lead, this.contract.getId(), form);
		this.requests.approve(this.officer, copy.getId(), new AssetStepForm());
		AssetStepForm step = new AssetStepForm();
		step.setAt(now().minusHours(1));
		step.setPersonId(this.handover.getId());
		return this.requests.recordCopy(this.lead, copy.getId(), step).getId();
	}

	private void dispose(UUID... assets) {
		AssetRequestForm form = request(RequestType.DISPOSAL, assets);
		form.setMethod(DisposalMethod.SECURE_ERASURE);
		AssetRequest disposal = this.requests.request(this.lead, this.contract.getId(), form);
		this.requests.approve(this.officer, disposal.getId(), new AssetStepForm());
		this.requests.report(this.lead, disposal.getId(), step("消去ソフトウェアで上書き消去した"));
	}

	/** The contract's obligations due at its end, as clause and deliverable. */
	private List<String> endDuties() {
		return this.obligations.forContract(this.officer, this.contract.getId())
			.stream()
			.filter((o) -> "END".equals(o.getPeriodKey()))
			.map((o) -> o.getClauseRef() + " " + o.getDeliverable())
			.toList();
	}

	private Obligation endDuty(String clause, Deliverable deliverable) {
		return this.obligations.forContract(this.officer, this.contract.getId())
			.stream()
			.filter((o) -> "END".equals(o.getPeriodKey()) && o.getClauseRef().equals(clause)
					&& o.getDeliverable() == deliverable)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aSetagayaContractWhoseAssetsWereAllReturnedOwesNoDisposalReportAndCloses() {
		contract("setagaya");
		giveBack(receive());
		this.contracts.end(this.officer, this.contract.getId());
		assertThat(endDuties()).isEmpty();
		this.contracts.close(this.officer, this.contract.getId());
		assertThat(this.contracts.get(this.officer, this.contract.getId()).getStatus())
			.isEqualTo(ContractStatus.CLOSED);
	}

	@Test
	void anAssetNotReturnedAtTheEndRaisesSetagaya29sReturnWhichTheReturnMeets() {
		contract("setagaya");
		UUID asset = receive();
		this.contracts.end(this.officer, this.contract.getId());
		// No copy was made and nothing disposed of: no disposal report of 7 or 29.
		assertThat(endDuties()).containsExactly("29 RETURN_RECORD");
		Obligation giveBack = endDuty("29", Deliverable.RETURN_RECORD);
		assertThat(giveBack.getOrigin()).isEqualTo(Obligation.Origin.RAISED);
		assertThat(giveBack.getDueDate()).isAfterOrEqualTo(ItakuTime.today(this.clock));
		assertThatThrownBy(() -> this.contracts.close(this.officer, this.contract.getId()))
			.isInstanceOf(InvalidInputProblem.class)
			.satisfies((ex) -> assertThat(((InvalidInputProblem) ex).getFieldProblems())
				.extracting(FieldProblem::messageKey)
				.contains("contract.closeBlocker.obligation", "asset.close.asset"));

		giveBack(asset);
		assertThat(this.obligationReads.findUnscoped(giveBack.getId()).orElseThrow().getStatus())
			.isEqualTo(ObligationStatus.ACCEPTED);
		this.contracts.close(this.officer, this.contract.getId());
	}

	@Test
	void aDisposalAfterTheEndBecauseReturnWasImpossibleRaisesSetagaya29sReportMetByTheCertificate() {
		contract("setagaya");
		UUID asset = receive();
		this.contracts.end(this.officer, this.contract.getId());
		dispose(asset);
		Obligation report = endDuty("29", Deliverable.DISPOSAL_REPORT);
		assertThat(report.getStatus()).isEqualTo(ObligationStatus.SUBMITTED);
		assertThat(endDuties()).doesNotContain("7 DISPOSAL_REPORT");
		// Return was impossible: the certificate answers the return too, for the ward to
		// accept or return, instead of leaving it open for ever.
		assertThat(endDuty("29", Deliverable.RETURN_RECORD).getStatus()).isEqualTo(ObligationStatus.SUBMITTED);
	}

	@Test
	void aCopyMadeDuringTheContractRaisesSetagaya7sReportAtTheEndAndNoCopyNone() {
		contract("setagaya");
		UUID asset = receive();
		copy(asset);
		this.contracts.end(this.officer, this.contract.getId());
		assertThat(endDuties()).containsExactlyInAnyOrder("7 DISPOSAL_REPORT", "29 RETURN_RECORD");
		assertThat(endDuty("7", Deliverable.DISPOSAL_REPORT).getSubject()).contains("複写物 1 件");
	}

	@Test
	void gunmaAssetsStillHeldAtTheEndAreNoLongerNeededAndRaise13_2sReturn() {
		contract("gunma");
		receive();
		this.contracts.end(this.officer, this.contract.getId());
		assertThat(endDuties()).contains("第13条第2項 RETURN_RECORD");
	}

	@Test
	void gunma13_2sReturnOrDisposalIsMetByAnApprovedDisposalAsByAReturn() {
		contract("gunma");
		UUID asset = receive();
		this.contracts.end(this.officer, this.contract.getId());
		Obligation giveBack = endDuty("第13条第2項", Deliverable.RETURN_RECORD);
		assertThat(giveBack.getStatus()).isEqualTo(ObligationStatus.OPEN);
		// 「返還または甲の承認を得た上で廃棄する」: the approved disposal's certificate meets it.
		dispose(asset);
		assertThat(this.obligationReads.findUnscoped(giveBack.getId()).orElseThrow().getStatus())
			.isEqualTo(ObligationStatus.SUBMITTED);
	}

	@Test
	void kadoma9_1sReturnOrDisposalOfWhatIsNoLongerNeededIsMetByTheDisposalCertificate() {
		contract("kadoma");
		UUID asset = receive();
		AssetRequestForm form = request(RequestType.DISPOSAL, asset);
		form.setMethod(DisposalMethod.SECURE_ERASURE);
		AssetRequest disposal = this.requests.request(this.lead, this.contract.getId(), form);
		String key = AssetSubmissions.key(disposal);
		Obligation giveBack = this.obligationReads.findUnscoped(this.contract.getId(), Deliverable.RETURN_RECORD, key)
			.stream()
			.filter((o) -> o.getClauseRef().equals("9(1)ア"))
			.findFirst()
			.orElseThrow();
		this.requests.approve(this.officer, disposal.getId(), new AssetStepForm());
		this.requests.report(this.lead, disposal.getId(), step("消去ソフトウェアで上書き消去した"));
		assertThat(this.obligationReads.findUnscoped(giveBack.getId()).orElseThrow().getStatus())
			.isEqualTo(ObligationStatus.SUBMITTED);
		assertThat(this.obligationReads.findUnscoped(this.contract.getId(), Deliverable.DISPOSAL_REPORT, key))
			.isNotEmpty()
			.allSatisfy((o) -> assertThat(o.getStatus()).isEqualTo(ObligationStatus.SUBMITTED));
	}

	@Test
	void setagaya19sBackupMethodIsApprovedOnTheBackupDeclarationNotOnEveryCopy() {
		contract("setagaya");
		UUID asset = receive();
		AssetRequest copy = this.requests.request(this.lead, this.contract.getId(),
				withCopies(request(RequestType.COPY, asset)));
		assertThat(this.obligationReads.findUnscoped(this.contract.getId(), Deliverable.COPY_REQUEST,
				AssetSubmissions.key(copy)))
			.extracting(Obligation::getClauseRef)
			.containsExactly("7");

		BackupForm form = new BackupForm();
		form.setDescription("入力システムのデータベース（日次）");
		form.setStorage("データセンター内 バックアップ装置");
		form.setRetention("7世代");
		this.backups.declareBackups(this.lead, this.contract.getId(), form);
		assertThat(
				this.obligationReads.findUnscoped(this.contract.getId(), Deliverable.WRITTEN_NOTICE, AssetBackups.KEY))
			.singleElement()
			.satisfies((notice) -> assertThat(notice.getClauseRef()).isEqualTo("19"));
	}

	private static AssetRequestForm withCopies(AssetRequestForm form) {
		form.setCopies(1);
		return form;
	}

}
