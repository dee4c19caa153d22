package jp.itaku.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.Obligations;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
import jp.itaku.training.AttendanceResult;
import jp.itaku.training.SessionKind;
import jp.itaku.training.TrainingSession;
import jp.itaku.training.TrainingSessionForm;
import jp.itaku.training.Trainings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Implementation plans through the application (issue 18, must-have 6): a Setagaya 16
 * training plan and a Nerima 第24条第3項 drill plan raise one obligation per planned day, a
 * lapsed day is overdue like any obligation, a changed plan keeps met and past days and
 * withdraws only future unmet ones; a missing plan shows on the contract page and in the
 * lead's inbox; bad input is refused naming the field with nothing stored; another
 * contractor reads and writes nothing.
 */
@IntegrationTest
class ImplementationPlansIT {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Obligations obligations;

	@Autowired
	ImplementationPlans plans;

	@Autowired
	Trainings trainings;

	@Autowired
	Rosters rosters;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	Organisation contractor;

	UserAccount officerUser;

	UserAccount leadUser;

	UserAccount workerUser;

	UserAccount otherLeadUser;

	Actor officer;

	Actor lead;

	Actor worker;

	Actor otherLead;

	LocalDate today;

	@BeforeEach
	void parties() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Organisation other = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officerUser = this.fixtures.user(client, Role.CLIENT_OFFICER);
		this.leadUser = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		this.workerUser = this.fixtures.user(this.contractor, Role.CONTRACTOR_WORKER);
		this.otherLeadUser = this.fixtures.user(other, Role.CONTRACTOR_LEAD);
		this.officer = this.fixtures.actor(this.officerUser);
		this.lead = this.fixtures.actor(this.leadUser);
		this.worker = this.fixtures.actor(this.workerUser);
		this.otherLead = this.fixtures.actor(this.otherLeadUser);
		this.today = ItakuTime.today(this.clock);
	}

	/** A contract that started six months ago and runs for a year, reporting monthly. */
	private Contract contract(String profile) {
		ContractForm form = this.fixtures.contractForm(this.contractor, profile, this.today.minusMonths(6),
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		form.setReportingInterval("P1M");
		return this.contracts.register(this.officer, form);
	}

	private Map<LocalDate, Obligation> occurrences(Actor actor, Contract contract, String requirement) {
		return this.obligations.forContract(actor, contract.getId())
			.stream()
			.filter((o) -> o.getOrigin() == Obligation.Origin.SCHEDULED && o.getRequirementKey().equals(requirement))
			.collect(Collectors.toMap(Obligation::getDueDate, Function.identity()));
	}

	private void meet(Obligation occurrence) {
		var submission = this.obligations.submit(this.lead, occurrence.getId(), "研修を実施しました。",
				List.of(new Obligations.Upload("研修実施記録.pdf", "application/pdf",
						new ByteArrayResource("%PDF-1.4\n% training record\n%%EOF\n".getBytes()))));
		this.obligations.review(this.officer, submission.getId(), true, "確認しました。");
	}

	private List<String> audited(String action, UUID target) {
		return this.jdbc.sql("select details from audit_entry where action = ? and target_id = ?")
			.param(action)
			.param(target.toString())
			.query(String.class)
			.list();
	}

	private RequestPostProcessor as(UserAccount user) {
		return authentication(this.fixtures.signedIn(user));
	}

	@Test
	void aShorterPeriodWithdrawsThePlannedDaysBeyondItAndALongerOneDatesThemAgain() {
		Contract contract = contract("setagaya");
		LocalDate start = contract.getPeriodStart();
		this.plans.save(this.lead, contract.getId(), List.of(new PlanInput("16#1", "P1M", start.plusMonths(1), null)));
		assertThat(occurrences(this.officer, contract, "16#1")).hasSize(11);

		// The period now ends in two months: the planned days after it no longer apply.
		ContractForm form = jp.itaku.contract.web.ContractFormsAccess.of(contract);
		LocalDate end = this.today.plusMonths(2);
		form.setPeriodEnd(end);
		this.contracts.update(this.officer, contract.getId(), form);
		Map<LocalDate, Obligation> shorter = occurrences(this.officer, contract, "16#1");
		assertThat(shorter.keySet()).isNotEmpty().allSatisfy((day) -> assertThat(day).isBeforeOrEqualTo(end));
		assertThat(audited("IMPLEMENTATION_PLAN_REDATED",
				this.plans.overview(this.officer, contract.getId())
					.duties()
					.stream()
					.filter((d) -> d.requirementKey().equals("16#1"))
					.findFirst()
					.orElseThrow()
					.plan()
					.getId()))
			.hasSize(1);

		// Back to a year: the interval dates the days again.
		form.setPeriodEnd(start.plusYears(1).minusDays(1));
		this.contracts.update(this.officer, contract.getId(), form);
		assertThat(occurrences(this.officer, contract, "16#1")).hasSize(11);
	}

	@Test
	void aSetagayaTrainingPlanRaisesDatedObligationsALapsedOneIsOverdueAndAChangeKeepsMetAndPastOnes() {
		Contract contract = contract("setagaya");
		LocalDate start = contract.getPeriodStart();

		// Setagaya 16 asks for training and drills "according to a plan": the contract's
		// monthly reporting interval dates its reports (32), never its training.
		ImplementationPlans.Overview before = this.plans.overview(this.officer, contract.getId());
		Map<String, ImplementationPlans.Duty> duties = before.duties()
			.stream()
			.collect(Collectors.toMap(ImplementationPlans.Duty::requirementKey, Function.identity()));
		assertThat(duties).containsKeys("16#1", "16#2", "19#1").doesNotContainKeys("32#1", "10#2", "24#1");
		assertThat(duties.get("16#1").deliverable()).isEqualTo(Deliverable.TRAINING_RECORD);
		assertThat(duties.get("16#2").deliverable()).isEqualTo(Deliverable.DRILL_RECORD);
		assertThat(duties.get("19#1").deliverable()).isEqualTo(Deliverable.IMPLEMENTATION_RECORD);
		assertThat(before.unplanned()).isEqualTo(before.duties().size());
		assertThat(this.obligations.forContract(this.officer, contract.getId()))
			.noneMatch((o) -> o.getClauseRef().equals("16"))
			.anyMatch((o) -> o.getClauseRef().equals("32"));

		// Every three months from a month after the start: two days passed, two to come.
		this.plans.save(this.lead, contract.getId(), List.of(new PlanInput("16#1", "P3M", start.plusMonths(1), null)));
		Map<LocalDate, Obligation> planned = occurrences(this.officer, contract, "16#1");
		assertThat(planned).containsOnlyKeys(start.plusMonths(1), start.plusMonths(4), start.plusMonths(7),
				start.plusMonths(10));
		assertThat(planned.values()).allSatisfy((o) -> {
			assertThat(o.getDeliverable()).isEqualTo(Deliverable.TRAINING_RECORD);
			assertThat(o.getClauseRef()).isEqualTo("16");
			assertThat(o.getPeriodKind()).isEqualTo("PLAN_EVERY_P3M");
		});
		Obligation lapsed = planned.get(start.plusMonths(1));
		Obligation met = planned.get(start.plusMonths(4));
		assertThat(lapsed.effectiveStatus(this.today)).isEqualTo(ObligationStatus.OVERDUE);
		assertThat(planned.get(start.plusMonths(7)).effectiveStatus(this.today)).isEqualTo(ObligationStatus.OPEN);
		// Overdue as any obligation: on the lead's to-do list.
		assertThat(this.obligations.todo(this.lead))
			.anyMatch((t) -> t.obligation().getId().equals(lapsed.getId()) && t.status() == ObligationStatus.OVERDUE);
		// A training's record is offered for the planned days; a drill's is not.
		assertThat(this.trainings.openObligations(this.lead, contract.getId(), SessionKind.TRAINING))
			.extracting(Obligation::getId)
			.contains(lapsed.getId(), met.getId());
		assertThat(this.trainings.openObligations(this.lead, contract.getId(), SessionKind.DRILL))
			.extracting(Obligation::getId)
			.doesNotContain(lapsed.getId());

		meet(met);

		// The plan changes to two days to come: the future unmet days are withdrawn, the
		// lapsed and the met day stay as they were.
		LocalDate soon = this.today.plusDays(10);
		LocalDate later = this.today.plusDays(100);
		this.plans.save(this.lead, contract.getId(), List.of(new PlanInput("16#1", null, null, List.of(later, soon))));
		Map<LocalDate, Obligation> after = occurrences(this.officer, contract, "16#1");
		assertThat(after).containsOnlyKeys(start.plusMonths(1), start.plusMonths(4), soon, later);
		assertThat(after.get(start.plusMonths(1)).effectiveStatus(this.today)).isEqualTo(ObligationStatus.OVERDUE);
		assertThat(after.get(start.plusMonths(4)).getStatus()).isEqualTo(ObligationStatus.ACCEPTED);
		assertThat(after.get(soon).getPeriodKind()).isEqualTo("PLAN");
		Integer withdrawn = this.jdbc.sql(
				"select count(*) from obligation where contract_id = ? and requirement_key = '16#1' and status = 'NOT_APPLICABLE'")
			.param(contract.getId())
			.query(Integer.class)
			.single();
		assertThat(withdrawn).isEqualTo(2);
		// Their history names the plan's change, not a change of the clause's conditions.
		assertThat(this.jdbc
			.sql("select distinct e.action from obligation_event e join obligation o on o.id = e.obligation_id"
					+ " where o.contract_id = ? and o.requirement_key = '16#1' and o.status = 'NOT_APPLICABLE'"
					+ " and e.action in ('WITHDRAWN', 'UNSCHEDULED')")
			.param(contract.getId())
			.query(String.class)
			.list()).containsExactly("UNSCHEDULED");

		// A training held today is offered first for the planned day nearest it, and its
		// record, once accepted, meets that day.
		RosterMemberForm member = new RosterMemberForm();
		member.setName("研修 花子");
		member.setAffiliation("運用保守部");
		member.setRole(WorkerRole.WORKER);
		member.setDuties("住民記録システムの運用");
		member.setWorkLocation("受託者データセンター（東京都世田谷区）");
		member.setHandlesPersonalInformation(true);
		member.setPeriodStart(this.today);
		RosterMember trainee = this.rosters.add(this.lead, contract.getId(), member);
		TrainingSessionForm training = new TrainingSessionForm();
		training.setKind(SessionKind.TRAINING);
		training.setHeldOn(this.today);
		training.setContent("情報セキュリティポリシーと特記事項の遵守事項");
		training.setTrainer("業務責任者");
		training.getResults().put(trainee.getId().toString(), AttendanceResult.COMPLETED);
		TrainingSession session = this.trainings.record(this.lead, contract.getId(), training, null);
		List<Obligation> offered = this.trainings.session(this.lead, session.getId()).openObligations();
		assertThat(offered).first().extracting(Obligation::getDueDate).isEqualTo(soon);
		this.trainings.submit(this.lead, session.getId(), offered.get(0).getId());
		this.obligations.reviewFor(this.officer, contract.getId(), Deliverable.TRAINING_RECORD, "PLAN-" + soon, true,
				"研修記録を確認しました。");
		assertThat(occurrences(this.officer, contract, "16#1").get(soon).getStatus())
			.isEqualTo(ObligationStatus.ACCEPTED);

		ImplementationPlan plan = this.plans.overview(this.lead, contract.getId())
			.duties()
			.stream()
			.filter((d) -> d.requirementKey().equals("16#1"))
			.findFirst()
			.orElseThrow()
			.plan();
		assertThat(plan).isNotNull();
		assertThat(plan.getDays()).containsExactly(soon, later);
		assertThat(audited("IMPLEMENTATION_PLAN_SAVED", plan.getId())).hasSize(2)
			.anySatisfy((d) -> assertThat(d).contains("P3M from " + start.plusMonths(1)).contains(soon.toString()));
	}

	@Test
	void aNerimaDrillPlanOverTheApiFallsDueLapsesAndIsRevisedWithoutLosingThePast() throws Exception {
		Contract contract = contract("nerima");
		LocalDate past = this.today.minusDays(3);
		LocalDate future = this.today.plusDays(30);
		this.mvc
			.perform(put("/api/v1/contracts/" + contract.getId() + "/plans").contentType("application/json")
				.content(
						"{\"plans\":[{\"requirement\":\"第24条第3項#1\",\"dates\":[\"" + past + "\",\"" + future + "\"]}]}")
				.with(as(this.leadUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.duties[?(@.requirement == '第24条第3項#1')].plan.dates[0]").value(past.toString()));

		this.mvc.perform(get("/api/v1/contracts/" + contract.getId() + "/plans").with(as(this.officerUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.duties[?(@.requirement == '第24条第3項#1')].deliverable").value("DRILL_RECORD"))
			.andExpect(jsonPath("$.duties[?(@.requirement == '第24条第3項#1')].occurrences[0].status").value("OVERDUE"))
			.andExpect(jsonPath("$.unplanned").value(1));
		assertThat(occurrences(this.officer, contract, "第24条第3項#1").get(past).getDeliverable())
			.isEqualTo(Deliverable.DRILL_RECORD);

		// Every six months from next week: the lapsed day stays overdue, the other is
		// withdrawn.
		LocalDate nextWeek = this.today.plusDays(7);
		this.mvc
			.perform(put("/api/v1/contracts/" + contract.getId() + "/plans").contentType("application/json")
				.content("{\"plans\":[{\"requirement\":\"第24条第3項#1\",\"interval\":\"P6M\",\"firstDate\":\"" + nextWeek
						+ "\"}]}")
				.with(as(this.leadUser)))
			.andExpect(status().isOk());
		Map<LocalDate, Obligation> after = occurrences(this.officer, contract, "第24条第3項#1");
		assertThat(after).containsKeys(past, nextWeek).doesNotContainKey(future);
		assertThat(after.get(past).effectiveStatus(this.today)).isEqualTo(ObligationStatus.OVERDUE);

		// The page, Japanese first: the plan and the lapse; the other duty unplanned.
		this.mvc.perform(get("/contracts/" + contract.getId() + "/plans").with(as(this.officerUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("第24条第3項")))
			.andExpect(content().string(containsString("期限切れ")))
			.andExpect(content().string(containsString("実施計画なし")));
	}

	@Test
	void aContractWithoutAPlanShowsItOnTheContractPageAndInTheLeadsInbox() throws Exception {
		Contract contract = contract("setagaya");
		this.mvc.perform(get("/contracts/" + contract.getId()).with(as(this.officerUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("plans-missing")));
		this.mvc.perform(get("/inbox").with(as(this.leadUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("実施計画を定める")));

		// The page form: the lead plans every duty; the warning goes.
		for (ImplementationPlans.Duty duty : this.plans.overview(this.lead, contract.getId()).duties()) {
			this.mvc
				.perform(post("/contracts/" + contract.getId() + "/plans").param("requirement", duty.requirementKey())
					.param("interval", "P6M")
					.param("firstDate", this.today.plusDays(1).toString())
					.with(SecurityMockMvcRequestPostProcessors.csrf())
					.with(as(this.leadUser)))
				.andExpect(status().is3xxRedirection());
		}
		assertThat(this.plans.overview(this.officer, contract.getId()).unplanned()).isZero();
		this.mvc.perform(get("/contracts/" + contract.getId()).with(as(this.officerUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("plans-missing"))));
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
		Contract contract = contract("setagaya");
		String url = "/api/v1/contracts/" + contract.getId() + "/plans";
		Map<String, String> cases = Map.of(
				"{\"plans\":[{\"requirement\":\"16#1\",\"interval\":\"P5D\",\"firstDate\":\"" + this.today + "\"}]}",
				"plans[0].interval", "{\"plans\":[{\"requirement\":\"16#1\",\"interval\":\"P6M\"}]}",
				"plans[0].firstDate",
				"{\"plans\":[{\"requirement\":\"16#1\",\"dates\":[\"" + this.today + "\",\"2099-01-01\"]}]}",
				"plans[0].dates[1]",
				"{\"plans\":[{\"requirement\":\"99#9\",\"interval\":\"P6M\",\"firstDate\":\"" + this.today + "\"}]}",
				"plans[0].requirement", "{\"plans\":[{\"requirement\":\"16#1\",\"interval\":\"P6M\",\"firstDate\":\""
						+ this.today + "\",\"dates\":[\"" + this.today + "\"]}]}",
				"plans[0].interval", "{}", "plans");
		for (Map.Entry<String, String> bad : cases.entrySet()) {
			this.mvc.perform(put(url).contentType("application/json").content(bad.getKey()).with(as(this.leadUser)))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.errors[0].field").value(bad.getValue()));
		}
		// Two good plans and one bad: nothing is stored.
		this.mvc
			.perform(put(url).contentType("application/json")
				.content("{\"plans\":[{\"requirement\":\"16#1\",\"interval\":\"P6M\",\"firstDate\":\"" + this.today
						+ "\"},{\"requirement\":\"16#2\",\"dates\":[\"1999-01-01\"]}]}")
				.with(as(this.leadUser)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("plans[1].dates[0]"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("契約期間")));
		assertThat(this.jdbc.sql("select count(*) from implementation_plan where contract_id = ?")
			.param(contract.getId())
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.obligations.forContract(this.officer, contract.getId()))
			.noneMatch((o) -> o.getOrigin() == Obligation.Origin.SCHEDULED);

		// The page names the field in Japanese.
		this.mvc
			.perform(post("/contracts/" + contract.getId() + "/plans").param("requirement", "16#1")
				.param("dates", "2026-13-45")
				.with(SecurityMockMvcRequestPostProcessors.csrf())
				.with(as(this.leadUser)))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("actionErrors", org.hamcrest.Matchers.hasItem(containsString("実施日"))));
	}

	@Test
	void onlyTheContractorsLeadPlansAndAnotherContractorNeitherReadsNorWrites() throws Exception {
		Contract contract = contract("nerima");
		List<PlanInput> plan = List.of(new PlanInput("第24条第3項#1", "P6M", this.today.plusDays(1), null));
		assertThat(catchThrowable(() -> this.plans.overview(this.otherLead, contract.getId())))
			.isInstanceOf(NotFoundProblem.class);
		assertThat(catchThrowable(() -> this.plans.save(this.otherLead, contract.getId(), plan)))
			.isInstanceOf(NotFoundProblem.class);
		assertThat(catchThrowable(() -> this.plans.save(this.worker, contract.getId(), plan)))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThat(catchThrowable(() -> this.plans.save(this.officer, contract.getId(), plan)))
			.isInstanceOf(AccessDeniedProblem.class);
		String url = "/api/v1/contracts/" + contract.getId() + "/plans";
		String body = "{\"plans\":[{\"requirement\":\"第24条第3項#1\",\"interval\":\"P6M\",\"firstDate\":\""
				+ this.today.plusDays(1) + "\"}]}";
		this.mvc.perform(get(url).with(as(this.otherLeadUser))).andExpect(status().isNotFound());
		this.mvc.perform(put(url).contentType("application/json").content(body).with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/contracts/" + contract.getId() + "/plans").with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound());
		this.mvc.perform(put(url).contentType("application/json").content(body).with(as(this.workerUser)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(url).with(as(this.workerUser))).andExpect(status().isOk());
		assertThat(this.jdbc.sql("select count(*) from implementation_plan where contract_id = ?")
			.param(contract.getId())
			.query(Integer.class)
			.single()).isZero();
		this.mvc.perform(get("/inbox").with(as(this.otherLeadUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(contract.getNumber()))));
	}

}
