package jp.itaku.subcontract;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.obligation.Obligations;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import jp.itaku.support.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Subcontracting end to end: nothing of a subcontract is active before the client
 * approves it; approval lets the subcontractor see the contract and raises the approval
 * obligations; a three-level chain tells every organisation upstream by mail; a cycle is
 * refused; and the scoping matrix — client, contractor, subcontractor, sub-subcontractor,
 * unrelated contractor — by service and by API.
 */
@IntegrationTest
class SubcontractsIT {

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
	SubcontractSystemReads subcontractReads;

	@Autowired
	Obligations obligations;

	@Autowired
	ObligationSystemReads obligationReads;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	Organisation client;

	Organisation contractor;

	Organisation sub1;

	Organisation sub2;

	Organisation sub3;

	Organisation unrelated;

	UserAccount officerUser;

	UserAccount leadUser;

	UserAccount sub1LeadUser;

	UserAccount sub2LeadUser;

	UserAccount sub3LeadUser;

	UserAccount otherLeadUser;

	UserAccount auditorUser;

	Actor officer;

	Actor lead;

	Actor sub1Lead;

	Actor sub2Lead;

	Actor otherLead;

	Contract contract;

	@BeforeEach
	void setUp() {
		this.client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.sub1 = this.fixtures.organisation(OrganisationKind.SUBCONTRACTOR);
		this.sub2 = this.fixtures.organisation(OrganisationKind.SUBCONTRACTOR);
		this.sub3 = this.fixtures.organisation(OrganisationKind.SUBCONTRACTOR);
		this.unrelated = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officerUser = this.fixtures.user(this.client, Role.CLIENT_OFFICER);
		this.auditorUser = this.fixtures.user(this.client, Role.AUDITOR);
		this.leadUser = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		this.sub1LeadUser = this.fixtures.user(this.sub1, Role.CONTRACTOR_LEAD);
		this.sub2LeadUser = this.fixtures.user(this.sub2, Role.CONTRACTOR_LEAD);
		this.sub3LeadUser = this.fixtures.user(this.sub3, Role.CONTRACTOR_LEAD);
		this.otherLeadUser = this.fixtures.user(this.unrelated, Role.CONTRACTOR_LEAD);
		this.officer = this.fixtures.actor(this.officerUser);
		this.lead = this.fixtures.actor(this.leadUser);
		this.sub1Lead = this.fixtures.actor(this.sub1LeadUser);
		this.sub2Lead = this.fixtures.actor(this.sub2LeadUser);
		this.otherLead = this.fixtures.actor(this.otherLeadUser);
		LocalDate start = ItakuTime.today(this.clock).minusMonths(1);
		this.contract = this.contracts.register(this.officer, this.fixtures.contractForm(this.contractor, "kadoma",
				start, Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION, ContractAttribute.HAS_SUBCONTRACTORS)));
	}

	@Test
	void aSubcontractorCannotActBeforeApprovalAndApprovalActivatesIt() {
		Subcontract s = this.subcontracts.apply(this.lead, this.contract.getId(), form(this.sub1));
		assertThat(s.getStatus()).isEqualTo(SubcontractStatus.PENDING);
		assertThat(s.getDepth()).isEqualTo(1);

		// The application raised Kadoma 8(2) and the generated PDF was submitted to it.
		List<Obligation> applications = this.obligationReads.findUnscoped(this.contract.getId(),
				Deliverable.SUBCONTRACT_APPLICATION, "SUB-" + s.getSeq());
		assertThat(applications).isNotEmpty().allMatch((o) -> o.getStatus() == ObligationStatus.SUBMITTED);
		assertThat(audits("SUBCONTRACT_APPLIED", s.getId())).isEqualTo(1);

		// Before approval the subcontractor sees nothing of the contract and cannot act.
		assertThatThrownBy(() -> this.contracts.getAsParticipant(this.sub1Lead, this.contract.getId()))
			.isInstanceOf(NotFoundProblem.class);
		assertThat(this.contracts.list(this.sub1Lead)).extracting(Contract::getId)
			.doesNotContain(this.contract.getId());
		assertThatThrownBy(() -> this.subcontracts.chain(this.sub1Lead, this.contract.getId()))
			.isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> this.subcontracts.apply(this.sub1Lead, this.contract.getId(), form(this.sub2)))
			.isInstanceOf(NotFoundProblem.class);
		// Nor may the applicant approve, nor the auditor.
		assertThatThrownBy(() -> this.subcontracts.approve(this.lead, s.getId()))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThatThrownBy(() -> this.subcontracts.approve(this.fixtures.actor(this.auditorUser), s.getId()))
			.isInstanceOf(AccessDeniedProblem.class);

		Subcontract approved = this.subcontracts.approve(this.officer, s.getId());

		assertThat(approved.getStatus()).isEqualTo(SubcontractStatus.APPROVED);
		assertThat(approved.getAppliedBy()).isEqualTo(this.leadUser.getId());
		assertThat(approved.getDecidedBy()).isEqualTo(this.officerUser.getId());
		assertThat(audits("SUBCONTRACT_APPROVED", s.getId())).isEqualTo(1);
		assertThat(this.contracts.getAsParticipant(this.sub1Lead, this.contract.getId()).getId())
			.isEqualTo(this.contract.getId());
		assertThat(this.contracts.summaries(this.sub1Lead)).extracting((c) -> c.id()).contains(this.contract.getId());
		assertThat(this.subcontracts.chain(this.sub1Lead, this.contract.getId()).mayApply()).isTrue();
		// Deciding twice is refused.
		assertThatThrownBy(() -> this.subcontracts.reject(this.officer, s.getId(), "遅い"))
			.isInstanceOf(InvalidInputProblem.class);
	}

	@Test
	void aRejectionNeedsAReasonAndLeavesTheSubcontractorOutside() {
		Subcontract s = this.subcontracts.apply(this.lead, this.contract.getId(), form(this.sub1));
		assertThatThrownBy(() -> this.subcontracts.reject(this.officer, s.getId(), " "))
			.isInstanceOf(InvalidInputProblem.class);
		Subcontract rejected = this.subcontracts.reject(this.officer, s.getId(), "安全管理措置の記載が不十分です。");
		assertThat(rejected.getStatus()).isEqualTo(SubcontractStatus.REJECTED);
		assertThat(rejected.getRejectionReason()).isEqualTo("安全管理措置の記載が不十分です。");
		assertThat(audits("SUBCONTRACT_REJECTED", s.getId())).isEqualTo(1);
		assertThatThrownBy(() -> this.contracts.getAsParticipant(this.sub1Lead, this.contract.getId()))
			.isInstanceOf(NotFoundProblem.class);
	}

	@Test
	void anApplicationStatesEverythingTheClausesAskFor() {
		SubcontractForm incomplete = new SubcontractForm();
		assertThatThrownBy(() -> this.subcontracts.apply(this.lead, this.contract.getId(), incomplete))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					(p) -> assertThat(p.getFieldProblems()).extracting((f) -> f.field())
						.contains("subcontractorOrganisationId", "periodStart", "periodEnd", "reason", "workContent",
								"informationHandled", "safetyMeasures", "supervisionMethod", "securityLead", "workers",
								"safetyMeasuresChecked", "bindsSameClauses", "ancillaryUnavoidable"));
		assertThat(this.subcontractReads.allUnscoped(this.contract.getId())).isEmpty();
	}

	@Test
	void aThreeLevelChainTellsEveryOrganisationUpstream() throws Exception {
		Subcontract first = this.subcontracts.apply(this.lead, this.contract.getId(), form(this.sub1));
		this.subcontracts.approve(this.officer, first.getId());
		Subcontract second = this.subcontracts.apply(this.sub1Lead, this.contract.getId(), form(this.sub2));
		assertThat(second.getDepth()).isEqualTo(2);
		assertThat(second.getParentId()).isEqualTo(first.getId());
		// The second level's application reached the client in writing too.
		assertThat(this.obligationReads.findUnscoped(this.contract.getId(), Deliverable.SUBCONTRACT_APPLICATION,
				"SUB-" + second.getSeq()))
			.isNotEmpty()
			.allMatch((o) -> o.getStatus() == ObligationStatus.SUBMITTED);
		this.subcontracts.approve(this.officer, second.getId());
		Subcontract third = this.subcontracts.apply(this.sub2Lead, this.contract.getId(), form(this.sub3));
		assertThat(third.getDepth()).isEqualTo(3);

		assertThat(recipientsOf(first, 1)).containsExactlyInAnyOrder(this.officerUser.getEmail());
		assertThat(recipientsOf(second, 2)).containsExactlyInAnyOrder(this.leadUser.getEmail(),
				this.officerUser.getEmail());
		assertThat(recipientsOf(third, 3)).containsExactlyInAnyOrder(this.sub1LeadUser.getEmail(),
				this.leadUser.getEmail(), this.officerUser.getEmail());
		assertThat(recipientsOf(third, 3)).doesNotContain(this.sub2LeadUser.getEmail(), this.sub3LeadUser.getEmail(),
				this.auditorUser.getEmail());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> audits("SUBCONTRACT_UPSTREAM_NOTICE_SENT", third.getId()) == 3);

		// Before its approval the third level sees nothing; the chain above sees it.
		assertThatThrownBy(() -> this.contracts.get(this.fixtures.actor(this.sub3LeadUser), this.contract.getId()))
			.isInstanceOf(NotFoundProblem.class);
		assertThat(ids(this.subcontracts.chain(this.sub1Lead, this.contract.getId()))).containsExactly(first.getId(),
				second.getId(), third.getId());
		assertThat(ids(this.subcontracts.chain(this.sub2Lead, this.contract.getId()))).containsExactly(second.getId(),
				third.getId());
	}

	@Test
	void aCycleIsRefusedInJapanese() {
		Subcontract first = this.subcontracts.apply(this.lead, this.contract.getId(), form(this.sub1));
		this.subcontracts.approve(this.officer, first.getId());
		Subcontract second = this.subcontracts.apply(this.sub1Lead, this.contract.getId(), form(this.sub2));
		this.subcontracts.approve(this.officer, second.getId());

		for (Organisation upstream : List.of(this.sub1, this.contractor, this.sub2)) {
			assertThatThrownBy(() -> this.subcontracts.apply(this.sub2Lead, this.contract.getId(), form(upstream)))
				.isInstanceOfSatisfying(InvalidInputProblem.class,
						(p) -> assertThat(p.getFieldProblems()).singleElement().satisfies((f) -> {
							assertThat(f.field()).isEqualTo("subcontractorOrganisationId");
							assertThat(f.messageKey()).isEqualTo("subcontract.error.cycle");
						}));
		}
		assertThat(this.subcontractReads.allUnscoped(this.contract.getId())).hasSize(2);
	}

	@Test
	void theCycleMessageNamesTheOrganisationByApi() throws Exception {
		Subcontract first = this.subcontracts.apply(this.lead, this.contract.getId(), form(this.sub1));
		this.subcontracts.approve(this.officer, first.getId());
		this.mvc
			.perform(post("/api/v1/contracts/" + this.contract.getId() + "/subcontracts").with(as(this.sub1LeadUser))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json(this.contractor)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("subcontractorOrganisationId"))
			.andExpect(jsonPath("$.errors[0].message")
				.value(org.hamcrest.Matchers.containsString(this.contractor.getName())))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("循環")));
	}

	@Test
	void scopingMatrixByServiceAndApi() throws Exception {
		Subcontract first = this.subcontracts.apply(this.lead, this.contract.getId(), form(this.sub1));
		this.subcontracts.approve(this.officer, first.getId());
		Subcontract second = this.subcontracts.apply(this.sub1Lead, this.contract.getId(), form(this.sub2));
		this.subcontracts.approve(this.officer, second.getId());
		Actor sub2Actor = this.sub2Lead;
		Actor auditor = this.fixtures.actor(this.auditorUser);

		// service: who sees which levels
		assertThat(ids(this.subcontracts.chain(this.officer, this.contract.getId()))).containsExactly(first.getId(),
				second.getId());
		assertThat(ids(this.subcontracts.chain(auditor, this.contract.getId()))).containsExactly(first.getId(),
				second.getId());
		assertThat(ids(this.subcontracts.chain(this.lead, this.contract.getId()))).containsExactly(first.getId(),
				second.getId());
		assertThat(ids(this.subcontracts.chain(this.sub1Lead, this.contract.getId()))).containsExactly(first.getId(),
				second.getId());
		assertThat(ids(this.subcontracts.chain(sub2Actor, this.contract.getId()))).containsExactly(second.getId());
		assertThatThrownBy(() -> this.subcontracts.chain(this.otherLead, this.contract.getId()))
			.isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> this.subcontracts.get(sub2Actor, first.getId())).isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> this.subcontracts.get(this.otherLead, second.getId()))
			.isInstanceOf(NotFoundProblem.class);
		assertThat(this.contracts.list(this.otherLead)).extracting(Contract::getId)
			.doesNotContain(this.contract.getId());
		// a subcontractor reaches the contract's heading and its own part, never the
		// contractor's roster, registers or obligations
		assertThat(this.contracts.getAsParticipant(sub2Actor, this.contract.getId()).getId())
			.isEqualTo(this.contract.getId());
		assertThatThrownBy(() -> this.contracts.get(sub2Actor, this.contract.getId()))
			.isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> this.contracts.get(this.sub1Lead, this.contract.getId()))
			.isInstanceOf(NotFoundProblem.class);
		assertThat(this.contracts.list(sub2Actor)).extracting(Contract::getId).doesNotContain(this.contract.getId());
		// the auditor and the unrelated contractor cannot change anything
		assertThatThrownBy(() -> this.subcontracts.apply(auditor, this.contract.getId(), form(this.sub3)))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThatThrownBy(() -> this.subcontracts.apply(this.otherLead, this.contract.getId(), form(this.sub3)))
			.isInstanceOf(NotFoundProblem.class);

		// API: the same matrix
		String chain = "/api/v1/contracts/" + this.contract.getId() + "/subcontracts";
		this.mvc.perform(get(chain).with(as(this.officerUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subcontracts.length()").value(2));
		this.mvc.perform(get(chain).with(as(this.leadUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subcontracts.length()").value(2));
		this.mvc.perform(get(chain).with(as(this.sub1LeadUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subcontracts.length()").value(2));
		this.mvc.perform(get(chain).with(as(this.sub2LeadUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subcontracts.length()").value(1))
			.andExpect(jsonPath("$.subcontracts[0].subcontract.id").value(second.getId().toString()));
		this.mvc.perform(get(chain).with(as(this.otherLeadUser))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/subcontracts/" + first.getId()).with(as(this.sub2LeadUser)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/subcontracts/" + first.getId()).with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound());
		// the contract's heading, as its contract page shows it (issue 19, must-have 5)
		this.mvc.perform(get("/api/v1/contracts/" + this.contract.getId()).with(as(this.sub2LeadUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.number").value(this.contract.getNumber()));
		// its own part of the obligations (what the client asked of it), never the
		// contractor's: it owes nothing here
		this.mvc.perform(get("/api/v1/contracts/" + this.contract.getId() + "/obligations").with(as(this.sub1LeadUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
		this.mvc.perform(get("/api/v1/contracts/" + this.contract.getId()).with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/subcontracts/" + second.getId() + "/reject").with(as(this.auditorUser))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"x\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(chain).with(as(this.otherLeadUser))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json(this.sub3)))
			.andExpect(status().isNotFound());
		// pages: the contract's heading, the chain and its own part (roster, pledges,
		// asset register, incidents), not the contractor's IDs, schedules or
		// self-inspections
		this.mvc.perform(get("/contracts/" + this.contract.getId()).with(as(this.sub2LeadUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers
				.not(org.hamcrest.Matchers.containsString("/contracts/" + this.contract.getId() + "/ids"))))
			.andExpect(content()
				.string(org.hamcrest.Matchers.containsString("/contracts/" + this.contract.getId() + "/roster")));
		for (String page : List.of("/ids", "/schedules", "/entry-log", "/self-inspections")) {
			this.mvc.perform(get("/contracts/" + this.contract.getId() + page).with(as(this.sub1LeadUser)))
				.andExpect(status().isNotFound());
		}
		// The inspections list: only those of its own part of the chain (Setagaya 33).
		for (String page : List.of("/roster", "/training", "/assets", "/incidents", "/inspections")) {
			this.mvc.perform(get("/contracts/" + this.contract.getId() + page).with(as(this.sub1LeadUser)))
				.andExpect(status().isOk());
			this.mvc.perform(get("/contracts/" + this.contract.getId() + page).with(as(this.otherLeadUser)))
				.andExpect(status().isNotFound());
		}
		this.mvc.perform(get("/contracts/" + this.contract.getId() + "/subcontracts").with(as(this.sub2LeadUser)))
			.andExpect(status().isOk());
		this.mvc.perform(get("/contracts/" + this.contract.getId() + "/subcontracts").with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/contracts/" + this.contract.getId() + "/subcontracts.xlsx").with(as(this.officerUser)))
			.andExpect(status().isOk());
	}

	@Test
	void theApplicantRecordsSupervisionAndReportsItWhenTheClientAsks() {
		Subcontract first = this.subcontracts.apply(this.lead, this.contract.getId(), form(this.sub1));
		this.subcontracts.approve(this.officer, first.getId());
		SupervisionForm check = new SupervisionForm();
		check.setSupervisedOn(ItakuTime.today(this.clock));
		check.setMethod("実地確認");
		check.setResult("入力室の施錠と持出し記録を確認した。");
		assertThatThrownBy(() -> this.subcontracts.recordSupervision(this.sub1Lead, first.getId(), check))
			.isInstanceOf(AccessDeniedProblem.class);
		SupervisionRecord record = this.subcontracts.recordSupervision(this.lead, first.getId(), check);
		assertThat(audits("SUBCONTRACT_SUPERVISION_RECORDED", first.getId())).isEqualTo(1);

		List<Obligation> asked = this.subcontracts.askForSupervisionReport(this.officer, this.contract.getId());
		assertThat(asked).isNotEmpty()
			.allMatch((o) -> o.getDeliverable() == Deliverable.SUBCONTRACT_SUPERVISION_REPORT);
		this.subcontracts.submitSupervisionReport(this.lead, this.contract.getId(), asked.get(0).getId());
		assertThat(this.obligationReads.findUnscoped(asked.get(0).getId()).orElseThrow().getStatus())
			.isEqualTo(ObligationStatus.SUBMITTED);
		assertThat(this.subcontracts.chain(this.officer, this.contract.getId()).supervision())
			.extracting(SupervisionRecord::getId)
			.containsExactly(record.getId());
	}

	/**
	 * The recipients of the upstream notices of an application, waiting for
	 * {@code expected} of them (they are mailed after commit, asynchronously).
	 */
	private List<String> recipientsOf(Subcontract s, int expected) {
		return TestMailServer
			.awaitMails(mailServer, expected,
					(message) -> TestMailServer.body(message)
						.contains("/contracts/" + this.contract.getId() + "/subcontracts")
							&& subject(message).contains(s.getSubcontractorName()))
			.stream()
			.map(TestMailServer::to)
			.toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<UUID> ids(Subcontracts.Chain chain) {
		return chain.nodes().stream().map((n) -> n.subcontract().getId()).toList();
	}

	private long audits(String action, UUID target) {
		return this.jdbc.sql("select count(*) from audit_entry where action = ? and target_id = ?")
			.param(action)
			.param(target.toString())
			.query(Long.class)
			.single();
	}

	private RequestPostProcessor as(UserAccount user) {
		return authentication(this.fixtures.signedIn(user));
	}

	static SubcontractForm form(Organisation subcontractor) {
		SubcontractForm form = new SubcontractForm();
		form.setSubcontractorOrganisationId(subcontractor.getId());
		form.setPeriodStart(LocalDate.of(2026, 6, 1));
		form.setPeriodEnd(LocalDate.of(2027, 3, 31));
		form.setReason("繁忙期の入力業務量が受託者の体制を超えるため");
		form.setWorkContent("申請書の入力（付随的業務）");
		form.setInformationHandled("申請書の写し（氏名・住所）");
		form.setPersonalInformation(true);
		form.setSafetyMeasures("入退室管理、施錠保管、私物端末の持込み禁止");
		form.setSupervisionMethod("月1回の実地確認と作業報告書の確認");
		form.setSecurityLead("再委託 責任者");
		form.setWorkers("入力 一郎\n入力 二郎");
		form.setSafetyMeasuresChecked(true);
		form.setBindsSameClauses(true);
		form.setAncillaryUnavoidable(true);
		return form;
	}

	private static String json(Organisation subcontractor) {
		return """
				{"subcontractorOrganisationId":"%s","periodStart":"2026-06-01","periodEnd":"2027-03-31",
				 "reason":"理由","workContent":"入力","informationHandled":"申請書","personalInformation":true,
				 "safetyMeasures":"施錠","supervisionMethod":"実地確認","securityLead":"責任 者","workers":"作業 者",
				 "safetyMeasuresChecked":true,"bindsSameClauses":true,"ancillaryUnavoidable":true}
				""".formatted(subcontractor.getId());
	}

}
