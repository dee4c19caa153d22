package jp.itaku.subcontract;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jp.itaku.account.UserAccount;
import jp.itaku.asset.AssetItemForm;
import jp.itaku.asset.AssetKind;
import jp.itaku.asset.AssetReceipt;
import jp.itaku.asset.AssetRegister;
import jp.itaku.asset.ReceiptForm;
import jp.itaku.asset.StorageLocation;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.incident.Incident;
import jp.itaku.incident.IncidentCategory;
import jp.itaku.incident.IncidentForm;
import jp.itaku.incident.Incidents;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.roster.MemberStatus;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import jp.itaku.support.TestMailServer;
import jp.itaku.training.AttendanceResult;
import jp.itaku.training.Pledge;
import jp.itaku.training.Pledges;
import jp.itaku.training.SessionKind;
import jp.itaku.training.TrainingSessionForm;
import jp.itaku.training.Trainings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Subcontractors work in the system under the contract's clauses: each keeps its own
 * roster and reports its own incidents once approved, sees only its part (its own records
 * and those of the levels below it), and an incident at a subcontractor reaches the
 * client's security administrators and every level above it up to the contractor (Nerima
 * 24②).
 */
@IntegrationTest
class SubcontractorPartIT {

	static final ServerSetup SMTP = TestMailServer.freeSmtp();

	@RegisterExtension
	static final GreenMailExtension mailServer = TestMailServer.greenMail(SMTP);

	@DynamicPropertySource
	static void pointMailAtTheTestServer(DynamicPropertyRegistry registry) {
		TestMailServer.pointAt(registry, SMTP);
	}

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Subcontracts subcontracts;

	@Autowired
	Rosters rosters;

	@Autowired
	Incidents incidents;

	@Autowired
	StaffNotices staffNotices;

	@Autowired
	Pledges pledges;

	@Autowired
	Trainings trainings;

	@Autowired
	AssetRegister register;

	@Autowired
	ObligationSystemReads obligationReads;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	UserAccount secadminUser;

	UserAccount leadUser;

	UserAccount sub1LeadUser;

	UserAccount sub2LeadUser;

	UserAccount sub1WorkerUser;

	UserAccount sub2WorkerUser;

	UserAccount otherLeadUser;

	Actor officer;

	Actor lead;

	Actor sub1Lead;

	Actor sub2Lead;

	Actor sub2Worker;

	Actor otherLead;

	Contract contract;

	Subcontract first;

	Organisation sub2;

	Organisation contractorOrganisation;

	Organisation sub1Organisation;

