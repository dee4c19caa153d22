package jp.itaku.clientrequest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.export.CalendarFeeds;
import jp.itaku.export.ObligationWorkbooks;
import jp.itaku.logevidence.LogEvidence;
import jp.itaku.logevidence.LogFormat;
import jp.itaku.logevidence.LogMapping;
import jp.itaku.logevidence.LogSource;
import jp.itaku.obligation.ComplianceDashboard;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.Obligations;
import jp.itaku.obligation.Submission;
import jp.itaku.obligation.SubmissionFile;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.subcontract.SubcontractForm;
import jp.itaku.subcontract.Subcontracts;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The client's requests for reports and material against the database: Nerima 第22条第2項 end
 * to end (the officer asks, the contractor's lead sees and answers the obligation, the
 * officer accepts, another contractor sees nothing); Gunma 9 answered with Itaku's own
 * log export whose hash is on the audit trail, and a period shorter than the clause's
 * three months refused naming the clause; Kadoma 8(5) and 11(4), Gunma 15 and 15③,
 * Setagaya 10 and Nerima 第22条 each raise their obligation; a request with nothing behind
 * it is refused and stores nothing.
 */
@IntegrationTest
class ClientRequestsIT {

	private static final LogMapping MAPPING = new LogMapping("time", "user", "action", "target", "result", "ip",
			List.of());

	/** An obligation's link in a calendar feed. */
	private static final Pattern OBLIGATION_LINK = Pattern.compile("/obligations/([0-9a-f-]{36})");

	/** The workbook's row of column headings; the obligations follow it. */
	private static final int WORKBOOK_HEADER_ROW = 8;

	@Autowired
	CalendarFeeds feeds;

	@Autowired
	ObligationWorkbooks workbooks;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	ClientRequests requests;

	@Autowired
	Obligations obligations;

	@Autowired
	LogEvidence logs;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	Subcontracts subcontracts;

	@Autowired
	ComplianceDashboard dashboard;

	UserAccount officerUser;

	UserAccount leadUser;

	UserAccount lead2User;

	UserAccount auditorUser;

	Actor officer;

	Actor lead;

	Actor lead2;

	Organisation contractor;

	LocalDate today;

