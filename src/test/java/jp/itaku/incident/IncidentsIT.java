package jp.itaku.incident;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.document.PdfForm;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.obligation.Obligations;
import jp.itaku.obligation.Submission;
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
import jp.itaku.support.IntegrationTest;
import jp.itaku.training.AttendanceResult;
import jp.itaku.training.SessionKind;
import jp.itaku.training.TrainingSessionForm;
import jp.itaku.training.Trainings;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Incidents through the application (Kadoma 12, whose 12(1)ア asks for a written report
 * "immediately"): a report raises and meets the INCIDENT_REPORT obligation with a PDF/A
 * whose hash is in the audit trail; the lifecycle with its audit entries and the banner;
 * the detection-to-report time on the page; the emergency response plan's panel; and who
 * may see and do what, by page and API.
 */
@IntegrationTest
class IncidentsIT {

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
	Incidents incidents;

	@Autowired
	Rosters rosters;

	@Autowired
	Trainings trainings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	JsonMapper json;

	UserAccount officerUser;

	UserAccount secadminUser;

	UserAccount auditorUser;

	UserAccount leadUser;

	UserAccount workerUser;

	UserAccount otherLeadUser;

	Contract contract;

	@BeforeEach
	void kadomaContract() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Organisation other = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officerUser = this.fixtures.user(client, Role.CLIENT_OFFICER);
		this.secadminUser = this.fixtures.user(client, Role.CLIENT_SECURITY_ADMIN);
		this.auditorUser = this.fixtures.user(client, Role.AUDITOR);
		this.leadUser = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		this.workerUser = this.fixtures.user(contractor, Role.CONTRACTOR_WORKER);
		this.otherLeadUser = this.fixtures.user(other, Role.CONTRACTOR_LEAD);
		LocalDate today = ItakuTime.today(this.clock);
		var form = this.fixtures.contractForm(contractor, "kadoma", today.minusMonths(1), Set.of());
		form.setTitle("窓口運営業務");
		this.contract = this.contracts.register(this.fixtures.actor(this.officerUser), form);
	}

	private RequestPostProcessor as(UserAccount user) {
		return authentication(this.fixtures.signedIn(user));
	}

	private String minutesAgo(long minutes) {
		return ItakuTime.inTokyo(Instant.now(this.clock).minusSeconds(minutes * 60))
			.toLocalDateTime()
			.withNano(0)
			.toString();
	}

	private String body(long minutesAgo) {
		return """
				{"category":"LEAK","suspected":false,"detectedAt":"%s","location":"窓口カウンター",
				 "description":"交付予約者一覧を印刷した紙1枚を来庁者に誤って渡した。","information":"氏名、予約日時",
				 "recordCount":32,"containment":"来庁者から回収した。"}
				""".formatted(minutesAgo(minutesAgo));
	}

	private String report(UserAccount reporter, long minutesAgo) throws Exception {
		String answer = this.mvc
			.perform(post("/api/v1/contracts/" + this.contract.getId() + "/incidents").contentType("application/json")
				.content(body(minutesAgo))
				.with(as(reporter)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(answer).get("id").asText();
	}

	private long audits(String action, String incidentId) {
		return this.jdbc.sql("select count(*) from audit_entry where action = ? and target_id = ?")
			.param(action)
			.param(incidentId)
			.query(Long.class)
			.single();
	}

	@Test
	void aReportRaisesAndMeetsTheIncidentReportObligationWithAnArchivalPdfWhoseHashIsAudited() throws Exception {
		String id = report(this.leadUser, 30);
		List<Obligation> raised = this.obligationReads.findUnscoped(this.contract.getId(), Deliverable.INCIDENT_REPORT,
				"INC-1");
		assertThat(raised).singleElement().satisfies((o) -> {
			assertThat(o.getClauseRef()).isEqualTo("12(1)ア");
			assertThat(o.getStatus()).isEqualTo(ObligationStatus.SUBMITTED);
			assertThat(o.getSource()).isEqualTo("Incident:" + id);
		});

		byte[] pdf = this.mvc.perform(get("/api/v1/incidents/" + id + "/report.pdf").with(as(this.officerUser)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
		String details = this.jdbc
			.sql("select details from audit_entry where action = 'INCIDENT_REPORTED' and target_id = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(details).contains(sha256, "INC-1", "LEAK");
		assertThat(audits("INCIDENT_REPORT_VIEWED", id)).isEqualTo(1);

		ArchivalPdf.assertArchivalWith(pdf, "事故等報告書", "INC-1", "漏えい", "窓口カウンター", "交付予約者一覧", "32件", "来庁者から回収した",
				"窓口運営業務");
	}

	@Test
	void theLifecycleIsAuditedAndTheBannerShowsUntilASecurityAdministratorAcknowledges() throws Exception {
		String id = report(this.workerUser, 45);
		String dashboard = this.mvc.perform(get("/dashboard").with(as(this.auditorUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(dashboard).select("#incident-banner").text()).contains("確認されていない事故・インシデントの報告が1件");
		assertThat(Jsoup.parse(dashboard).select("#incident-banner a").attr("href")).isEqualTo("/incidents/" + id);
		String leadPage = this.mvc.perform(get("/dashboard").with(as(this.leadUser)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(leadPage).select("#incident-banner")).isEmpty();

		// Only the client's security administrator acknowledges.
		this.mvc.perform(post("/api/v1/incidents/" + id + "/acknowledge").with(as(this.officerUser)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/incidents/" + id + "/acknowledge").with(as(this.secadminUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
			.andExpect(jsonPath("$.reportToAcknowledgementSeconds").isNumber());
		assertThat(Jsoup
			.parse(this.mvc.perform(get("/dashboard").with(as(this.auditorUser)))
				.andReturn()
				.getResponse()
				.getContentAsString())
			.select("#incident-banner")).isEmpty();

		// Closing before the cause is refused naming the rule, as problem+json.
		this.mvc
			.perform(post("/api/v1/incidents/" + id + "/close").contentType("application/json")
				.content("{}")
				.with(as(this.officerUser)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].message").value("原因と再発防止策が記録されてから終結できます。"));
		this.mvc
			.perform(post("/api/v1/incidents/" + id + "/updates").contentType("application/json")
				.content("{\"text\":\"回収した紙をシュレッダーにかけた。\"}")
				.with(as(this.workerUser)))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/incidents/" + id + "/instructions").param("text", "本日中に原因を報告すること。")
				.with(csrf())
				.with(as(this.officerUser)))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/api/v1/incidents/" + id + "/cause").contentType("application/json")
				.content("{\"cause\":\"印刷物の置き場所がカウンターに近かった。\",\"prevention\":\"印刷物を背面の施錠棚に置く。\"}")
				.with(as(this.leadUser)))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/api/v1/incidents/" + id + "/publication").contentType("application/json")
				.content("{\"publication\":\"PUBLISH\",\"reason\":\"市民への影響があるため\"}")
				.with(as(this.secadminUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.publication").value("PUBLISH"));
		this.mvc
			.perform(post("/api/v1/incidents/" + id + "/close").contentType("application/json")
				.content("{\"note\":\"対策を確認\"}")
				.with(as(this.officerUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"));
		this.mvc
			.perform(post("/api/v1/incidents/" + id + "/updates").contentType("application/json")
				.content("{\"text\":\"追記\"}")
				.with(as(this.leadUser)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));

		this.mvc.perform(get("/api/v1/incidents/" + id).with(as(this.auditorUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.timeline[*].kind").value(org.hamcrest.Matchers.contains("REPORTED", "ACKNOWLEDGED",
					"UPDATE", "INSTRUCTION", "CAUSE", "PUBLICATION", "CLOSED")));
		for (String action : List.of("INCIDENT_REPORTED", "INCIDENT_ACKNOWLEDGED", "INCIDENT_UPDATED",
				"INCIDENT_INSTRUCTED", "INCIDENT_CAUSE_RECORDED", "INCIDENT_PUBLICATION_DECIDED", "INCIDENT_CLOSED",
				"INCIDENT_VIEWED")) {
			assertThat(audits(action, id)).as(action).isEqualTo(1);
		}
		assertThat(this.jdbc.sql("select username from audit_entry where action = 'INCIDENT_VIEWED' and target_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo(this.auditorUser.getUsername());
	}

	@Test
	void theDetailPageShowsTheMeasuredDetectionToReportTime() throws Exception {
		String id = report(this.leadUser, 30);
		String page = this.mvc.perform(get("/incidents/" + id).with(as(this.secadminUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var html = Jsoup.parse(page);
		assertThat(html.select("#detection-to-report .incident-time").text()).isIn("30分", "29分", "31分");
		assertThat(html.select("#report-timeliness").text()).isEqualTo("期限内");
		assertThat(html.select("#report-term").text()).startsWith("12(1)アの「直ちに」（1時間）: 期限 ");
		assertThat(html.select("#acknowledge-form")).hasSize(1);
		String late = report(this.leadUser, 90);
		assertThat(Jsoup
			.parse(this.mvc.perform(get("/incidents/" + late).with(as(this.officerUser)))
				.andReturn()
				.getResponse()
				.getContentAsString())
			.select("#detection-to-report")
			.text()).contains("1時間30分", "期限超過");
	}

	private Contract contractOn(String profileCode) {
		LocalDate today = ItakuTime.today(this.clock);
		Organisation contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.leadUser = this.fixtures.user(contractor, Role.CONTRACTOR_LEAD);
		var form = this.fixtures.contractForm(contractor, profileCode, today.minusMonths(1), Set.of());
		return this.contracts.register(this.fixtures.actor(this.officerUser), form);
	}

	private String detailPage(String id) throws Exception {
		return this.mvc.perform(get("/incidents/" + id).with(as(this.officerUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void aGunmaIncidentReported23HoursAfterDetectionIsInTimeBecauseItsClauseSaysPromptly() throws Exception {
		this.contract = contractOn("gunma");
		String id = report(this.leadUser, 23 * 60);
		Obligation report = this.obligationReads
			.findUnscoped(this.contract.getId(), Deliverable.INCIDENT_REPORT, "INC-1")
			.get(0);
		assertThat(report.getClauseRef()).isEqualTo("第16条");
		assertThat(report.getDuePolicy()).isEqualTo(jp.itaku.catalog.DeadlinePolicy.PROMPTLY);
		assertThat(report.getDueDate()).isAfterOrEqualTo(report.getOccurredOn().plusDays(3));

		var html = Jsoup.parse(detailPage(id));
		assertThat(html.select("#detection-to-report .incident-time").text()).startsWith("23時間");
		assertThat(html.select("#report-timeliness").text()).isEqualTo("期限内");
		assertThat(html.select("#report-term").text()).startsWith("第16条の「速やかに」（3日）: 期限 ");
		this.mvc.perform(get("/api/v1/incidents/" + id).with(as(this.officerUser)))
			.andExpect(jsonPath("$.reportedInTime").value(true))
			.andExpect(jsonPath("$.reportDeadline.clauseRef").value("第16条"))
			.andExpect(jsonPath("$.reportDeadline.policy").value("PROMPTLY"))
			.andExpect(jsonPath("$.reportDeadline.dueDate").value(report.getDueDate().toString()));
		var list = Jsoup.parse(
				this.mvc.perform(get("/contracts/" + this.contract.getId() + "/incidents").with(as(this.officerUser)))
					.andReturn()
					.getResponse()
					.getContentAsString());
		assertThat(list.select("tr[data-incident=INC-1] .status--accepted").text()).isEqualTo("期限内");
		assertThat(list.select("tr[data-incident=INC-1] .status--overdue")).isEmpty();
		assertThat(this.jdbc.sql("select details from audit_entry where action = 'INCIDENT_REPORTED' and target_id = ?")
			.param(id)
			.query(String.class)
			.single()).contains("\"reportedInTime\":true");
	}

	@Test
	void aSetagayaIncidentIsJudgedByItsOwnImmediately() throws Exception {
		this.contract = contractOn("setagaya");
		String late = report(this.leadUser, 90);
		var html = Jsoup.parse(detailPage(late));
		assertThat(html.select("#report-timeliness").text()).isEqualTo("期限超過");
		assertThat(html.select("#report-term").text()).startsWith("36の「直ちに」（1時間）: 期限 ");
		String inTime = report(this.leadUser, 40);
		assertThat(Jsoup.parse(detailPage(inTime)).select("#report-timeliness").text()).isEqualTo("期限内");
		this.mvc.perform(get("/api/v1/contracts/" + this.contract.getId() + "/incidents").with(as(this.officerUser)))
			.andExpect(jsonPath("$[0].number").value("INC-2"))
			.andExpect(jsonPath("$[0].reportedInTime").value(true))
			.andExpect(jsonPath("$[1].reportedInTime").value(false))
			.andExpect(jsonPath("$[1].reportDeadline.clauseRef").value("36"));
	}

	@Test
	void aSaturdayIncidentsReportIsNeverDueBeforeTheSaturday() throws Exception {
		LocalDate saturday = ItakuTime.today(this.clock).minusDays(1);
		while (saturday.getDayOfWeek() != java.time.DayOfWeek.SATURDAY) {
			saturday = saturday.minusDays(1);
		}
		String detectedAt = saturday.atTime(10, 0).toString();
		for (String code : List.of("kadoma", "setagaya", "nerima", "gunma")) {
			this.contract = contractOn(code);
			this.mvc
				.perform(post("/api/v1/contracts/" + this.contract.getId() + "/incidents")
					.contentType("application/json")
					.content(body(0).replaceFirst("\"detectedAt\":\"[^\"]*\"", "\"detectedAt\":\"" + detectedAt + "\""))
					.with(as(this.leadUser)))
				.andExpect(status().isCreated());
			List<Obligation> reports = this.obligationReads.findUnscoped(this.contract.getId(),
					Deliverable.INCIDENT_REPORT, "INC-1");
			assertThat(reports).as(code).isNotEmpty();
			for (Obligation report : reports) {
				assertThat(report.getOccurredOn()).isEqualTo(saturday);
				assertThat(report.getDueDate()).as(code + " " + report.getClauseRef()).isAfterOrEqualTo(saturday);
			}
		}
	}

	@Test
	void thePlanPanelShowsTheSubmissionItsNextReviewAndTheDrills() throws Exception {
		Actor lead = this.fixtures.actor(this.leadUser);
		String url = "/contracts/" + this.contract.getId() + "/incidents";
		var before = Jsoup.parse(
				this.mvc.perform(get(url).with(as(this.officerUser))).andReturn().getResponse().getContentAsString());
		assertThat(before.select("#plan-obligations li")).hasSize(1);
		assertThat(before.select("#plan-last-accepted").text()).isEqualTo("まだ承認されていません");
		assertThat(before.select("#no-drills")).hasSize(1);

		Obligation plan = this.obligationReads
			.findUnscoped(this.contract.getId(), Deliverable.EMERGENCY_RESPONSE_PLAN, "START")
			.get(0);
		byte[] pdf = PdfForm.titled("緊急時対応計画").paragraph("連絡体制").toPdf();
		Submission submission = this.obligations.submit(lead, plan.getId(), "計画",
				List.of(new Obligations.Upload("計画.pdf", "application/pdf", new ByteArrayResource(pdf))));
		this.obligations.review(this.fixtures.actor(this.officerUser), submission.getId(), true, null);
		RosterMemberForm member = new RosterMemberForm();
		member.setName("訓練 太郎");
		member.setAffiliation("窓口課");
		member.setRole(WorkerRole.WORKER);
		member.setPeriodStart(this.contract.getPeriodStart());
		RosterMember added = this.rosters.add(lead, this.contract.getId(), member);
		TrainingSessionForm drill = new TrainingSessionForm();
		drill.setKind(SessionKind.DRILL);
		drill.setHeldOn(ItakuTime.today(this.clock));
		drill.setContent("個人情報漏えい時の初動訓練");
		drill.setScenario("USBメモリの紛失");
		drill.setTrainer("訓練 太郎");
		drill.setResults(Map.of(added.getId().toString(), AttendanceResult.COMPLETED));
		this.trainings.record(lead, this.contract.getId(), drill, null);

		LocalDate today = ItakuTime.today(this.clock);
		var after = Jsoup.parse(
				this.mvc.perform(get(url).with(as(this.auditorUser))).andReturn().getResponse().getContentAsString());
		assertThat(after.select("#plan-obligations").text()).contains("受理済み");
		assertThat(after.select("#plan-last-accepted").text())
			.isEqualTo(jp.itaku.platform.Dates.wareki(today) + jp.itaku.platform.Dates.weekday(today));
		assertThat(after.select("#plan-next-review").text())
			.contains(jp.itaku.platform.Dates.wareki(today.plusYears(1)));
		assertThat(after.select("#drills li").text()).contains("個人情報漏えい時の初動訓練", "USBメモリの紛失");
	}

	@Test
	void partiesSeeOnlyTheContractorsSideReportsAnotherContractorSeesNothingAndTheAuditorChangesNothing()
			throws Exception {
		String id = report(this.leadUser, 10);
		String list = "/contracts/" + this.contract.getId() + "/incidents";
		for (UserAccount party : List.of(this.officerUser, this.secadminUser, this.auditorUser, this.leadUser,
				this.workerUser)) {
			this.mvc.perform(get("/api/v1" + list).with(as(party)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[0].number").value("INC-1"));
			this.mvc.perform(get(list).with(as(party))).andExpect(status().isOk());
			this.mvc.perform(get("/incidents/" + id).with(as(party))).andExpect(status().isOk());
			this.mvc.perform(get("/api/v1/incidents/" + id).with(as(party))).andExpect(status().isOk());
		}
		assertThat(audits("INCIDENT_VIEWED", id)).isEqualTo(10);

		// Another contractor: nothing exists, by page and API.
		this.mvc.perform(get("/api/v1" + list).with(as(this.otherLeadUser))).andExpect(status().isNotFound());
		this.mvc.perform(get(list).with(as(this.otherLeadUser))).andExpect(status().isNotFound());
		this.mvc.perform(get(list + "/new").with(as(this.otherLeadUser))).andExpect(status().isNotFound());
		this.mvc.perform(get("/incidents/" + id).with(as(this.otherLeadUser))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/incidents/" + id).with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		this.mvc.perform(get("/api/v1/incidents/" + id + "/report.pdf").with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound());
		this.mvc.perform(
				post("/api/v1" + list).contentType("application/json").content(body(5)).with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/incidents/" + id + "/updates").contentType("application/json")
				.content("{\"text\":\"x\"}")
				.with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound());
		assertThat(Jsoup
			.parse(this.mvc.perform(get("/incidents").with(as(this.otherLeadUser)))
				.andReturn()
				.getResponse()
				.getContentAsString())
			.select("#open-incidents tr[data-incident=" + id + "]")).isEmpty();
		assertThat(audits("INCIDENT_VIEWED", id)).isEqualTo(10);

		// The auditor and the client's officers do not report; the auditor changes
		// nothing.
		for (UserAccount client : List.of(this.officerUser, this.auditorUser)) {
			this.mvc.perform(post("/api/v1" + list).contentType("application/json").content(body(5)).with(as(client)))
				.andExpect(status().isForbidden());
			this.mvc.perform(get(list + "/new").with(as(client))).andExpect(status().isForbidden());
		}
		for (String action : List.of("acknowledge", "instructions", "cause", "close", "publication", "updates")) {
			this.mvc.perform(post("/api/v1/incidents/" + id + "/" + action).contentType("application/json")
				.content(
						"{\"text\":\"x\",\"cause\":\"x\",\"prevention\":\"x\",\"publication\":\"PUBLISH\",\"reason\":\"x\"}")
				.with(as(this.auditorUser))).andExpect(status().isForbidden());
		}
		// The contractor's side does not instruct, close or decide.
		for (String action : List.of("acknowledge", "instructions", "close", "publication")) {
			this.mvc
				.perform(post("/api/v1/incidents/" + id + "/" + action).contentType("application/json")
					.content("{\"text\":\"x\",\"publication\":\"PUBLISH\",\"reason\":\"x\"}")
					.with(as(this.leadUser)))
				.andExpect(status().isForbidden());
		}
		var auditorPage = Jsoup.parse(this.mvc.perform(get("/incidents/" + id).with(as(this.auditorUser)))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(auditorPage.select("form[id$=-form]")).isEmpty();
		var listPage = Jsoup.parse(
				this.mvc.perform(get(list).with(as(this.workerUser))).andReturn().getResponse().getContentAsString());
		assertThat(listPage.select("#report-incident").attr("href")).isEqualTo(list + "/new");
		var contractPage = Jsoup
			.parse(this.mvc.perform(get("/contracts/" + this.contract.getId()).with(as(this.auditorUser)))
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(contractPage.select("#incidents-link").attr("href")).isEqualTo(list);
		assertThat(
				this.jdbc.sql("select status from incident where id = ?::uuid").param(id).query(String.class).single())
			.isEqualTo("REPORTED");
	}

}