	@BeforeEach
	void setUp() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Organisation sub1 = this.fixtures.organisation(OrganisationKind.SUBCONTRACTOR);
		this.contractorOrganisation = contractor;
		this.sub1Organisation = sub1;
		this.sub2 = this.fixtures.organisation(OrganisationKind.SUBCONTRACTOR);
		Organisation sub2 = this.sub2;
		Organisation unrelated = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officer = this.fixtures.actor(this.fixtures.user(client, Role.CLIENT_OFFICER));
		this.secadminUser = this.fixtures.user(client, Role.CLIENT_SECURITY_ADMIN);
		this.leadUser = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		this.sub1LeadUser = this.fixtures.user(sub1, Role.CONTRACTOR_LEAD);
		this.sub2LeadUser = this.fixtures.user(sub2, Role.CONTRACTOR_LEAD);
		this.sub1WorkerUser = this.fixtures.user(sub1, Role.CONTRACTOR_WORKER);
		this.sub2WorkerUser = this.fixtures.user(sub2, Role.CONTRACTOR_WORKER);
		this.otherLeadUser = this.fixtures.user(unrelated, Role.CONTRACTOR_LEAD);
		this.lead = this.fixtures.actor(this.leadUser);
		this.sub1Lead = this.fixtures.actor(this.sub1LeadUser);
		this.sub2Lead = this.fixtures.actor(this.sub2LeadUser);
		this.sub2Worker = this.fixtures.actor(this.sub2WorkerUser);
		this.otherLead = this.fixtures.actor(this.otherLeadUser);
		LocalDate start = ItakuTime.today(this.clock).minusMonths(1);
		this.contract = this.contracts.register(this.officer, this.fixtures.contractForm(contractor, "kadoma", start,
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION, ContractAttribute.HAS_SUBCONTRACTORS)));
		this.first = this.subcontracts.apply(this.lead, this.contract.getId(), SubcontractsIT.form(sub1));
	}

	@Test
	void aSubcontractorKeepsItsOwnRosterOnlyAfterApproval() throws Exception {
		UUID id = this.contract.getId();
		// Before approval: no roster, no page, nothing to add to.
		assertThatThrownBy(() -> this.rosters.members(this.sub1Lead, id)).isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> this.rosters.add(this.sub1Lead, id, worker("再委託 花子")))
			.isInstanceOf(NotFoundProblem.class);
		this.mvc.perform(get("/contracts/{id}/roster", id).with(as(this.sub1LeadUser)))
			.andExpect(status().isNotFound());

		this.subcontracts.approve(this.officer, this.first.getId());
		RosterMember own = this.rosters.add(this.lead, id, this.fixtures.forNotice(this.contract, worker("受託 太郎")));
		RosterMember theirs = this.rosters.add(this.sub1Lead, id,
				this.fixtures.forNotice(this.contract, worker("再委託 花子")));
		assertThat(theirs.getOrganisationId()).isEqualTo(this.sub1Lead.organisationId());
		// The subcontractor's lead starts its own worker (here with an audited override).
		assertThat(this.rosters.activate(this.sub1Lead, theirs.getId(), "誓約書は紙で受領済み").getStatus())
			.isEqualTo(MemberStatus.ACTIVE);

		// Its part: its own workers only; the contractor and the client see both.
		assertThat(names(this.rosters.members(this.sub1Lead, id))).containsExactly("再委託 花子");
		assertThat(names(this.rosters.members(this.lead, id))).containsExactlyInAnyOrder("受託 太郎", "再委託 花子");
		assertThat(names(this.rosters.members(this.officer, id))).containsExactlyInAnyOrder("受託 太郎", "再委託 花子");
		assertThatThrownBy(() -> this.rosters.member(this.sub1Lead, own.getId())).isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> this.rosters.members(this.otherLead, id)).isInstanceOf(NotFoundProblem.class);

		// Each keeps its own: the contractor does not change the subcontractor's worker,
		// nor the subcontractor the contractor's; notices stay the contractor's.
		assertThatThrownBy(() -> this.rosters.leave(this.lead, theirs.getId(), LocalDate.now(this.clock)))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThatThrownBy(() -> this.rosters.leave(this.sub1Lead, own.getId(), LocalDate.now(this.clock)))
			.isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> this.rosters.fileNotice(this.sub1Lead, id)).isInstanceOf(NotFoundProblem.class);
		assertThat(this.rosters.fileNotice(this.lead, id).getNumber()).isEqualTo(1);

		// The page shows the subcontractor its part, without the notices.
		this.mvc.perform(get("/contracts/{id}/roster", id).with(as(this.sub1LeadUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("再委託 花子")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("受託 太郎"))))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("subcontractor-part")));
		this.mvc.perform(get("/contracts/{id}/roster", id).with(as(this.leadUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("subcontractor-badge")));
	}

	@Test
	void anIncidentAtASubSubcontractorReachesTheClientAndEveryLevelAbove() throws Exception {
		UUID id = this.contract.getId();
		this.subcontracts.approve(this.officer, this.first.getId());
		Subcontract second = this.subcontracts.apply(this.sub1Lead, id, SubcontractsIT.form(this.sub2));
		// Not before its approval.
		assertThatThrownBy(() -> this.incidents.report(this.sub2Worker, id, incident()))
			.isInstanceOf(NotFoundProblem.class);
		this.subcontracts.approve(this.officer, second.getId());
		RosterMember upper = this.rosters.add(this.sub1Lead, id, worker("一次 委託"));
		RosterMember lower = this.rosters.add(this.sub2Lead, id, worker("二次 委託"));
		mailServer.purgeEmailFromAllMailboxes();

		Incident incident = this.incidents.report(this.sub2Worker, id, incident());

		// The written report reached the client through the obligation it raised.
		List<Obligation> reports = this.obligationReads.findUnscoped(id, Deliverable.INCIDENT_REPORT,
				incident.getNumber());
		assertThat(reports).isNotEmpty().allMatch((o) -> o.getStatus() == ObligationStatus.SUBMITTED);
		// Mail: the client's security administrator, and the leads of both levels above.
		assertThat(recipientsOf(incident, 3)).containsExactlyInAnyOrder(this.secadminUser.getEmail(),
				this.leadUser.getEmail(), this.sub1LeadUser.getEmail());
		assertThat(upstreamBodies(incident)).allMatch((b) -> b.contains(this.sub2.getName()));

		// Who sees it: the client, the contractor, both subcontractors; not an unrelated
		// one.
		for (Actor reader : List.of(this.officer, this.lead, this.sub1Lead, this.sub2Lead)) {
			assertThat(this.incidents.list(reader, id).incidents()).extracting(Incident::getId)
				.containsExactly(incident.getId());
		}
		assertThatThrownBy(() -> this.incidents.list(this.otherLead, id)).isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> this.incidents.detail(this.otherLead, incident.getId()))
			.isInstanceOf(NotFoundProblem.class);
		// A subcontractor does not see the contractor's incidents nor the plan.
		Incident contractors = this.incidents.report(this.lead, id, incident());
		assertThat(this.incidents.list(this.sub2Lead, id).incidents()).extracting(Incident::getId)
			.containsExactly(incident.getId());
		assertThat(this.incidents.list(this.sub2Lead, id).plan()).isNull();
		assertThatThrownBy(() -> this.incidents.detail(this.sub1Lead, contractors.getId()))
			.isInstanceOf(NotFoundProblem.class);
		// The reporting subcontractor keeps its record: it adds to the timeline.
		assertThat(this.incidents.addUpdate(this.sub2Lead, incident.getId(), "封じ込め完了").getText()).isEqualTo("封じ込め完了");
		// Roster: the upper level supervises the lower one's workers, not the other way.
		assertThat(names(this.rosters.members(this.sub1Lead, id))).containsExactlyInAnyOrder("一次 委託", "二次 委託");
		assertThat(names(this.rosters.members(this.sub2Lead, id))).containsExactly("二次 委託");
		assertThat(upper.getId()).isNotEqualTo(lower.getId());
	}

	@Test
	void gunmaStaffNoticesNameTheSubcontractorsWorkersAndEveryChange() {
		Contract gunma = this.contracts.register(this.officer,
				this.fixtures.contractForm(this.contractorOrganisation, "gunma",
						ItakuTime.today(this.clock).minusMonths(1),
						Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION, ContractAttribute.HAS_SUBCONTRACTORS)));
		UUID id = gunma.getId();
		Subcontract s = this.subcontracts.apply(this.lead, id, SubcontractsIT.form(this.sub1Organisation));
		this.subcontracts.approve(this.officer, s.getId());
		// Approval raised 14③'s first notice; nothing on the roster yet, so nothing to
		// file.
		assertThat(staffObligations(id, "SUBOK-" + s.getSeq())).extracting(Obligation::getStatus)
			.containsExactly(ObligationStatus.OPEN);
		assertThatThrownBy(() -> this.staffNotices.file(this.lead, s.getId()))
			.isInstanceOf(jp.itaku.platform.InvalidInputProblem.class);

		RosterMemberForm securityLead = worker("責任 一郎");
		securityLead.setRole(WorkerRole.SECURITY_LEAD);
		this.rosters.add(this.sub1Lead, id, securityLead);
		this.rosters.add(this.sub1Lead, id, worker("入力 花子"));
		// Only the level that applied files it.
		assertThatThrownBy(() -> this.staffNotices.file(this.sub1Lead, s.getId()))
			.isInstanceOf(AccessDeniedProblem.class);
		StaffNotice first = this.staffNotices.file(this.lead, s.getId());
		assertThat(first.getNumber()).isEqualTo(1);
		assertThat(first.getSecurityLead()).isEqualTo("責任 一郎");
		assertThat(first.getWorkers()).isEqualTo(2);
		assertThat(staffObligations(id, "SUBOK-" + s.getSeq())).extracting(Obligation::getStatus)
			.containsExactly(ObligationStatus.SUBMITTED);

		// A change to the subcontractor's staff raises the change notice at once.
		RosterMember added = this.rosters.add(this.sub1Lead, id, worker("入力 次郎"));
		assertThat(staffObligations(id, "SUBSTAFF-" + s.getSeq() + "-2")).extracting(Obligation::getStatus)
			.containsExactly(ObligationStatus.OPEN);
		this.rosters.leave(this.sub1Lead, added.getId(), LocalDate.now(this.clock.withZone(ItakuTime.ZONE)));
		assertThat(staffObligations(id, "SUBSTAFF-" + s.getSeq() + "-2")).hasSize(1);
		StaffNotice second = this.staffNotices.file(this.lead, s.getId());
		assertThat(second.getNumber()).isEqualTo(2);
		assertThat(second.getWorkers()).isEqualTo(2);
		assertThat(staffObligations(id, "SUBSTAFF-" + s.getSeq() + "-2")).extracting(Obligation::getStatus)
			.containsExactly(ObligationStatus.SUBMITTED);
		// The contractor's own workers raise no subcontractor notice.
		this.rosters.add(this.lead, id, worker("受託 太郎"));
		assertThat(staffObligations(id, "SUBSTAFF-" + s.getSeq() + "-3")).isEmpty();

		// A further level: its applicant (the subcontractor) files, as the clause's 乙
		// does.
		Subcontract deeper = this.subcontracts.apply(this.sub1Lead, id, SubcontractsIT.form(this.sub2));
		this.subcontracts.approve(this.officer, deeper.getId());
		this.rosters.add(this.sub2Lead, id, worker("二次 三郎"));
		assertThat(this.staffNotices.file(this.sub1Lead, deeper.getId()).getNumber()).isEqualTo(1);
		assertThat(staffObligations(id, "SUBOK-" + deeper.getSeq())).extracting(Obligation::getStatus)
			.containsExactly(ObligationStatus.SUBMITTED);
		assertThat(this.subcontracts.chain(this.officer, id).staffNotices()).hasSize(3);
		assertThat(this.subcontracts.chain(this.sub2Lead, id).staffNotices()).hasSize(1);
	}

	@Test
	void aSubcontractorKeepsTheRegisterOfWhatItsOwnPeopleReceive() {
		// Setagaya 26: every receipt gets a custody receipt submitted to the client.
		Contract setagaya = this.contracts.register(this.officer,
				this.fixtures.contractForm(this.contractorOrganisation, "setagaya",
						ItakuTime.today(this.clock).minusMonths(1),
						Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION, ContractAttribute.HAS_SUBCONTRACTORS)));
		UUID id = setagaya.getId();
		Subcontract s = this.subcontracts.apply(this.lead, id, SubcontractsIT.form(this.sub1Organisation),
				SubcontractDocumentsIT.setagayaDocuments());
		this.subcontracts.approve(this.officer, s.getId());
		RosterMember ours = handover(this.lead, id, "受託 受領者");
		RosterMember theirs = handover(this.sub1Lead, id, "再委託 受領者");
		AssetReceipt contractors = this.register.receive(this.lead, id, receipt(ours));
		// A subcontractor records only what its own people received and hold.
		assertThatThrownBy(() -> this.register.receive(this.sub1Lead, id, receipt(ours))).isInstanceOfSatisfying(
				jp.itaku.platform.InvalidInputProblem.class,
				(p) -> assertThat(p.getFieldProblems()).extracting((f) -> f.field()).contains("receiverId"));
		AssetReceipt own = this.register.receive(this.sub1Lead, id, receipt(theirs));
		// Its custody receipt reached the client through the obligation it raised.
		assertThat(this.obligationReads.findUnscoped(id, Deliverable.CUSTODY_RECEIPT, "RECEIPT-" + own.getNumber()))
			.isNotEmpty()
			.allMatch((o) -> o.getStatus() == ObligationStatus.SUBMITTED);

		assertThat(this.register.register(this.sub1Lead, id).receipts()).extracting(AssetReceipt::getId)
			.containsExactly(own.getId());
		assertThat(this.register.register(this.lead, id).receipts()).extracting(AssetReceipt::getId)
			.containsExactlyInAnyOrder(own.getId(), contractors.getId());
		assertThat(this.register.register(this.officer, id).entries()).hasSize(2);
		assertThatThrownBy(() -> this.register.open(this.sub1Lead, contractors.getId()))
			.isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> this.register.register(this.otherLead, id)).isInstanceOf(NotFoundProblem.class);
		// The contractor sees the subcontractor's assets but does not correct them.
		UUID theirAsset = this.register.itemsOf(this.lead, own.getId()).get(0).getAssetId();
		assertThat(this.register.asset(this.lead, theirAsset).asset().getId()).isEqualTo(theirAsset);
		jp.itaku.asset.CorrectionForm correction = jp.itaku.asset.CorrectionForm
			.correcting(this.register.asset(this.lead, theirAsset).current());
		correction.setReason("保管場所の記載誤り");
		correction.setStorage(StorageLocation.SAFE);
		assertThatThrownBy(() -> this.register.correct(this.lead, theirAsset, correction))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThat(this.register.correct(this.sub1Lead, theirAsset, correction).getAssetId()).isEqualTo(theirAsset);
	}

	private RosterMember handover(Actor lead, UUID contractId, String name) {
		RosterMemberForm form = worker(name);
		form.setHandoverPerson(true);
		RosterMember member = this.rosters.add(lead, contractId, form);
		return this.rosters.activate(lead, member.getId(), "試験のため");
	}

	private ReceiptForm receipt(RosterMember receiver) {
		ReceiptForm receipt = new ReceiptForm();
		receipt.setReceivedAt(LocalDateTime.now(this.clock.withZone(ItakuTime.ZONE)).minusHours(1).withNano(0));
		receipt.setReceiverId(receiver.getId());
		receipt.setHandedOverBy("市民課 主任 門真 一郎");
		AssetItemForm item = new AssetItemForm();
		item.setKind(AssetKind.PAPER);
		item.setDescription("交付申請書の写し");
		item.setQuantity(20);
		item.setPersonal(true);
		item.setStorage(StorageLocation.LOCKED_CABINET);
		receipt.setItems(List.of(item));
		return receipt;
	}

	@Test
	void aSubcontractorsWorkersPledgeAndAttendTrainingSoTheyStartWithoutOverride() {
		UUID id = this.contract.getId();
		this.subcontracts.approve(this.officer, this.first.getId());
		RosterMemberForm form = worker("再委託 花子");
		form.setUserId(this.sub1WorkerUser.getId());
		RosterMember theirs = this.rosters.add(this.sub1Lead, id, form);
		RosterMember ours = this.rosters.add(this.lead, id, worker("受託 太郎"));
		LocalDate today = ItakuTime.today(this.clock);

		// Each lead pledges its own organisation's workers.
		assertThatThrownBy(() -> this.pledges.generate(this.lead, theirs.getId(), today))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThatThrownBy(() -> this.pledges.generate(this.sub1Lead, ours.getId(), today))
			.isInstanceOf(AccessDeniedProblem.class);
		Pledge pledge = this.pledges.generate(this.sub1Lead, theirs.getId(), today);
		assertThat(pledge.getBody()).contains("（").contains("の再委託先）");
		// The worker acknowledges it with their own account, from their own list.
		Actor sub1Worker = this.fixtures.actor(this.sub1WorkerUser);
		assertThat(this.pledges.mine(sub1Worker)).extracting((d) -> d.pledge().getId()).contains(pledge.getId());
		this.pledges.acknowledge(sub1Worker, pledge.getId(), pledge.getBodySha256());
		// The subcontractor keeps it, the contractor submits it; nobody else sees it.
		assertThat(this.pledges.detail(this.sub1Lead, pledge.getId()).maySubmit()).isFalse();
		assertThat(this.pledges.detail(this.lead, pledge.getId()).maySubmit()).isTrue();
		assertThat(this.pledges.ofContract(this.sub1Lead, id)).extracting(Pledge::getId)
			.containsExactly(pledge.getId());
		assertThatThrownBy(() -> this.pledges.detail(this.otherLead, pledge.getId()))
			.isInstanceOf(NotFoundProblem.class);

		// The contractor's training includes the subcontractor's worker.
		TrainingSessionForm session = new TrainingSessionForm();
		session.setKind(SessionKind.TRAINING);
		session.setHeldOn(today);
		session.setContent("特記事項の遵守事項と個人情報の取扱い");
		session.setTrainer("受託者 業務責任者");
		session.getResults().put(theirs.getId().toString(), AttendanceResult.ATTENDED);
		this.trainings.record(this.lead, id, session, null);
		assertThat(this.trainings.overview(this.sub1Lead, id)).extracting((w) -> w.member().getName())
			.containsExactly("再委託 花子");
		assertThat(this.trainings.sessions(this.sub1Lead, id)).isEmpty();

		RosterMember started = this.rosters.activate(this.sub1Lead, theirs.getId(), null);
		assertThat(started.getStatus()).isEqualTo(MemberStatus.ACTIVE);
		assertThat(started.getReadinessOverride()).isNull();
	}

	private List<Obligation> staffObligations(UUID contractId, String key) {
		return this.obligationReads.findUnscoped(contractId, Deliverable.SUBCONTRACT_STAFF_NOTICE, key);
	}

	private RosterMemberForm worker(String name) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName(name);
		form.setAffiliation("入力課");
		form.setRole(WorkerRole.WORKER);
		form.setDuties("申請書の入力");
		form.setWorkLocation("本社 入力室");
		form.setHandlesPersonalInformation(true);
		// Within the contract's period, which started a month ago.
		form.setPeriodStart(ItakuTime.today(this.clock).minusDays(7));
		return form;
	}

	private IncidentForm incident() {
		IncidentForm form = new IncidentForm();
		form.setCategory(IncidentCategory.LOSS);
		form.setDetectedAt(LocalDateTime.now(this.clock.withZone(ItakuTime.ZONE)).withNano(0).minusMinutes(5));
		form.setLocation("再委託先 入力室");
		form.setDescription("申請書の写し1枚が所在不明");
		return form;
	}

	/** The recipients of an incident's mails, waiting for {@code expected} of them. */
	private List<String> recipientsOf(Incident incident, int expected) {
		return TestMailServer
			.awaitMails(mailServer, expected,
					(message) -> TestMailServer.body(message).contains("/incidents/" + incident.getId()))
			.stream()
			.map(TestMailServer::to)
			.toList();
	}

	private List<String> upstreamBodies(Incident incident) throws Exception {
		List<String> bodies = new ArrayList<>();
		for (MimeMessage message : mailServer.getReceivedMessages()) {
			String to = ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
			if (!to.equals(this.secadminUser.getEmail())
					&& message.getContent().toString().contains("/incidents/" + incident.getId())) {
				bodies.add(message.getContent().toString());
			}
		}
		return bodies;
	}

	private static List<String> names(List<RosterMember> members) {
		return members.stream().map(RosterMember::getName).toList();
	}

	private RequestPostProcessor as(UserAccount user) {
		return authentication(this.fixtures.signedIn(user));
	}

}