	@BeforeEach
	void parties() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officerUser = this.fixtures.user(client, Role.CLIENT_OFFICER);
		this.auditorUser = this.fixtures.user(client, Role.AUDITOR);
		this.leadUser = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		this.lead2User = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CONTRACTOR),
				Role.CONTRACTOR_LEAD);
		this.officer = this.fixtures.actor(this.officerUser);
		this.lead = this.fixtures.actor(this.leadUser);
		this.lead2 = this.fixtures.actor(this.lead2User);
		this.today = ItakuTime.today(this.clock);
	}

	@Test
	void nerima22SecondEndToEnd() throws Exception {
		Contract nerima = contract("nerima", ContractAttribute.HAS_SUBCONTRACTORS);
		String key = key(nerima, "第22条第2項");

		ClientRequests.Requested requested = this.requests.request(this.officer, nerima.getId(),
				form(key, "再委託先（第1次）の遵守状況を報告してください。", null, null));

		assertThat(requested.raised()).singleElement().satisfies((o) -> {
			assertThat(o.getClauseRef()).isEqualTo("第22条第2項");
			assertThat(o.getDeliverable()).isEqualTo(Deliverable.SUBCONTRACT_SUPERVISION_REPORT);
			assertThat(o.getDueDate()).isEqualTo(this.today.plusDays(30));
			assertThat(o.getSource()).isEqualTo("ClientRequest:" + requested.request().getId());
		});
		Obligation raised = requested.raised().get(0);
		assertThat(audits("CLIENT_REQUESTED", requested.request().getId())).isEqualTo(1);

		// The contractor's lead sees the obligation on its to-do list and in its inbox,
		// even though it falls due in a month.
		assertThat(this.obligations.todo(this.lead)).extracting((t) -> t.obligation().getId()).contains(raised.getId());
		this.mvc.perform(get("/inbox").with(authentication(this.fixtures.signedIn(this.leadUser))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/obligations/" + raised.getId())));
		// Another contractor sees nothing of it.
		assertThat(this.obligations.todo(this.lead2)).extracting((t) -> t.obligation().getId())
			.doesNotContain(raised.getId());
		assertThatThrownBy(() -> this.requests.list(this.lead2, nerima.getId())).isInstanceOf(NotFoundProblem.class);
		this.mvc.perform(get("/inbox").with(authentication(this.fixtures.signedIn(this.lead2User))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(raised.getId().toString()))));
		this.mvc
			.perform(get("/api/v1/contracts/{id}/requests", nerima.getId())
				.with(authentication(this.fixtures.signedIn(this.lead2User))))
			.andExpect(status().isNotFound());

		// The lead answers through the obligation; the officer accepts.
		Submission submission = this.obligations.submit(this.lead, raised.getId(), "第1次再委託先の遵守状況です。",
				List.of(new Obligations.Upload("supervision.txt", "text/plain",
						new ByteArrayResource("月次の実地確認：指摘なし".getBytes(StandardCharsets.UTF_8)))));
		assertThat(state(nerima)).isEqualTo("ANSWERED");
		this.obligations.review(this.officer, submission.getId(), true, null);
		assertThat(state(nerima)).isEqualTo("ACCEPTED");

		this.mvc
			.perform(get("/contracts/{id}/requests", nerima.getId())
				.with(authentication(this.fixtures.signedIn(this.officerUser))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("REQ-1")))
			.andExpect(content().string(containsString("受理済み")))
			.andExpect(content().string(containsString("/obligations/" + raised.getId())));
		this.mvc
			.perform(get("/api/v1/contracts/{id}/requests", nerima.getId())
				.with(authentication(this.fixtures.signedIn(this.leadUser))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].number").value("REQ-1"))
			.andExpect(jsonPath("$[0].clause").value("第22条第2項"))
			.andExpect(jsonPath("$[0].state").value("ACCEPTED"))
			.andExpect(jsonPath("$[0].obligations[0]").value(raised.getId().toString()));
	}

	@Test
	void aRequestAimedAtASubcontractorsLevelIsOwedByThatSubcontractorAlone() throws Exception {
		Contract nerima = contract("nerima", ContractAttribute.HAS_SUBCONTRACTORS);
		String key = key(nerima, "第22条第2項");
		Organisation aoba = this.fixtures.organisation(OrganisationKind.SUBCONTRACTOR);
		Organisation other = this.fixtures.organisation(OrganisationKind.SUBCONTRACTOR);
		UserAccount subleadUser = this.fixtures.user(aoba, Role.CONTRACTOR_LEAD);
		UserAccount otherSubUser = this.fixtures.user(other, Role.CONTRACTOR_LEAD);
		for (Organisation sub : List.of(aoba, other)) {
			this.subcontracts.approve(this.officer,
					this.subcontracts.apply(this.lead, nerima.getId(), subcontract(sub)).getId());
		}
		Actor sublead = this.fixtures.actor(subleadUser);

		// Two subcontractors at the first level: the level alone does not say which.
		ClientRequestForm byLevel = form(key, "第1次再委託先の遵守状況を報告してください。", null, null);
		byLevel.setChainLevel(1);
		assertThatThrownBy(() -> this.requests.request(this.officer, nerima.getId(), byLevel)).isInstanceOfSatisfying(
				InvalidInputProblem.class, (p) -> assertThat(p.getFieldProblems()).extracting(FieldProblem::field)
					.containsExactly("subcontractor"));
		assertThat(stored(nerima)).isZero();
		byLevel.setSubcontractor(aoba.getId());
		ClientRequests.Requested requested = this.requests.request(this.officer, nerima.getId(), byLevel);
		Obligation owed = requested.raised().get(0);
		assertThat(owed.getOwedBy()).isEqualTo(aoba.getId());
		assertThat(owed.getOwedLevel()).isEqualTo(1);
		assertThat(requested.request().getChainLevel()).isEqualTo(1);

		// The subcontractor's lead sees it on its list, its inbox and its dashboard.
		assertThat(this.obligations.todo(sublead)).extracting((t) -> t.obligation().getId())
			.containsExactly(owed.getId());
		for (String page : List.of("/inbox", "/dashboard", "/contracts/" + nerima.getId())) {
			this.mvc.perform(get(page).with(authentication(this.fixtures.signedIn(subleadUser))))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("/obligations/" + owed.getId())));
		}
		this.mvc
			.perform(get("/api/v1/contracts/{id}/obligations", nerima.getId())
				.with(authentication(this.fixtures.signedIn(subleadUser))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].id").value(owed.getId().toString()))
			.andExpect(jsonPath("$[0].owedBy").value(aoba.getId().toString()));
		this.mvc
			.perform(get("/obligations/{id}", owed.getId()).with(authentication(this.fixtures.signedIn(subleadUser))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"submit-form\"")));

		// The contractor's lead follows it as owed by its subcontractor, and cannot
		// answer.
		assertThat(this.obligations.todo(this.lead)).extracting((t) -> t.obligation().getId())
			.doesNotContain(owed.getId());
		this.mvc
			.perform(get("/obligations/{id}", owed.getId()).with(authentication(this.fixtures.signedIn(this.leadUser))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"obligation-owed-by\"")))
			.andExpect(content().string(containsString(aoba.getName())))
			.andExpect(content().string(not(containsString("id=\"submit-form\""))));
		this.mvc
			.perform(get("/api/v1/obligations/{id}", owed.getId())
				.with(authentication(this.fixtures.signedIn(this.leadUser))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.owedBy").value(aoba.getId().toString()))
			.andExpect(jsonPath("$.owedLevel").value(1));
		this.mvc.perform(get("/inbox").with(authentication(this.fixtures.signedIn(this.leadUser))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/obligations/" + owed.getId()))));
		assertThatThrownBy(() -> this.obligations.submit(this.lead, owed.getId(), "代理", upload()))
			.isInstanceOf(AccessDeniedProblem.class);

		// Another contractor and another subcontractor of the same chain see nothing.
		for (UserAccount outsider : List.of(this.lead2User, otherSubUser)) {
			this.mvc
				.perform(get("/obligations/{id}", owed.getId()).with(authentication(this.fixtures.signedIn(outsider))))
				.andExpect(status().isNotFound());
			this.mvc
				.perform(get("/api/v1/obligations/{id}/submissions", owed.getId())
					.with(authentication(this.fixtures.signedIn(outsider))))
				.andExpect(status().isNotFound());
			assertThat(this.obligations.todo(this.fixtures.actor(outsider))).extracting((t) -> t.obligation().getId())
				.doesNotContain(owed.getId());
		}
		this.mvc
			.perform(get("/api/v1/contracts/{id}/obligations", nerima.getId())
				.with(authentication(this.fixtures.signedIn(otherSubUser))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
		// The contract's overview counts its part alone for each subcontractor; the
		// contractor's lead counts the whole contract.
		assertThat(this.dashboard.overview(sublead, nerima.getId()).byStatus())
			.containsExactlyEntriesOf(Map.of(owed.effectiveStatus(ItakuTime.today(this.clock)), 1));
		assertThat(this.dashboard.overview(this.fixtures.actor(otherSubUser), nerima.getId()).total()).isZero();
		assertThat(this.dashboard.overview(this.lead, nerima.getId()).total())
			.isEqualTo(this.obligations.forContract(this.lead, nerima.getId()).size());

		// Its calendar feed and its workbook hold what its part owes and nothing of the
		// contractor's: before, both read the parties' contracts alone (the workbook
		// answered 404, the feed was empty).
		String feed = this.feeds.feed(this.feeds.issue(sublead).value()).orElseThrow().replace("\r\n ", "");
		assertThat(OBLIGATION_LINK.matcher(feed).results().map((m) -> m.group(1)).distinct())
			.containsExactly(owed.getId().toString());
		assertThat(workbookClauses(sublead, nerima)).containsExactly(owed.getClauseRef());
		assertThat(workbookClauses(this.fixtures.actor(otherSubUser), nerima)).isEmpty();
		assertThat(workbookClauses(this.lead, nerima))
			.hasSize(this.obligations.forContract(this.lead, nerima.getId()).size());
		assertThatThrownBy(() -> this.workbooks.export(this.fixtures.actor(this.lead2User), nerima.getId()))
			.isInstanceOf(NotFoundProblem.class);

		// The subcontractor answers; the officer reviews it as any submission.
		Submission submission = this.obligations.submit(sublead, owed.getId(), "当社の遵守状況です。", upload());
		assertThat(submission.getSubmittedBy()).isEqualTo(subleadUser.getId());
		assertThat(state(nerima)).isEqualTo("ANSWERED");
		this.obligations.review(this.officer, submission.getId(), true, null);
		assertThat(state(nerima)).isEqualTo("ACCEPTED");
		assertThat(this.obligations.todo(sublead)).isEmpty();
		assertThat(this.dashboard.overview(sublead, nerima.getId()).byStatus())
			.containsExactlyEntriesOf(Map.of(ObligationStatus.ACCEPTED, 1));
	}

	/** The clauses of the obligations listed in the workbook an actor exports. */
	private List<String> workbookClauses(Actor actor, Contract contract) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(this.workbooks.export(actor, contract.getId()).content()))) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			List<String> clauses = new ArrayList<>();
			for (int r = WORKBOOK_HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
				clauses.add(sheet.getRow(r).getCell(1).getStringCellValue());
			}
			return clauses;
		}
	}

	private static List<Obligations.Upload> upload() {
		return List.of(new Obligations.Upload("compliance.txt", "text/plain",
				new ByteArrayResource("遵守状況：指摘なし".getBytes(StandardCharsets.UTF_8))));
	}

	private static SubcontractForm subcontract(Organisation subcontractor) {
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

	@Test
	void gunma9IsAnsweredWithItaksOwnLogExportWhoseHashIsAudited() throws Exception {
		Contract gunma = contract("gunma");
		LogSource source = this.logs.addSource(this.lead, gunma.getId(), "入力端末", LogFormat.CSV, MAPPING, null);
		List<String> lines = new ArrayList<>();
		for (int daysAgo = 80; daysAgo >= 5; daysAgo -= 15) {
			lines.add(this.today.minusDays(daysAgo) + "T10:00:00+09:00,OP-1,view,調査票" + daysAgo + ",success,10.0.0.8");
		}
		this.logs.ingest(this.lead, gunma.getId(), source.id(), "access.csv",
				new ByteArrayInputStream(("time,user,action,target,result,ip\n" + String.join("\n", lines) + "\n")
					.getBytes(StandardCharsets.UTF_8)),
				false);
		String key = key(gunma, "第9条イ");
		LocalDate to = this.today.minusDays(1);

		// Two months are less than the clause's "at least the past three months".
		assertThatThrownBy(() -> this.requests.request(this.officer, gunma.getId(),
				form(key, "情報システムのアクセスログ", to.minusMonths(2), to)))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					(p) -> assertThat(p.getFieldProblems()).singleElement().satisfies((f) -> {
						assertThat(f.field()).isEqualTo("periodFrom");
						assertThat(f.messageKey()).isEqualTo("clientrequest.error.periodTooShort");
						assertThat(f.arguments()).containsExactly("第9条イ", 3L);
					}));
		// Nor may the period be left out.
		assertThatThrownBy(
				() -> this.requests.request(this.officer, gunma.getId(), form(key, "情報システムのアクセスログ", null, null)))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					(p) -> assertThat(p.getFieldProblems()).extracting(FieldProblem::messageKey)
						.containsExactly("clientrequest.error.periodRequired"));
		assertThat(stored(gunma)).isZero();

		ClientRequests.Requested requested = this.requests.request(this.officer, gunma.getId(),
				form(key, "情報システムのアクセスログ（過去3か月分）", to.minusMonths(3).plusDays(1), to));
		assertThat(requested.raised()).singleElement()
			.satisfies((o) -> assertThat(o.getDeliverable()).isEqualTo(Deliverable.LOG_SUBMISSION));
		UUID requestId = requested.request().getId();
		// The officer cannot answer; the contractor's lead can.
		assertThatThrownBy(() -> this.requests.answerWithLogs(this.officer, gunma.getId(), requestId, null))
			.isInstanceOf(AccessDeniedProblem.class);

		// The contractor's lead is offered the answer on the requests page.
		this.mvc
			.perform(get("/contracts/{id}/requests", gunma.getId())
				.with(authentication(this.fixtures.signedIn(this.leadUser))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Itaku のログを出力して回答する")))
			.andExpect(content().string(containsString("/requests/" + requestId + "/log-answer")));

		ClientRequests.LogAnswer answer = this.requests.answerWithLogs(this.lead, gunma.getId(), requestId,
				"Itaku の保管ログです。");

		assertThat(answer.lines()).isEqualTo(lines.size());
		assertThat(answer.sha256()).hasSize(64);
		Obligation obligation = requested.raised().get(0);
		Submission submission = this.obligations.detail(this.officer, obligation.getId()).submissions().get(0);
		List<SubmissionFile> files = this.obligations.files(this.officer, submission.getId());
		assertThat(files).singleElement().satisfies((f) -> {
			assertThat(f.getSha256()).isEqualTo(answer.sha256());
			assertThat(f.getFileName()).endsWith(".csv");
		});
		String details = this.jdbc
			.sql("select details from audit_entry where action = 'CLIENT_REQUEST_ANSWERED_WITH_LOGS'"
					+ " and target_id = ?")
			.param(requestId.toString())
			.query(String.class)
			.single();
		assertThat(details).contains(answer.sha256()).contains(obligation.getId().toString());
		assertThat(state(gunma)).isEqualTo("ANSWERED");
		// Answered once: a second answer finds nothing open.
		assertThatThrownBy(() -> this.requests.answerWithLogs(this.lead, gunma.getId(), requestId, null))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					(p) -> assertThat(p.getFieldProblems()).extracting(FieldProblem::messageKey)
						.containsExactly("clientrequest.error.nothingOpen"));
		this.mvc
			.perform(post("/contracts/{id}/requests/{rid}/log-answer", gunma.getId(), requestId)
				.with(authentication(this.fixtures.signedIn(this.leadUser)))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("actionErrors", List.of("この請求の義務はすでに提出済みか受理済みです。")));
		assertThat(this.jdbc
			.sql("select count(*) from submission_file f join submission s on s.id = f.submission_id"
					+ " where s.obligation_id = ?")
			.param(obligation.getId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0} {1} raises its obligation")
	@CsvSource({ "kadoma, 8(5), SUBCONTRACT_SUPERVISION_REPORT, HAS_SUBCONTRACTORS", "kadoma, 11(4), AUDIT_MATERIALS, ",
			"gunma, 第15条, STATUS_REPORT, ", "gunma, 第15条第3項, AUDIT_MATERIALS, ", "gunma, 第9条ア, LOG_SUBMISSION, ",
			"setagaya, 10, SELF_INSPECTION_REPORT, SERVERS_OUTSIDE_CLIENT_PREMISES", "nerima, 第22条, STATUS_REPORT, " })
	void eachClauseThatLetsTheClientAskRaisesItsObligation(String profile, String clause, Deliverable deliverable,
			ContractAttribute attribute) {
		Contract contract = (attribute != null) ? contract(profile, attribute) : contract(profile);
		String key = key(contract, clause);
		boolean needsPeriod = "第9条ア".equals(clause);
		ClientRequests.Requested requested = this.requests.request(this.officer, contract.getId(),
				form(key, "求める報告・資料", needsPeriod ? this.today.minusMonths(4) : null, needsPeriod ? this.today : null));
		assertThat(requested.raised()).singleElement().satisfies((o) -> {
			assertThat(o.getClauseRef()).isEqualTo(clause);
			assertThat(o.getDeliverable()).isEqualTo(deliverable);
			assertThat(o.getStatus()).isEqualTo(ObligationStatus.OPEN);
		});
		assertThat(this.obligations.todo(this.lead)).extracting((t) -> t.obligation().getId())
			.contains(requested.raised().get(0).getId());
	}

	@Test
	void aRequestWithNothingBehindItIsRefusedAndStoresNothing() throws Exception {
		// Without subcontracting, Kadoma 8(5) binds nobody to report on a subcontractor.
		Contract kadoma = contract("kadoma");
		assertThat(this.requests.list(this.officer, kadoma.getId()).offer())
			.extracting(ClientRequests.Requestable::clauseRef)
			.doesNotContain("8(5)")
			.contains("11(4)");
		assertThatThrownBy(() -> this.requests.request(this.officer, kadoma.getId(), form("8(5)#2", "報告", null, null)))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					(p) -> assertThat(p.getFieldProblems()).extracting(FieldProblem::field)
						.containsExactly("requirement"));
		// A client right that binds nobody is not offered either (Kadoma 11(2)'s
		// inspections).
		assertThatThrownBy(() -> this.requests.request(this.officer, kadoma.getId(), form("11(2)#1", "点検", null, null)))
			.isInstanceOf(InvalidInputProblem.class);
		// The page says so and tells nobody that something was sent.
		this.mvc
			.perform(post("/contracts/{id}/requests", kadoma.getId())
				.with(authentication(this.fixtures.signedIn(this.officerUser)))
				.with(csrf())
				.param("requirement", "8(5)#2")
				.param("description", "報告")
				.param("dueOn", this.today.plusDays(7).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("契約の特記事項が委託者の求めに応じた報告・提出を定める事項から選んでください。")))
			.andExpect(content().string(not(containsString("id=\"request-made\""))));
		assertThat(stored(kadoma)).isZero();
		assertThat(
				this.jdbc.sql("select count(*) from obligation where contract_id = ? and source like 'ClientRequest:%'")
					.param(kadoma.getId())
					.query(Long.class)
					.single())
			.isZero();

		// Only the client's deciders ask.
		assertThatThrownBy(() -> this.requests.request(this.lead, kadoma.getId(), form("11(4)#1", "資料", null, null)))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThatThrownBy(() -> this.requests.request(this.fixtures.actor(this.auditorUser), kadoma.getId(),
				form("11(4)#1", "資料", null, null)))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThatThrownBy(() -> this.requests.request(this.lead2, kadoma.getId(), form("11(4)#1", "資料", null, null)))
			.isInstanceOf(NotFoundProblem.class);
	}

	@Test
	void theApiNamesEveryFieldAtFaultAndCreatesAValidRequest() throws Exception {
		Contract gunma = contract("gunma");
		this.mvc
			.perform(post("/api/v1/contracts/{id}/requests", gunma.getId())
				.with(authentication(this.fixtures.signedIn(this.officerUser)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"requirement\":\"第9条イ#1\",\"description\":\" \",\"dueOn\":\"" + this.today.minusDays(1)
						+ "\",\"periodFrom\":\"" + this.today.minusMonths(1) + "\",\"periodTo\":\"" + this.today
						+ "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", hasItems("description", "dueOn", "periodFrom")));
		this.mvc
			.perform(post("/api/v1/contracts/{id}/requests", gunma.getId())
				.with(authentication(this.fixtures.signedIn(this.officerUser)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"requirement\":\"第15条#3\",\"description\":\"情報セキュリティ対策の状況を報告してください。\",\"dueOn\":\""
						+ this.today.plusDays(14) + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.number").value("REQ-1"))
			.andExpect(jsonPath("$.deliverable").value("STATUS_REPORT"))
			.andExpect(jsonPath("$.obligations.length()").value(1));
		this.mvc
			.perform(post("/api/v1/contracts/{id}/requests", gunma.getId())
				.with(authentication(this.fixtures.signedIn(this.leadUser)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isForbidden());
		assertThat(stored(gunma)).isEqualTo(1);
	}

	private Contract contract(String profile, ContractAttribute... more) {
		Set<ContractAttribute> attributes = new java.util.HashSet<>(Set.of(more));
		attributes.add(ContractAttribute.HANDLES_PERSONAL_INFORMATION);
		ContractForm form = this.fixtures.contractForm(this.contractor, profile, this.today.minusMonths(6), attributes);
		form.setNumber("Q-" + UUID.randomUUID().toString().substring(0, 6));
		return this.contracts.register(this.officer, form);
	}

	private String key(Contract contract, String clause) {
		return this.requests.list(this.officer, contract.getId())
			.offer()
			.stream()
			.filter((r) -> r.clauseRef().equals(clause))
			.findFirst()
			.orElseThrow(() -> new AssertionError("not offered: " + clause))
			.key();
	}

	private ClientRequestForm form(String key, String description, LocalDate from, LocalDate to) {
		ClientRequestForm form = new ClientRequestForm();
		form.setRequirement(key);
		form.setDescription(description);
		form.setDueOn(this.today.plusDays(30));
		form.setPeriodFrom(from);
		form.setPeriodTo(to);
		return form;
	}

	private String state(Contract contract) {
		return this.requests.list(this.officer, contract.getId()).requests().get(0).state();
	}

	private long stored(Contract contract) {
		return this.jdbc.sql("select count(*) from client_request where contract_id = ?")
			.param(contract.getId())
			.query(Long.class)
			.single();
	}

	private long audits(String action, UUID target) {
		return this.jdbc.sql("select count(*) from audit_entry where action = ? and target_id = ?")
			.params(action, target.toString())
			.query(Long.class)
			.single();
	}

}
