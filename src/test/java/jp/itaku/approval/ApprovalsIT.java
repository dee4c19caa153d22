package jp.itaku.approval;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;
import jp.itaku.catalog.ProfileSummary;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
import jp.itaku.support.ArchivalPdf;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import jp.itaku.worksite.EntryForm;
import jp.itaku.worksite.EntryLog;
import jp.itaku.worksite.EntryLogEntry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The prior-approval workflow against real PostgreSQL: generated from each bundled
 * profile, every act its BEFORE_ACTION approval requirements name (other than those a
 * dedicated flow approves) is applied for, approved, applied for again and rejected, and
 * refused when the applicant tries to decide it — a new profile is covered without
 * changing this test; Gunma 第5条第2項 end to end on the roster and the entry log; bad input
 * answered as problem+json naming the field; and the scoping of the API.
 */
@IntegrationTest
class ApprovalsIT {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Approvals approvals;

	@Autowired
	ApprovableActs acts;

	@Autowired
	List<ApprovalSource> sources;

	@Autowired
	ClauseCatalog catalog;

	@Autowired
	ObligationSystemReads obligationReads;

	@Autowired
	Rosters rosters;

	@Autowired
	EntryLog entryLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@TestFactory
	Stream<DynamicTest> everyApprovableActOfEveryBundledProfile() {
		List<DynamicTest> tests = new ArrayList<>();
		Set<GuardedAction> dedicated = EnumSet.noneOf(GuardedAction.class);
		this.sources.forEach((s) -> dedicated.addAll(s.actions()));
		for (ProfileSummary summary : this.catalog.profiles()) {
			ProfileDefinition profile = this.catalog.get(summary.id()).definition();
			for (ClauseDefinition clause : profile.clauses()) {
				for (RequirementDefinition r : clause.requirements()) {
					if (ApprovableActs.isApproval(r) && !dedicated.contains(r.trigger().action())) {
						tests.add(DynamicTest.dynamicTest(
								summary.code() + " " + clause.ref() + " " + r.trigger().action(),
								() -> applyApproveRejectAndRefuseTheApplicant(summary.code(), clause.ref(),
										r.trigger().action())));
					}
				}
			}
		}
		// The bundled profiles hold at least the seven acts issue 19 names.
		assertThat(tests).hasSizeGreaterThanOrEqualTo(7);
		return tests.stream();
	}

