package jp.itaku.roster;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The roster page, its API, import and export through the whole application: what each
 * party sees and may do (another contractor sees nothing, the client's officer only
 * reads, nobody but the security administrator ever gets a nationality, and that view is
 * audited), the readiness gate on the page, notices, the as-of view, and an import that
 * stores all rows or none.
 */
@IntegrationTest
class RosterWebIT {

	private static final Charset SJIS = Charset.forName("windows-31j");

	private static final String HEADER = "氏名,所属,役割,担当業務,作業場所,個人情報の取扱い,授受,専門性,実績,従事開始日,従事終了予定日\r\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Rosters rosters;

	@Autowired
	jp.itaku.incident.Incidents incidents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Organisation contractor;

	UserAccount officerUser;

	UserAccount secadminUser;

	UserAccount auditorUser;

	UserAccount leadUser;

	UserAccount otherLeadUser;

	Actor officer;

	Actor lead;

	LocalDate today;

	@BeforeEach
	void parties() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Organisation other = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officerUser = this.fixtures.user(client, Role.CLIENT_OFFICER);
		this.secadminUser = this.fixtures.user(client, Role.CLIENT_SECURITY_ADMIN);
		this.auditorUser = this.fixtures.user(client, Role.AUDITOR);
		this.leadUser = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		this.otherLeadUser = this.fixtures.user(other, Role.CONTRACTOR_LEAD);
		this.officer = this.fixtures.actor(this.officerUser);
		this.lead = this.fixtures.actor(this.leadUser);
		this.today = ItakuTime.today(this.clock);
	}

	private Contract contract(String profile) {
		// The workers of these tests start on 2026-04-01: a member's period lies within
		// the
		// contract's, so the contract runs from then (to 2027-03-31).
		ContractForm form = this.fixtures.contractForm(this.contractor, profile, LocalDate.of(2026, 4, 1),
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		form.setTitle("住民情報の入力業務");
		return this.contracts.register(this.officer, form);
	}

	private static RosterMemberForm worker(String name) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName(name);
		form.setAffiliation("データ入力課");
		form.setRole(WorkerRole.WORKER);
		form.setWorkLocation("本社 5階 入力室");
		form.setPeriodStart(LocalDate.of(2026, 4, 1));
		return form;
	}

	private RequestPostProcessor as(UserAccount user) {
		return authentication(this.fixtures.signedIn(user));
	}

	private String page(String path, UserAccount user) throws Exception {
		return this.mvc.perform(get(path).with(as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long audits(String action, UUID target) {
		return this.jdbc.sql("select count(*) from audit_entry where action = ? and target_id = ?")
			.param(action)
			.param(target.toString())
			.query(Long.class)
			.single();
	}

	@Test
	void theLeadAddsAWorkerOnThePageAndSeesThatThePledgeAndTrainingAreMissing() throws Exception {
		Contract contract = contract("setagaya");
		String path = "/contracts/" + contract.getId() + "/roster";
		assertThat(page("/contracts/" + contract.getId(), this.officerUser)).contains(path);

		this.mvc
			.perform(post(path + "/new").with(as(this.leadUser))
				.with(csrf())
				.param("name", "山田 太郎")
				.param("affiliation", "データ入力課")
				.param("role", "WORKER")
				.param("workLocation", "本社 5階")
				.param("handlesPersonalInformation", "true")
				.param("periodStart", "2026-04-01"))
			.andExpect(status().is3xxRedirection());

		String roster = page(path, this.leadUser);
		assertThat(roster).contains("山田 太郎", "従事予定", "未了", "特例で従事開始", "従事者名簿を提出");
		assertThat(roster).doesNotContain("国籍を閲覧", "nationality-limitation");
		assertThat(page(path, this.officerUser)).contains("山田 太郎", "未了").doesNotContain("従事者を追加", "/edit");
	}

	@Test
	void badInputIsAnsweredInJapaneseNamingTheFieldAndNothingIsStored() throws Exception {
		Contract contract = contract("setagaya");
		String path = "/contracts/" + contract.getId() + "/roster";
		String answer = this.mvc
			.perform(post(path + "/new").with(as(this.leadUser))
				.with(csrf())
				.param("name", " ")
				.param("affiliation", "データ入力課")
				.param("role", "WORKER")
				.param("periodStart", "2026-04-01")
				.param("plannedEnd", "2026-03-01"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(answer).contains("氏名: 入力してください。", "従事終了予定日: 従事開始日より前の日付は指定できません。");
		assertThat(this.rosters.members(this.lead, contract.getId())).isEmpty();

		RosterMember member = this.rosters.add(this.lead, contract.getId(), worker("佐藤 一郎"));
		MvcResult refused = this.mvc
			.perform(post("/roster/" + member.getId() + "/activate").with(as(this.leadUser)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(refused.getFlashMap().get("actionErrors")).asString().contains("従事開始の理由: 誓約書と研修の記録がそろっていません");
		this.mvc
			.perform(post("/roster/" + member.getId() + "/leave").with(as(this.leadUser))
				.with(csrf())
				.param("lastDay", "2026/13/1"))
			.andExpect(status().is3xxRedirection())
			.andExpect((r) -> assertThat(r.getFlashMap().get("actionErrors")).asString().contains("従事終了日: 日付として読めません"));
		assertThat(page(path + "?asOf=yesterday", this.leadUser)).contains("基準日: 日付として読めません");
		assertThat(this.rosters.member(this.lead, member.getId()).getStatus()).isEqualTo(MemberStatus.PLANNED);

		this.mvc
			.perform(post("/roster/" + member.getId() + "/activate").with(as(this.leadUser))
				.with(csrf())
				.param("override", "研修は翌週に実施、監督者が同席"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.rosters.member(this.lead, member.getId()).getStatus()).isEqualTo(MemberStatus.ACTIVE);
		assertThat(audits("ROSTER_READINESS_OVERRIDDEN", member.getId())).isEqualTo(1);
	}

	@Test
	void noticesAreFiledAndOpenedFromThePageAndTheRosterAsOfADateIsShown() throws Exception {
		Contract contract = contract("setagaya");
		String path = "/contracts/" + contract.getId() + "/roster";
		RosterMember member = this.rosters.add(this.lead, contract.getId(), worker("鈴木 花子"));
		this.mvc.perform(post(path + "/notices").with(as(this.leadUser)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		RosterMemberForm moved = RosterMemberForm.of(member);
		moved.setWorkLocation("区役所 第2庁舎");
		this.rosters.update(this.lead, member.getId(), moved);

		String roster = page(path, this.officerUser);
		assertThat(roster).contains("未届の変更", "作業場所: 本社 5階 入力室 → 区役所 第2庁舎", "従事者名簿.pdf");
		this.mvc.perform(post(path + "/notices").with(as(this.leadUser)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		List<RosterNotice> notices = this.rosters.notices(this.officer, contract.getId());
		assertThat(notices).hasSize(2);
		roster = page(path, this.officerUser);
		assertThat(roster).contains("従事者名簿 変更届（第2号）", "作業場所: 本社 5階 入力室 → 区役所 第2庁舎", "届け出ていない変更はありません。");

		MockHttpServletResponse pdf = this.mvc
			.perform(get("/roster/notices/" + notices.get(0).getId() + "/pdf").with(as(this.officerUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		assertThat(new String(pdf.getContentAsByteArray(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
			.isEqualTo("%PDF-");
		assertThat(audits("ROSTER_NOTICE_VIEWED", notices.get(0).getId())).isEqualTo(1);
		this.mvc.perform(get("/roster/notices/" + notices.get(0).getId() + "/pdf").with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound());

		assertThat(page(path + "?asOf=" + this.today, this.officerUser)).contains("時点の名簿", "区役所 第2庁舎");
		assertThat(page(path + "?asOf=" + this.today.minusDays(3), this.officerUser)).contains("時点の名簿",
				"名簿に登録された者はいません。");
	}

	@Test
	void anotherContractorSeesNothingAndTheClientOnlyReads() throws Exception {
		Contract contract = contract("setagaya");
		RosterMember member = this.rosters.add(this.lead, contract.getId(), worker("高橋 五郎"));
		String path = "/contracts/" + contract.getId() + "/roster";
		String api = "/api/v1/contracts/" + contract.getId() + "/roster";
		String body = "{\"name\":\"侵入 者\",\"affiliation\":\"他社\",\"role\":\"WORKER\",\"periodStart\":\"2026-04-01\"}";

		this.mvc.perform(get(path).with(as(this.otherLeadUser))).andExpect(status().isNotFound());
		this.mvc.perform(get(path + ".xlsx").with(as(this.otherLeadUser))).andExpect(status().isNotFound());
		this.mvc.perform(get("/roster/" + member.getId() + "/edit").with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(api).with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(post(api).with(as(this.otherLeadUser)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/roster/" + member.getId()).with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound());

		for (UserAccount client : List.of(this.officerUser, this.auditorUser)) {
			this.mvc.perform(get(path + "/new").with(as(client))).andExpect(status().isForbidden());
			this.mvc
				.perform(post(path + "/new").with(as(client))
					.with(csrf())
					.param("name", "職員 追加")
					.param("affiliation", "区")
					.param("role", "WORKER")
					.param("periodStart", "2026-04-01"))
				.andExpect(status().isForbidden());
			this.mvc.perform(post(api).with(as(client)).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/api/v1/roster/" + member.getId() + "/leave").with(as(client))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"lastDay\":\"2026-05-01\"}"))
				.andExpect(status().isForbidden());
			this.mvc.perform(post(api + "/notices").with(as(client))).andExpect(status().isForbidden());
			this.mvc
				.perform(
						multipart(path + "/import")
							.file(new MockMultipartFile("file", "r.csv", "text/csv",
									(HEADER + "職員,区,従事者,,,,,,,2026/4/1,\r\n").getBytes(SJIS)))
							.with(as(client))
							.with(csrf()))
				.andExpect(status().isForbidden());
			assertThat(page(path, client)).contains("高橋 五郎");
		}
		assertThat(this.rosters.members(this.lead, contract.getId())).singleElement()
			.satisfies((m) -> assertThat(m.getStatus()).isEqualTo(MemberStatus.PLANNED));
	}

	@Test
	void theApiKeepsTheRosterAndAnswersProblemsNamingTheField() throws Exception {
		Contract contract = contract("setagaya");
		String api = "/api/v1/contracts/" + contract.getId() + "/roster";
		this.mvc
			.perform(post(api).with(as(this.leadUser))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"\",\"affiliation\":\"課\",\"role\":\"WORKER\",\"periodStart\":\"2026-04-01\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].message").value("入力してください。"));

		String created = this.mvc.perform(post(api).with(as(this.leadUser))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"name\":\"伊藤 六郎\",\"affiliation\":\"課\",\"role\":\"WORK_LEAD\",\"workLocation\":\"本社 5階 入力室\",\"periodStart\":\"2026-04-01\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PLANNED"))
			.andExpect(jsonPath("$.readiness.ready").value(false))
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID id = UUID.fromString(created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));

		this.mvc.perform(post(api + "/notices").with(as(this.leadUser)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.number").value(1));
		this.mvc.perform(put("/api/v1/roster/" + id).with(as(this.leadUser))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"name\":\"伊藤 六郎\",\"affiliation\":\"課\",\"role\":\"WORKER\",\"workLocation\":\"本社 5階 入力室\",\"periodStart\":\"2026-04-01\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.role").value("WORKER"));
		this.mvc.perform(post("/api/v1/roster/" + id + "/activate").with(as(this.leadUser)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("override"));
		this.mvc
			.perform(post("/api/v1/roster/" + id + "/activate").with(as(this.leadUser))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"override\":\"監督者の同席で従事\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.readinessOverridden").value(true));
		this.mvc
			.perform(post("/api/v1/roster/" + id + "/leave").with(as(this.leadUser))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"lastDay\":\"" + this.today + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("LEFT"));
		this.mvc.perform(post(api + "/notices").with(as(this.leadUser)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.number").value(2))
			.andExpect(jsonPath("$.changes[0].kind").value("CHANGED"))
			.andExpect(jsonPath("$.changes[0].fields[0].field").value("role"))
			.andExpect(jsonPath("$.changes[1].kind").value("LEFT"));

		this.mvc.perform(get(api).param("asOf", this.today.toString()).with(as(this.officerUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].name").value("伊藤 六郎"))
			.andExpect(jsonPath("$[0].status").value("LEFT"));
		this.mvc.perform(get(api).param("asOf", "2026-13-01").with(as(this.officerUser)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("asOf"));
		this.mvc.perform(get(api + "/notices").with(as(this.officerUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].number").value(2));
	}

	@Test
	void nobodyButTheSecurityAdministratorEverGetsTheNationalityAndEveryViewIsAudited() throws Exception {
		Contract contract = contract("kadoma");
		RosterMemberForm form = worker("グエン・ヴァン・アン");
		form.setNationality("ベトナム");
		RosterMember member = this.rosters.add(this.lead, contract.getId(), form);
		String path = "/contracts/" + contract.getId() + "/roster";
		String api = "/api/v1/contracts/" + contract.getId() + "/roster";

		for (UserAccount user : List.of(this.leadUser, this.officerUser, this.auditorUser, this.secadminUser)) {
			String roster = page(path, user);
			assertThat(roster).contains("グエン・ヴァン・アン", "登録済み", "門真市特記仕様書 2(5)").doesNotContain("ベトナム");
			assertThat(this.mvc.perform(get(api).with(as(user))).andReturn().getResponse().getContentAsString())
				.contains("\"nationalityRecorded\":true")
				.doesNotContain("ベトナム");
			assertThat(roster.contains("国籍を閲覧")).isEqualTo(user == this.secadminUser);
		}
		assertThat(page("/roster/" + member.getId() + "/edit", this.leadUser)).contains("国籍は登録済みです")
			.doesNotContain("ベトナム");
		MockHttpServletResponse export = this.mvc.perform(get(path + ".xlsx").with(as(this.officerUser)))
			.andReturn()
			.getResponse();
		assertThat(workbookText(export.getContentAsByteArray())).contains("グエン・ヴァン・アン").doesNotContain("ベトナム", "国籍");

		String leak = this.incidents.report(this.lead, contract.getId(), this.fixtures.lossReport(this.clock))
			.getNumber();
		String reveal = "{\"purpose\":\"LEAK_TRACING\",\"reference\":\"" + leak + "\"}";
		for (UserAccount user : List.of(this.leadUser, this.officerUser, this.auditorUser)) {
			this.mvc
				.perform(post("/api/v1/roster/" + member.getId() + "/nationality").with(as(user))
					.contentType(MediaType.APPLICATION_JSON)
					.content(reveal))
				.andExpect(status().isForbidden())
				.andExpect((r) -> assertThat(r.getResponse().getContentAsString()).doesNotContain("ベトナム"));
			this.mvc
				.perform(post("/roster/" + member.getId() + "/nationality").with(as(user))
					.with(csrf())
					.param("purpose", "LEAK_TRACING")
					.param("reference", leak))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(get(api).with(as(this.otherLeadUser))).andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/roster/" + member.getId() + "/nationality").with(as(this.otherLeadUser))
				.contentType(MediaType.APPLICATION_JSON)
				.content(reveal))
			.andExpect(status().isNotFound());
		assertThat(audits("NATIONALITY_VIEWED", member.getId())).isZero();

		MvcResult noPurpose = this.mvc
			.perform(post("/roster/" + member.getId() + "/nationality").with(as(this.secadminUser))
				.with(csrf())
				.param("purpose", "")
				.param("reference", leak))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(noPurpose.getFlashMap().get("actionErrors")).asString().contains("閲覧の目的: 閲覧の目的を選んでください。");
		assertThat(audits("NATIONALITY_VIEWED", member.getId())).isZero();

		// The page offers the contract's incidents; free text is refused, naming the
		// field, in the API as problem+json and on the page.
		assertThat(page(path, this.secadminUser)).contains("<option value=\"" + leak + "\"");
		this.mvc
			.perform(post("/api/v1/roster/" + member.getId() + "/nationality").with(as(this.secadminUser))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"purpose\":\"LEAK_TRACING\",\"reference\":\"just curious\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("reference"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("情報漏えい等の事故")))
			.andExpect((r) -> assertThat(r.getResponse().getContentAsString()).doesNotContain("ベトナム"));
		MvcResult curious = this.mvc
			.perform(post("/roster/" + member.getId() + "/nationality").with(as(this.secadminUser))
				.with(csrf())
				.param("purpose", "LEAK_TRACING")
				.param("reference", "just curious"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(curious.getFlashMap().get("actionErrors")).asString().contains("対象の事故（情報漏えい等）: 対象の事故「just curious」");
		assertThat(audits("NATIONALITY_VIEWED", member.getId())).isZero();

		String shown = this.mvc
			.perform(post("/roster/" + member.getId() + "/nationality").with(as(this.secadminUser))
				.with(csrf())
				.param("purpose", "LEAK_TRACING")
				.param("reference", leak))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(shown).contains("ベトナム", "情報の漏えい先の追跡", leak, "門真市特記仕様書 2(5)");
		this.mvc
			.perform(post("/api/v1/roster/" + member.getId() + "/nationality").with(as(this.secadminUser))
				.contentType(MediaType.APPLICATION_JSON)
				.content(reveal))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.nationality").value("ベトナム"))
			.andExpect(jsonPath("$.purpose").value("LEAK_TRACING"));
		assertThat(audits("NATIONALITY_VIEWED", member.getId())).isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from audit_entry where details like '%ベトナム%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aShiftJisCsvWithOneBadRowStoresNothingAndReportsTheRow() throws Exception {
		Contract contract = contract("setagaya");
		String path = "/contracts/" + contract.getId() + "/roster";
		String csv = HEADER + "山田 太郎,データ入力課,業務責任者,進行管理,本社,あり,○,,,2026/4/1,令和9年3月31日\r\n"
				+ "佐藤 次郎,データ入力課,従事者,入力,本社,あり,×,,,2026/4/31,\r\n" + "\r\n"
				+ "鈴木 花子,データ入力課,従事者,入力,本社,○,×,,,令和8年4月1日,\r\n";
		MockHttpSession session = new MockHttpSession();
		String preview = this.mvc
			.perform(multipart(path + "/import")
				.file(new MockMultipartFile("file", "名簿.csv", "text/csv", csv.getBytes(SJIS)))
				.session(session)
				.with(as(this.leadUser))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(preview)
			.contains("Shift_JIS", "誤りが 1 件あります", "3行目: 従事開始日 — 「2026/4/31」は日付として読めません", "何も登録していません", "山田 太郎", "鈴木 花子")
			.doesNotContain("import-confirm");
		assertThat(preview.replaceAll("\\s+", " ")).contains("id=\"import-blank-lines\">1行<");
		assertThat(this.rosters.members(this.lead, contract.getId())).isEmpty();
		this.mvc
			.perform(post(path + "/import/confirm").session(session)
				.param("token", "anything")
				.with(as(this.leadUser))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.rosters.members(this.lead, contract.getId())).isEmpty();

		// The service refuses the same rows as a whole, naming the row.
		List<RosterMemberForm> forms = new ArrayList<>();
		forms.add(worker("山田 太郎"));
		RosterMemberForm bad = worker("佐藤 次郎");
		bad.setPeriodStart(null);
		forms.add(bad);
		InvalidInputProblem problem = (InvalidInputProblem) catchThrowable(
				() -> this.rosters.addAll(this.lead, contract.getId(), forms));
		assertThat(problem.getFieldProblems()).extracting((p) -> p.field()).containsExactly("rows[1].periodStart");
		assertThat(this.rosters.members(this.lead, contract.getId())).isEmpty();

		String fixed = csv.replace("2026/4/31", "2026/4/30");
		String good = this.mvc
			.perform(multipart(path + "/import")
				.file(new MockMultipartFile("file", "名簿.csv", "text/csv", fixed.getBytes(SJIS)))
				.session(session)
				.with(as(this.leadUser))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(good).contains("import-confirm", "3名を登録する").doesNotContain("import-errors");
		String token = good.replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");
		this.mvc
			.perform(post(path + "/import/confirm").session(session)
				.param("token", token)
				.with(as(this.leadUser))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.rosters.members(this.lead, contract.getId())).extracting(RosterMember::getName)
			.containsExactlyInAnyOrder("山田 太郎", "佐藤 次郎", "鈴木 花子");
		assertThat(audits("ROSTER_IMPORTED", contract.getId())).isEqualTo(1);
		// The token is used once.
		this.mvc
			.perform(post(path + "/import/confirm").session(session)
				.param("token", token)
				.with(as(this.leadUser))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.rosters.members(this.lead, contract.getId())).hasSize(3);
	}

	@Test
	void theExportIsAJujishaMeiboWithTheNamesAndWithoutNationality() throws Exception {
		Contract contract = contract("kadoma");
		RosterMemberForm form = worker("王 明");
		form.setNationality("中国");
		this.rosters.add(this.lead, contract.getId(), form);
		this.rosters.add(this.lead, contract.getId(), worker("李 華"));

		MockHttpServletResponse response = this.mvc
			.perform(get("/contracts/" + contract.getId() + "/roster.xlsx").with(as(this.officerUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).isEqualTo(RosterWorkbook.CONTENT_TYPE);
		assertThat(response.getHeader("Content-Disposition")).contains("attachment")
			.contains(java.net.URLEncoder.encode("従事者名簿_", java.nio.charset.StandardCharsets.UTF_8));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("従事者名簿");
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).contains(contract.getNumber());
			assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).isEqualTo(this.contractor.getName());
			Row header = sheet.getRow(6);
			List<String> headings = new ArrayList<>();
			header.forEach((cell) -> headings.add(cell.getStringCellValue()));
			assertThat(headings).containsExactly("No.", "氏名", "所属", "役割", "担当業務", "作業場所", "個人情報の取扱い", "授受に携わる者", "専門性",
					"実績", "従事開始日", "従事終了予定日", "従事終了日", "状態");
			assertThat(sheet.getRow(7).getCell(1).getStringCellValue()).isIn("王 明", "李 華");
			assertThat(sheet.getLastRowNum()).isEqualTo(8);
		}
		assertThat(workbookText(response.getContentAsByteArray())).doesNotContain("中国", "国籍");
		assertThat(audits("ROSTER_EXPORTED", contract.getId())).isEqualTo(1);

		// What was exported can be imported again.
		RosterFile.Parsed again = RosterFile.read(response.getContentAsByteArray());
		assertThat(again.problems()).isEmpty();
		assertThat(again.rows()).extracting((r) -> r.form().getName()).containsExactlyInAnyOrder("王 明", "李 華");
	}

	private static String workbookText(byte[] xlsx) throws Exception {
		StringBuilder text = new StringBuilder();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : workbook.getSheetAt(0)) {
				row.forEach((cell) -> text.append(cell.toString()).append('\t'));
				text.append('\n');
			}
		}
		return text.toString();
	}

}
