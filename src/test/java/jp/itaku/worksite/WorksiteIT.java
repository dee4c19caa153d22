package jp.itaku.worksite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
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
 * Work schedules and the entry log through the application (Kadoma 2(2), 14(4)): a
 * schedule naming someone off the roster is refused with the name and nothing is stored;
 * a valid one is submitted to the month's obligation as a written form; a change after
 * submission raises the change obligation and goes to it; the entry log flags someone off
 * the roster and shows a visitor as such; and who may see and do what.
 */
@IntegrationTest
class WorksiteIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	ObligationSystemReads obligationReads;

	@Autowired
	Rosters rosters;

	@Autowired
	WorkSchedules schedules;

	@Autowired
	EntryLog entryLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	UserAccount officerUser;

	UserAccount auditorUser;

	UserAccount leadUser;

	UserAccount workerUser;

	UserAccount otherLeadUser;

	Actor lead;

	Contract contract;

	RosterMember yamada;

	RosterMember suzuki;

	YearMonth month;

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
		LocalDate today = ItakuTime.today(this.clock);
		ContractForm form = this.fixtures.contractForm(contractor, "kadoma", today.withDayOfMonth(1).minusMonths(1),
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION, ContractAttribute.WORKS_AT_CLIENT_SITE));
		form.setNumber("W-" + UUID.randomUUID().toString().substring(0, 8));
		form.setTitle("臨時交付窓口運営業務");
		this.contract = this.contracts.register(this.fixtures.actor(this.officerUser), form);
		this.yamada = member("山田 太郎");
		this.suzuki = member("鈴木 花子");
		this.month = YearMonth.from(today).plusMonths(1);
	}

	private RosterMember member(String name) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName(name);
		form.setAffiliation("窓口運営部");
		form.setRole(WorkerRole.WORKER);
		form.setDuties("交付窓口の受付");
		form.setPeriodStart(this.contract.getPeriodStart());
		RosterMember member = this.rosters.add(this.lead, this.contract.getId(), form);
		return this.rosters.activate(this.lead, member.getId(), "試験");
	}

	private RequestPostProcessor as(UserAccount user) {
		return authentication(this.fixtures.signedIn(user));
	}

	private String scheduleUrl() {
		return "/api/v1/contracts/" + this.contract.getId() + "/schedules/" + this.month;
	}

	private long storedVersions() {
		return this.jdbc.sql("select count(*) from work_schedule where contract_id = ?")
			.param(this.contract.getId())
			.query(Long.class)
			.single();
	}

	private List<Obligation> monthObligations(String key) {
		return this.obligationReads.findUnscoped(this.contract.getId(), Deliverable.WORK_SCHEDULE, key);
	}

	private String pdfText(WorkSchedule schedule) throws IOException {
		try (InputStream in = this.schedules.open(this.lead, schedule.getId()).content();
				PDDocument document = Loader.loadPDF(in.readAllBytes())) {
			return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFKC);
		}
	}

	@Test
	void aScheduleNamingSomeoneOffTheRosterIsRefusedWithTheNameAndNothingIsStored() throws Exception {
		String body = "{\"entries\":[{\"name\":\"山田 太郎\",\"date\":\"" + this.month.atDay(3)
				+ "\",\"shift\":\"日勤\"},{\"name\":\"佐藤 三郎\",\"date\":\"" + this.month.atDay(5)
				+ "\",\"start\":\"09:00\",\"end\":\"17:45\"}]}";
		this.mvc.perform(put(scheduleUrl()).contentType("application/json").content(body).with(as(this.leadUser)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("entries[1]"))
			.andExpect(jsonPath("$.errors[0].message")
				.value(this.month.getMonthValue() + "月5日: 佐藤 三郎 は名簿に従事者として登録されていません。"));
		assertThat(storedVersions()).isZero();

		// The same through the page's import, in Shift_JIS: every line named, nothing
		// stored.
		String csv = "氏名,1,2\r\n山田 太郎,日勤,日勤\r\n佐藤 三郎,,日勤\r\n";
		String page = this.mvc
			.perform(multipart("/contracts/" + this.contract.getId() + "/schedules/" + this.month + "/import")
				.file(new MockMultipartFile("file", "予定.csv", "text/csv", csv.getBytes(TextTable.SHIFT_JIS)))
				.with(csrf())
				.with(as(this.leadUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("3行目: " + this.month.getMonthValue() + "月2日: 佐藤 三郎 は名簿に従事者として登録されていません。");
		assertThat(storedVersions()).isZero();
		assertThat(monthObligations(this.month.toString()))
			.allSatisfy((o) -> assertThat(o.getStatus()).isEqualTo(ObligationStatus.OPEN));
	}

	@Test
	void aValidScheduleIsSubmittedToTheMonthsObligationAsAWrittenForm() throws Exception {
		assertThat(monthObligations(this.month.toString())).isNotEmpty();
		this.mvc
			.perform(post("/contracts/" + this.contract.getId() + "/schedules/" + this.month)
				.param("cell." + this.yamada.getId() + ".1", "日勤")
				.param("cell." + this.suzuki.getId() + ".1", "9:30-16:00")
				.param("cell." + this.suzuki.getId() + ".2", "休")
				.param("action", "save")
				.with(csrf())
				.with(as(this.leadUser)))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post(scheduleUrl() + "/submit").with(as(this.leadUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.entries.length()").value(3));

		assertThat(monthObligations(this.month.toString())).isNotEmpty()
			.allSatisfy((o) -> assertThat(o.getStatus()).isEqualTo(ObligationStatus.SUBMITTED));
		WorkSchedule submitted = this.schedules.month(this.lead, this.contract.getId(), this.month).latest();
		assertThat(pdfText(submitted)).contains("勤務予定表", "山田 太郎", "日勤 9:00-17:45", "鈴木 花子", "9:30-16:00");
		assertThat(this.jdbc
			.sql("select count(*) from audit_entry where action = 'WORK_SCHEDULE_SUBMITTED' and target_id = ?")
			.param(submitted.getId().toString())
			.query(Long.class)
			.single()).isEqualTo(1);
		// The client reads it; a submitted version never changes.
		this.mvc
			.perform(get("/contracts/" + this.contract.getId() + "/schedules/" + this.month).with(as(this.officerUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("山田 太郎")));
		this.mvc.perform(get("/schedules/" + submitted.getId() + "/pdf").with(as(this.officerUser)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"));
	}

	@Test
	void theMonthLinksStayWithinTheContractsPeriodAndEachOpens() throws Exception {
		YearMonth first = YearMonth.from(this.contract.getPeriodStart());
		YearMonth last = YearMonth.from(this.contract.getPeriodEnd());
		Map<YearMonth, List<String>> links = new LinkedHashMap<>();
		for (YearMonth month : List.of(first, this.month, last)) {
			Document page = Jsoup.parse(this.mvc
				.perform(get("/contracts/" + this.contract.getId() + "/schedules/" + month).with(as(this.leadUser)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8));
			links.put(month, page.select("#schedule-previous, #schedule-next").eachAttr("href"));
			for (String link : links.get(month)) {
				this.mvc.perform(get(link).with(as(this.leadUser))).andExpect(status().isOk());
			}
		}
		String base = "/contracts/" + this.contract.getId() + "/schedules/";
		// Before, the first month linked to the month before the contract, which answers
		// 400, and the last to the month after it.
		assertThat(links.get(first)).containsExactly(base + first.plusMonths(1));
		assertThat(links.get(this.month)).containsExactly(base + this.month.minusMonths(1),
				base + this.month.plusMonths(1));
		assertThat(links.get(last)).containsExactly(base + last.minusMonths(1));
		this.mvc.perform(get(base + first.minusMonths(1)).with(as(this.leadUser))).andExpect(status().isBadRequest());
	}

	@Test
	void aChangeAfterSubmissionRaisesTheChangeObligationAndTheNewVersionGoesToIt() {
		this.schedules.save(this.lead, this.contract.getId(), this.month,
				List.of(ScheduleLine.named(0, "山田 太郎", this.month.atDay(1), "日勤")), WorkSchedule.Source.API);
		this.schedules.submit(this.lead, this.contract.getId(), this.month);
		String changeKey = WorkSchedules.changeKey(this.month, 2);
		assertThat(monthObligations(changeKey)).isEmpty();
		// Saving the submitted content again is no change.
		assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputProblem.class,
				() -> this.schedules.save(this.lead, this.contract.getId(), this.month,
						List.of(ScheduleLine.named(0, "山田太郎", this.month.atDay(1), "日勤")), WorkSchedule.Source.GRID))
			.getFieldProblems()).extracting((p) -> p.messageKey()).containsExactly("worksite.schedule.unchanged");
		assertThat(storedVersions()).isEqualTo(1);

		this.schedules.save(this.lead, this.contract.getId(), this.month,
				List.of(ScheduleLine.named(0, "山田 太郎", this.month.atDay(1), "休"),
						ScheduleLine.named(1, "鈴木 花子", this.month.atDay(1), "日勤")),
				WorkSchedule.Source.API);
		WorkSchedule second = this.schedules.submit(this.lead, this.contract.getId(), this.month);

		assertThat(second.getVersion()).isEqualTo(2);
		assertThat(second.getChangeKey()).isEqualTo(changeKey);
		assertThat(monthObligations(changeKey)).isNotEmpty().allSatisfy((o) -> {
			assertThat(o.getStatus()).isEqualTo(ObligationStatus.SUBMITTED);
			assertThat(o.getClauseRef()).isEqualTo("2(2)");
		});
		// Both versions are kept, the first one as it was submitted.
		WorkSchedules.Month view = this.schedules.month(this.lead, this.contract.getId(), this.month);
		assertThat(view.versions()).extracting(WorkSchedule::getVersion).containsExactly(2, 1);
		assertThat(view.versions()).allSatisfy((v) -> assertThat(v.getSha256()).isNotBlank());
		assertThat(view.cells()).extracting(WorkShift::getMemberName).containsExactly("山田 太郎", "鈴木 花子");
	}

	@Test
	void theEntryLogFlagsSomeoneOffTheRosterAndShowsAVisitorAsSuch() throws Exception {
		LocalDate today = ItakuTime.today(this.clock);
		String base = "/api/v1/contracts/" + this.contract.getId() + "/entry-log";
		this.mvc
			.perform(post(base).contentType("application/json")
				.content("{\"name\":\"山田太郎\",\"enteredAt\":\"" + today + "T08:50\",\"leftAt\":\"" + today + "T17:55\"}")
				.with(as(this.workerUser)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.match").value("ON_ROSTER"))
			.andExpect(jsonPath("$.memberId").value(this.yamada.getId().toString()))
			.andExpect(jsonPath("$.affiliation").value("窓口運営部"));
		this.mvc
			.perform(post(base).contentType("application/json")
				.content("{\"name\":\"保守 五郎\",\"affiliation\":\"ひかり保守\",\"purpose\":\"端末の点検\",\"visitor\":true,"
						+ "\"enteredAt\":\"" + today + "T13:00\"}")
				.with(as(this.workerUser)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.match").value("VISITOR"));
		this.mvc
			.perform(post(base).contentType("application/json")
				.content("{\"name\":\"応援 六子\",\"affiliation\":\"本社\",\"enteredAt\":\"" + today + "T10:00\"}")
				.with(as(this.workerUser)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.match").value("FLAGGED"));
		// A visitor without a purpose, a time out before the time in: refused.
		this.mvc
			.perform(post(base).contentType("application/json")
				.content("{\"name\":\"来訪 七\",\"affiliation\":\"某社\",\"visitor\":true,\"enteredAt\":\"" + today
						+ "T10:00\",\"leftAt\":\"" + today + "T09:00\"}")
				.with(as(this.workerUser)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("purpose", "leftAt")));

		String page = this.mvc
			.perform(get("/contracts/" + this.contract.getId() + "/entry-log").with(as(this.officerUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page);
		assertThat(html.select("#entries tr.entry--flagged")).singleElement()
			.satisfies((row) -> assertThat(row.text()).contains("応援 六子", "名簿外"));
		assertThat(html.select("#entries tr[data-match=VISITOR]")).singleElement()
			.satisfies((row) -> assertThat(row.text()).contains("保守 五郎", "来訪者", "端末の点検"));
		assertThat(html.select("#flagged-summary").text()).contains("名簿外の入室が 1件 あります");
		String contractPage = this.mvc.perform(get("/contracts/" + this.contract.getId()).with(as(this.officerUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(org.jsoup.Jsoup.parse(contractPage).select("#flagged-entries").text()).isEqualTo("名簿外の入室 1件");
	}

	@Test
	void theQuickEntryPageRecordsRosterMembersInAndOut() throws Exception {
		String quick = "/contracts/" + this.contract.getId() + "/entry-log/quick";
		this.mvc
			.perform(post(quick + "/in").param("member", this.suzuki.getId().toString())
				.with(csrf())
				.with(as(this.workerUser)))
			.andExpect(status().is3xxRedirection());
		EntryLogEntry entry = this.entryLog.quick(this.lead, this.contract.getId())
			.insideByMember()
			.get(this.suzuki.getId());
		assertThat(entry.getMatch()).isEqualTo(EntryLogEntry.Match.ON_ROSTER);
		String page = this.mvc.perform(get(quick).with(as(this.workerUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("鈴木 花子", "退室");
		this.mvc
			.perform(post("/contracts/" + this.contract.getId() + "/entry-log/" + entry.getId() + "/leave")
				.param("back", "quick")
				.with(csrf())
				.with(as(this.workerUser)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.entryLog.quick(this.lead, this.contract.getId()).insideByMember()).isEmpty();
		this.mvc
			.perform(post(quick + "/visitor").param("name", "保守 五郎")
				.param("affiliation", "ひかり保守")
				.with(csrf())
				.with(as(this.workerUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("来訪者は目的を入力してください。")));
	}

	@Test
	void anImportedEntryLogIsTakenWholeOrNotAtAll() throws Exception {
		LocalDate today = ItakuTime.today(this.clock);
		String day = today.toString().replace('-', '/');
		String good = "氏名,所属,目的,入室,退室,来訪者\r\n山田 太郎,,,%s 8:50,%s 17:50,\r\n保守 五郎,ひかり保守,点検,%s 13:00,%s 14:00,○\r\n"
			.formatted(day, day, day, day);
		String bad = good + "応援 六子,,,%s 18:00,%s 17:00,\r\n".formatted(day, day);
		String url = "/contracts/" + this.contract.getId() + "/entry-log/import";
		String page = this.mvc
			.perform(multipart(url)
				.file(new MockMultipartFile("file", "log.csv", "text/csv", bad.getBytes(TextTable.SHIFT_JIS)))
				.with(csrf())
				.with(as(this.leadUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("4行目: 退室日時は入室日時より後にしてください。");
		assertThat(this.entryLog.entries(this.lead, this.contract.getId(), today, today)).isEmpty();
		this.mvc
			.perform(multipart(url)
				.file(new MockMultipartFile("file", "log.csv", "text/csv", good.getBytes(TextTable.SHIFT_JIS)))
				.with(csrf())
				.with(as(this.leadUser)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.entryLog.entries(this.lead, this.contract.getId(), today, today))
			.extracting(EntryLogEntry::getName, EntryLogEntry::getMatch)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("山田 太郎", EntryLogEntry.Match.ON_ROSTER),
					org.assertj.core.groups.Tuple.tuple("保守 五郎", EntryLogEntry.Match.VISITOR));
	}

	@Test
	void scopingMatrix() throws Exception {
		String id = this.contract.getId().toString();
		String schedulePage = "/contracts/" + id + "/schedules/" + this.month;
		String entryApi = "/api/v1/contracts/" + id + "/entry-log";
		String entryJson = "{\"name\":\"山田 太郎\",\"enteredAt\":\"" + ItakuTime.today(this.clock) + "T09:00\"}";
		String scheduleJson = "{\"entries\":[{\"name\":\"山田 太郎\",\"date\":\"" + this.month.atDay(1)
				+ "\",\"shift\":\"日勤\"}]}";
		WorkSchedule draft = this.schedules.save(this.lead, this.contract.getId(), this.month,
				List.of(ScheduleLine.named(0, "山田 太郎", this.month.atDay(1), "日勤")), WorkSchedule.Source.API);
		WorkSchedule submitted = this.schedules.submit(this.lead, this.contract.getId(), this.month);
		assertThat(submitted.getId()).isEqualTo(draft.getId());

		// Another contractor: nothing, by page or API, as if it did not exist.
		for (String path : List.of("/contracts/" + id + "/schedules", schedulePage, "/contracts/" + id + "/entry-log",
				"/contracts/" + id + "/entry-log/quick", scheduleUrl(), entryApi,
				"/schedules/" + submitted.getId() + "/pdf")) {
			this.mvc.perform(get(path).with(as(this.otherLeadUser))).andExpect(status().isNotFound());
		}
		this.mvc.perform(
				put(scheduleUrl()).contentType("application/json").content(scheduleJson).with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound());
		this.mvc.perform(post(scheduleUrl() + "/submit").with(as(this.otherLeadUser))).andExpect(status().isNotFound());
		this.mvc.perform(post(entryApi).contentType("application/json").content(entryJson).with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/contracts/" + id + "/entry-log/quick/in").param("member", this.yamada.getId().toString())
				.with(csrf())
				.with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound());

		// The client and the auditor read everything and change nothing; a worker records
		// the entry log but does not keep the schedule.
		for (UserAccount reader : List.of(this.officerUser, this.auditorUser, this.workerUser, this.leadUser)) {
			for (String path : List.of(schedulePage, "/contracts/" + id + "/entry-log", scheduleUrl(), entryApi)) {
				this.mvc.perform(get(path).with(as(reader))).andExpect(status().isOk());
			}
		}
		for (UserAccount notKeeper : List.of(this.officerUser, this.auditorUser, this.workerUser)) {
			this.mvc
				.perform(put(scheduleUrl()).contentType("application/json").content(scheduleJson).with(as(notKeeper)))
				.andExpect(status().isForbidden());
			this.mvc.perform(post(scheduleUrl() + "/submit").with(as(notKeeper))).andExpect(status().isForbidden());
			this.mvc
				.perform(post(schedulePage).param("cell." + this.yamada.getId() + ".1", "日勤")
					.with(csrf())
					.with(as(notKeeper)))
				.andExpect(status().isForbidden());
		}
		for (UserAccount client : List.of(this.officerUser, this.auditorUser)) {
			this.mvc.perform(post(entryApi).contentType("application/json").content(entryJson).with(as(client)))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(post(entryApi).contentType("application/json").content(entryJson).with(as(this.workerUser)))
			.andExpect(status().isCreated());
		this.mvc
			.perform(put(scheduleUrl()).contentType("application/json")
				.content(scheduleJson.replace("日勤", "早番"))
				.with(as(this.leadUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.status").value("DRAFT"));
		assertThat(storedVersions()).isEqualTo(2);
	}

}