	private void applyApproveRejectAndRefuseTheApplicant(String profileCode, String clauseRef, GuardedAction action)
			throws Exception {
		Parties p = parties(profileCode, EnumSet.allOf(ContractAttribute.class), null);
		ApprovableAct act = this.acts.of(p.contract())
			.stream()
			.filter((a) -> a.clauseRef().equals(clauseRef) && a.action() == action)
			.findFirst()
			.orElseThrow();
		assertThat(act.fields()).contains(ApprovalField.PERIOD);

		Approval first = this.approvals.apply(p.lead(), p.contract().getId(), filled(act), List.of());
		assertThat(first.getStatus()).isEqualTo(ApprovalStatus.PENDING);
		assertThat(first.number()).isEqualTo("A-1");
		assertThat(first.getClauseRef()).isEqualTo(clauseRef);
		try (InputStream pdf = this.approvals.openApplication(p.officer(), first.getId()).content()) {
			ArchivalPdf.assertArchivalWith(pdf.readAllBytes(), "承認申請書", "A-1", clauseRef);
		}
		// The application raised the act's BEFORE_ACTION obligation and was submitted to
		// it.
		List<Obligation> raised = obligations(p.contract(), first);
		if (act.deliverable() != null) {
			assertThat(raised).isNotEmpty().allMatch((o) -> o.getStatus() == ObligationStatus.SUBMITTED);
		}

		// The applicant can never decide their own application.
		assertThatThrownBy(() -> this.approvals.approve(p.lead(), first.getId(), new DecisionForm()))
			.isInstanceOf(AccessDeniedProblem.class)
			.hasFieldOrPropertyWithValue("messageKey", "approval.error.ownApplication");

		DecisionForm decision = new DecisionForm();
		decision.setConditions("作業終了後に報告すること");
		decision.setValidUntil(today().plusDays(30));
		Approval approved = this.approvals.approve(p.officer(), first.getId(), decision);
		assertThat(approved.getStatus()).isEqualTo(ApprovalStatus.APPROVED);
		assertThat(approved.getDecidedBy()).isEqualTo(p.officerUser().getId());
		assertThat(approved.isValidOn(today())).isTrue();
		assertThat(this.approvals.validFor(p.contract().getId(), action, subjectOf(act), today())).isPresent();
		if (act.deliverable() != null) {
			assertThat(obligations(p.contract(), first)).allMatch((o) -> o.getStatus() == ObligationStatus.ACCEPTED);
		}

		Approval second = this.approvals.apply(p.lead(), p.contract().getId(), filled(act), List.of());
		assertThat(second.number()).isEqualTo("A-2");
		assertThatThrownBy(() -> this.approvals.reject(p.lead(), second.getId(), "自分で却下"))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThatThrownBy(() -> this.approvals.reject(p.officer(), second.getId(), " "))
			.isInstanceOf(InvalidInputProblem.class);
		Approval rejected = this.approvals.reject(p.officer(), second.getId(), "必要性が認められないため");
		assertThat(rejected.getStatus()).isEqualTo(ApprovalStatus.REJECTED);
		assertThat(audits("APPROVAL_APPLIED", first.getId())).isEqualTo(1);
		assertThat(audits("APPROVAL_APPROVED", first.getId())).isEqualTo(1);
		assertThat(audits("APPROVAL_REJECTED", second.getId())).isEqualTo(1);
		assertThat(this.jdbc.sql("select details from audit_entry where action = 'APPROVAL_APPLIED' and target_id = ?")
			.param(first.getId().toString())
			.query(String.class)
			.single()).contains(first.getDocumentSha256());
	}

	@Test
	void gunmaWorkOutsideTheDesignatedPlaceNeedsAValidApproval() throws Exception {
		Parties p = parties("gunma", Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION), "群馬県庁 昭和庁舎 3階 作業室");
		String elsewhere = "前橋市 受託者本社 2階 開発室";
		LocalDate today = today();

		// Without approval: refused on the roster and in the entry log, naming the
		// clause.
		assertThatThrownBy(() -> this.rosters.add(p.lead(), p.contract().getId(), worker("上野 一郎", elsewhere, today)))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					(ex) -> assertThat(ex.getFieldProblems()).singleElement().satisfies((f) -> {
						assertThat(f.field()).isEqualTo("workLocation");
						assertThat(f.messageKey()).isEqualTo("approval.gate.missing");
						assertThat(f.arguments()).contains("第5条第2項");
					}));
		this.mvc
			.perform(post("/api/v1/contracts/" + p.contract().getId() + "/roster").with(as(p.leadUser()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"上野 一郎\",\"affiliation\":\"開発課\",\"role\":\"WORK_LEAD\",\"duties\":\"開発\","
						+ "\"workLocation\":\"" + elsewhere + "\",\"periodStart\":\"" + today + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("workLocation"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("第5条第2項")));
		assertThatThrownBy(() -> this.entryLog.record(p.lead(), p.contract().getId(), entry(elsewhere, today),
				EntryLogEntry.Source.FORM))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					(ex) -> assertThat(ex.getFieldProblems().get(0).field()).isEqualTo("area"));
		// The designated place, and a room named within it, need nothing.
		this.rosters.add(p.lead(), p.contract().getId(), worker("高崎 花子", "群馬県庁 昭和庁舎 3階 作業室", today));
		this.entryLog.record(p.lead(), p.contract().getId(), entry("作業室", today), EntryLogEntry.Source.FORM);

		// Approved for ten days: accepted.
		ApprovalForm form = new ApprovalForm();
		form.setAction(GuardedAction.WORK_OUTSIDE_DESIGNATED_SITE);
		form.setReason("庁舎の改修工事のため");
		form.setLocation("前橋市　受託者本社 2階 開発室");
		form.setInformation("申請データ（個人情報を含む）");
		form.setPeriodFrom(today);
		form.setPeriodUntil(today.plusDays(9));
		Approval applied = this.approvals.apply(p.lead(), p.contract().getId(), form, List.of());
		assertThat(applied.getClauseRef()).isEqualTo("第5条第2項");
		DecisionForm decision = new DecisionForm();
		decision.setValidFrom(today);
		decision.setValidUntil(today.plusDays(9));
		this.approvals.approve(p.officer(), applied.getId(), decision);
		assertThat(
				this.rosters.add(p.lead(), p.contract().getId(), worker("上野 一郎", elsewhere, today)).getWorkLocation())
			.isEqualTo(elsewhere);
		assertThat(this.entryLog.record(p.lead(), p.contract().getId(), entry(elsewhere, today),
				EntryLogEntry.Source.FORM))
			.isNotNull();

		// After the validity ends: refused again.
		LocalDate after = today.plusDays(10);
		assertThatThrownBy(() -> this.rosters.add(p.lead(), p.contract().getId(), worker("桐生 次郎", elsewhere, after)))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					(ex) -> assertThat(ex.getFieldProblems().get(0).arguments()).contains("第5条第2項"));
		assertThatThrownBy(() -> this.entryLog.record(p.lead(), p.contract().getId(), entry(elsewhere, after),
				EntryLogEntry.Source.FORM))
			.isInstanceOf(InvalidInputProblem.class);

		// Revoked: refused from now on.
		this.approvals.revoke(p.officer(), applied.getId(), "改修工事が終わったため");
		assertThatThrownBy(() -> this.rosters.add(p.lead(), p.contract().getId(), worker("太田 三郎", elsewhere, today)))
			.isInstanceOf(InvalidInputProblem.class);
		assertThat(audits("APPROVAL_REVOKED", applied.getId())).isEqualTo(1);
	}

	@Test
	void aProfileWithoutTheRequirementIsNotGated() {
		Parties p = parties("kadoma", Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION), "門真市役所 本館1階");
		assertThat(this.rosters.add(p.lead(), p.contract().getId(), worker("門真 太郎", "大阪市 受託者本社", today()))
			.getWorkLocation()).isEqualTo("大阪市 受託者本社");
	}

	@Test
	void badInputIsAProblemNamingTheField() throws Exception {
		Parties p = parties("gunma", Set.of(), null);
		String url = "/api/v1/contracts/" + p.contract().getId() + "/approvals";
		this.mvc.perform(post(url).with(as(p.leadUser())).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("action"));
		this.mvc
			.perform(post(url).with(as(p.leadUser()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"action\":\"MODIFICATION\",\"reason\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("action"));
		// Gunma 第12条 and 第13条第6項 both govern giving information to third parties.
		this.mvc
			.perform(post(url).with(as(p.leadUser()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"action\":\"THIRD_PARTY_PROVISION\",\"reason\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("clauseRef"));
		this.mvc
			.perform(post(url).with(as(p.leadUser()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"action\":\"WORK_OUTSIDE_DESIGNATED_SITE\",\"reason\":\"改修\",\"periodFrom\":\"2026-12-10\","
						+ "\"periodUntil\":\"2026-12-01\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItems("location", "information", "periodUntil")));
		assertThat(this.jdbc.sql("select count(*) from approval where contract_id = ?")
			.param(p.contract().getId())
			.query(Long.class)
			.single()).isZero();

		// A valid application, then the applicant tries to approve it through the API.
		String created = this.mvc
			.perform(post(url).with(as(p.leadUser()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"action\":\"WORK_OUTSIDE_DESIGNATED_SITE\",\"reason\":\"改修\",\"location\":\"本社\","
						+ "\"information\":\"申請データ\",\"periodFrom\":\"" + today() + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.number").value("A-1"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(created, "$.id");
		this.mvc.perform(post("/api/v1/approvals/" + id + "/approve").with(as(p.leadUser())))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("A-1")));
		this.mvc
			.perform(post("/api/v1/approvals/" + id + "/approve").with(as(p.officerUser()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"validFrom\":\"2026-12-10\",\"validUntil\":\"2026-12-01\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("validUntil"));
		this.mvc
			.perform(post("/api/v1/approvals/" + id + "/reject").with(as(p.officerUser()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		this.mvc.perform(post("/api/v1/approvals/" + id + "/approve").with(as(p.officerUser())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"));
		this.mvc.perform(post("/api/v1/approvals/" + id + "/approve").with(as(p.officerUser())))
			.andExpect(status().isConflict());
	}

	@Test
	void onlyThePartiesSeeTheRegister() throws Exception {
		Parties p = parties("gunma", Set.of(), null);
		Approval a = this.approvals.apply(p.lead(), p.contract().getId(), filled(this.acts.of(p.contract()).get(0)),
				List.of());
		Organisation other = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount otherLead = this.fixtures.user(other, Role.CONTRACTOR_LEAD);
		this.mvc.perform(get("/api/v1/contracts/" + p.contract().getId() + "/approvals").with(as(otherLead)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/approvals/" + a.getId()).with(as(otherLead))).andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/approvals/" + a.getId() + "/approve").with(as(otherLead)))
			.andExpect(status().isNotFound());
		assertThatThrownBy(() -> this.approvals.register(this.fixtures.actor(otherLead), p.contract().getId()))
			.isInstanceOf(NotFoundProblem.class);
		// The contractor's worker sees the register but may not apply; the officer may
		// not
		// withdraw.
		UserAccount worker = this.fixtures.user(p.contractor(), Role.CONTRACTOR_WORKER);
		this.mvc.perform(get("/api/v1/contracts/" + p.contract().getId() + "/approvals").with(as(worker)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.approvals[0].number").value("A-1"));
		assertThatThrownBy(() -> this.approvals.apply(this.fixtures.actor(worker), p.contract().getId(),
				filled(this.acts.of(p.contract()).get(0)), List.of()))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThatThrownBy(() -> this.approvals.withdraw(p.officer(), a.getId(), null))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThat(this.approvals.withdraw(p.lead(), a.getId(), "不要になった").getStatus())
			.isEqualTo(ApprovalStatus.WITHDRAWN);
	}

	@Test
	void theRegisterPageAppliesDecidesAndExports() throws Exception {
		Parties p = parties("gunma", Set.of(), "群馬県庁 昭和庁舎 3階 作業室");
		String page = "/contracts/" + p.contract().getId() + "/approvals";
		this.mvc.perform(get(page).with(as(p.leadUser())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("第5条第2項")))
			.andExpect(content().string(containsString("approval-form")));
		this.mvc
			.perform(multipart(page)
				.file(new MockMultipartFile("files", "見取図.txt", "text/plain", "分室 2階".getBytes(StandardCharsets.UTF_8)))
				.param("act", "WORK_OUTSIDE_DESIGNATED_SITE|第5条第2項")
				.param("reason", "改修工事のため")
				.param("location", "前橋分室")
				.param("information", "調査票データ")
				.param("periodFrom", today().toString())
				.with(as(p.leadUser()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		Approval a = this.approvals.register(p.lead(), p.contract().getId()).approvals().get(0);
		assertThat(this.approvals.attachments(p.lead(), a.getId())).singleElement()
			.satisfies((f) -> assertThat(f.getSha256()).hasSize(64));
		// The page names the field the contractor left out.
		this.mvc
			.perform(post(page).param("act", "WORK_OUTSIDE_DESIGNATED_SITE|第5条第2項")
				.param("reason", "改修工事のため")
				.with(as(p.leadUser()))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("場所を入力してください。")));
		this.mvc
			.perform(post("/approvals/" + a.getId() + "/approve").param("validUntil", today().plusDays(5).toString())
				.with(as(p.officerUser()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.approvals.get(p.officer(), a.getId()).getStatus()).isEqualTo(ApprovalStatus.APPROVED);
		// Ending within 14 days: in the lead's inbox.
		assertThat(this.approvals.expiring(p.lead(), 14)).extracting((x) -> x.approval().getId()).contains(a.getId());
		this.mvc.perform(get(page + ".xlsx").with(as(p.officerUser())))
			.andExpect(status().isOk())
			.andExpect(content()
				.contentTypeCompatibleWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		assertThat(audits("APPROVAL_REGISTER_EXPORTED", p.contract().getId())).isEqualTo(1);
	}

	private List<Obligation> obligations(Contract contract, Approval a) {
		return (a.getDeliverable() != null)
				? this.obligationReads.findUnscoped(contract.getId(), a.getDeliverable(), Approvals.occurrenceKey(a))
				: List.of();
	}

	private static ApprovalForm filled(ApprovableAct act) {
		ApprovalForm form = new ApprovalForm();
		form.setAction(act.action());
		form.setClauseRef(act.clauseRef());
		form.setReason("業務上の必要のため");
		form.setLocation("受託者 本社 開発室");
		form.setThirdParty("株式会社 試験提供先");
		form.setSafeguards("暗号化し、施錠保管する");
		form.setPurpose("統計の作成");
		form.setSystems("庁外データセンターのサーバ2台");
		form.setInformation("住民情報の一部");
		form.setPeriodFrom(LocalDate.now(ItakuTime.ZONE));
		form.setPeriodUntil(LocalDate.now(ItakuTime.ZONE).plusDays(30));
		return form;
	}

	private static String subjectOf(ApprovableAct act) {
		return (act.subjectField() == ApprovalField.LOCATION) ? "受託者 本社 開発室" : "株式会社 試験提供先";
	}

	private static RosterMemberForm worker(String name, String location, LocalDate start) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName(name);
		form.setAffiliation("開発課");
		form.setRole(WorkerRole.WORK_LEAD);
		form.setDuties("システムの開発");
		form.setWorkLocation(location);
		form.setPeriodStart(start);
		return form;
	}

	private static EntryForm entry(String area, LocalDate day) {
		EntryForm form = new EntryForm();
		form.setName("上野 一郎");
		form.setAffiliation("開発課");
		form.setPurpose("開発作業");
		form.setArea(area);
		form.setEnteredAt(LocalDateTime.of(day, LocalTime.of(9, 0)));
		return form;
	}

	private LocalDate today() {
		return ItakuTime.today(this.clock);
	}

	private Parties parties(String profileCode, Set<ContractAttribute> attributes, String workLocations) {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		UserAccount officerUser = this.fixtures.user(client, Role.CLIENT_OFFICER);
		UserAccount leadUser = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		Actor officer = this.fixtures.actor(officerUser);
		ContractForm form = this.fixtures.contractForm(contractor, profileCode, today().minusMonths(1), attributes);
		form.setWorkLocations(workLocations);
		Contract contract = this.contracts.register(officer, form);
		return new Parties(contract, contractor, officerUser, officer, leadUser, this.fixtures.actor(leadUser));
	}

	private RequestPostProcessor as(UserAccount user) {
		return authentication(this.fixtures.signedIn(user));
	}

	private long audits(String action, UUID target) {
		return this.jdbc.sql("select count(*) from audit_entry where action = ? and target_id = ?")
			.param(action)
			.param(target.toString())
			.query(Long.class)
			.single();
	}

	record Parties(Contract contract, Organisation contractor, UserAccount officerUser, Actor officer,
			UserAccount leadUser, Actor lead) {
	}

}
