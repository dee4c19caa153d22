package jp.itaku.selfinspection;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.document.Documents;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.obligation.Obligations;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.ArchivalPdf;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
 * Monthly self-inspections through the application (Kadoma 11(1)): the checklist follows
 * the contract's profile and scope, a "no" needs a corrective action, the submission
 * reaches the month's SELF_INSPECTION_REPORT obligation as an archival PDF, who may see
 * and do what, and the audit trail.
 */
@IntegrationTest
class SelfInspectionsIT {

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
	SelfInspections inspections;

	@Autowired
	ClauseCatalog catalog;

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Organisation contractor;

	UserAccount officerUser;

	UserAccount auditorUser;

	UserAccount leadUser;

	UserAccount workerUser;

	UserAccount otherLeadUser;

	Actor officer;

	Actor lead;

	Contract contract;

	YearMonth month;

	@BeforeEach
	void kadomaContract() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Organisation other = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officerUser = this.fixtures.user(client, Role.CLIENT_OFFICER);
		this.auditorUser = this.fixtures.user(client, Role.AUDITOR);
		this.leadUser = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		this.workerUser = this.fixtures.user(this.contractor, Role.CONTRACTOR_WORKER);
		this.otherLeadUser = this.fixtures.user(other, Role.CONTRACTOR_LEAD);
		this.officer = this.fixtures.actor(this.officerUser);
		this.lead = this.fixtures.actor(this.leadUser);
		this.contract = contract("kadoma",
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION, ContractAttribute.WORKS_AT_CLIENT_SITE));
		this.month = YearMonth.from(ItakuTime.today(this.clock));
	}

	private Contract contract(String profile, Set<ContractAttribute> attributes) {
		LocalDate today = ItakuTime.today(this.clock);
		ContractForm form = this.fixtures.contractForm(this.contractor, profile, today.withDayOfMonth(1).minusMonths(1),
				attributes);
		form.setNumber("SI-" + UUID.randomUUID().toString().substring(0, 8));
		form.setTitle("臨時交付窓口運営業務");
		return this.contracts.register(this.officer, form);
	}

	@Test
	void evidenceAndCorrectiveActionsOverTheApi() throws Exception {
		this.inspections.save(this.lead, this.contract.getId(), this.month,
				allYesBut("T:LOCK_SCREEN", "自動ロック設定", this.month.atEndOfMonth()));
		// An empty file is refused by field, a real one kept with its hash.
		this.mvc
			.perform(multipart(api() + "/evidence")
				.file(new MockMultipartFile("file", "x.pdf", "application/pdf", new byte[0]))
				.param("question", "T:LOCK_SCREEN")
				.with(as(this.workerUser)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		String answered = this.mvc
			.perform(
					multipart(api() + "/evidence")
						.file(new MockMultipartFile("file", "lock-settings.pdf", "application/pdf",
								"%PDF-1.4 evidence".getBytes()))
						.param("question", "T:LOCK_SCREEN")
						.with(as(this.workerUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.questions[?(@.key == 'T:LOCK_SCREEN')].evidence").value("lock-settings.pdf"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String answerId = com.jayway.jsonpath.JsonPath
			.<List<String>>read(answered, "$.questions[?(@.key == 'T:LOCK_SCREEN')].answerId")
			.get(0);
		this.mvc
			.perform(get("/api/v1/contracts/" + this.contract.getId() + "/self-inspections/evidence/" + answerId)
				.with(as(this.auditorUser)))
			.andExpect(status().isOk())
			.andExpect(content().bytes("%PDF-1.4 evidence".getBytes()));
		this.mvc
			.perform(get("/api/v1/contracts/" + this.contract.getId() + "/self-inspections/evidence/" + answerId)
				.with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound());
		// Only the contractor marks its action done; the date is today in Tokyo.
		this.mvc.perform(post(api() + "/actions/" + answerId + "/done").with(as(this.officerUser)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(api() + "/actions/" + answerId + "/done").with(as(this.leadUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.questions[?(@.key == 'T:LOCK_SCREEN')].actionDoneOn")
				.value(ItakuTime.today(this.clock).toString()));
	}

	private RequestPostProcessor as(UserAccount user) {
		return authentication(this.fixtures.signedIn(user));
	}

	private String api() {
		return "/api/v1/contracts/" + this.contract.getId() + "/self-inspections/" + this.month;
	}

	private String page() {
		return "/contracts/" + this.contract.getId() + "/self-inspections/" + this.month;
	}

	private List<AnswerInput> allYesBut(String noKey, String action, LocalDate due) {
		List<AnswerInput> answers = new ArrayList<>();
		for (Question q : this.inspections.checklist(this.lead, this.contract.getId())) {
			answers.add(q.key().equals(noKey) ? new AnswerInput(q.key(), Answer.NO, "一部で未実施", action, due)
					: new AnswerInput(q.key(), Answer.YES, null, null, null));
		}
		return answers;
	}

	private long count(String sql, Object... params) {
		var spec = this.jdbc.sql(sql);
		for (Object p : params) {
			spec = spec.param(p);
		}
		return spec.query(Long.class).single();
	}

	@Test
	void aKadomaChecklistAsksTheIdAndPasswordRulesOf14_9AndNothingTheProfileLacks() {
		List<Question> kadoma = this.inspections.checklist(this.lead, this.contract.getId());
		List<String> refs = kadoma.stream().map(Question::ref).toList();
		assertThat(refs).contains("14(9)ア", "14(9)イ", "14(9)ウ", "14(9)エ", "14(9)オ", "14(7)");
		assertThat(kadoma).anySatisfy((q) -> {
			assertThat(q.ref()).isEqualTo("14(9)ア");
			assertThat(q.text()).isEqualTo("IDとパスワードを他者と共有しない");
			assertThat(q.textEn()).isEqualTo("Do not share IDs or passwords with others");
		});
		List<String> keys = kadoma.stream().map(Question::key).toList();
		assertThat(keys).contains("T:NO_SHARED_CREDENTIALS", "T:PASSWORD_LENGTH", "T:LOCK_SCREEN");
		assertThat(kadoma).filteredOn((q) -> q.key().equals("T:PASSWORD_LENGTH"))
			.singleElement()
			.satisfies((q) -> assertThat(q.ref()).isEqualTo("14(9)オ"));

		// Every question names a clause of the Kadoma profile; client duties and the
		// self-inspection clause itself are not asked.
		ProfileDefinition profile = this.catalog.get(this.contract.getProfileId()).definition();
		List<String> profileRefs = profile.clauses().stream().map(ProfileDefinition.ClauseDefinition::ref).toList();
		assertThat(profileRefs).containsAll(refs);
		assertThat(refs).doesNotContain("11(1)", "2(5)", "2(6)");
		assertThat(kadoma).noneMatch((q) -> q.text().contains("市は"));

		// Nerima demands no private devices (第18条); Kadoma has no such clause, so it is
		// never asked there, nor virus definitions or patches.
		Contract nerima = contract("nerima", Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		List<String> nerimaKeys = this.inspections.checklist(this.lead, nerima.getId())
			.stream()
			.map(Question::key)
			.toList();
		assertThat(nerimaKeys).contains("T:NO_PRIVATE_DEVICES");
		assertThat(keys).doesNotContain("T:NO_PRIVATE_DEVICES", "T:VIRUS_DEFINITIONS", "T:PATCHES");
		assertThat(kadoma).noneMatch((q) -> q.text().contains("私物") || q.text().contains("ウイルス"));

		// 14(6) applies only when the contract handles personal information.
		assertThat(refs).contains("14(6)");
		Contract noPersonal = contract("kadoma", Set.of(ContractAttribute.WORKS_AT_CLIENT_SITE));
		assertThat(this.inspections.checklist(this.lead, noPersonal.getId())).extracting(Question::ref)
			.doesNotContain("14(6)")
			.contains("14(9)ア");
	}

	@Test
	void aNoWithoutACorrectiveActionIsRefusedNamingTheQuestionAndNothingIsStored() throws Exception {
		String key = "R:14(9)ア:0";
		this.mvc
			.perform(put(api()).contentType("application/json")
				.content("{\"answers\": [{\"key\": \"" + key + "\", \"answer\": \"NO\", \"remarks\": \"共有IDあり\"}]}")
				.with(as(this.leadUser)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("answers[0].correctiveAction"))
			.andExpect(
					jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("IDとパスワードを他者と共有しない")));
		assertThat(count("select count(*) from self_inspection where contract_id = ?", this.contract.getId())).isZero();

		// a due date is needed too
		assertThatThrownBy(() -> this.inspections.save(this.lead, this.contract.getId(), this.month,
				List.of(new AnswerInput(key, Answer.NO, null, "共用IDを廃止する", null))))
			.isInstanceOf(InvalidInputProblem.class)
			.satisfies((e) -> assertThat(((InvalidInputProblem) e).getFieldProblems().get(0).field())
				.isEqualTo("answers[0].actionDue"));

		// the page shows the message in Japanese and keeps what was typed
		String html = this.mvc
			.perform(post(page()).param("key.0", key)
				.param("answer.0", "NO")
				.param("remarks.0", "共有IDあり")
				.param("do", "save")
				.with(csrf())
				.with(as(this.workerUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("「いいえ」と回答した項目には是正措置を入力してください: 14(9)ア IDとパスワードを他者と共有しない").contains("共有IDあり");
		assertThat(count("select count(*) from self_inspection where contract_id = ?", this.contract.getId())).isZero();

		// with the action and its due date it is stored
		this.mvc
			.perform(post(page()).param("key.0", key)
				.param("answer.0", "NO")
				.param("action.0", "共用IDを廃止する")
				.param("due.0", this.month.atEndOfMonth().toString())
				.param("do", "save")
				.with(csrf())
				.with(as(this.workerUser)))
			.andExpect(status().is3xxRedirection());
		SelfInspections.Month view = this.inspections.month(this.officer, this.contract.getId(), this.month);
		assertThat(view.items()).filteredOn((i) -> i.question().key().equals(key)).singleElement().satisfies((i) -> {
			assertThat(i.answer().getAnswer()).isEqualTo(Answer.NO);
			assertThat(i.answer().isActionOpen()).isTrue();
		});
	}

	@Test
	void theSubmittedReportReachesTheMonthsObligationAsAnArchivalPdf() throws Exception {
		List<Obligation> monthly = this.obligationReads.findUnscoped(this.contract.getId(),
				Deliverable.SELF_INSPECTION_REPORT, this.month.toString());
		assertThat(monthly).hasSize(1);
		this.inspections.save(this.lead, this.contract.getId(), this.month,
				allYesBut("T:LOCK_SCREEN", "自動ロック設定", this.month.atEndOfMonth()));
		this.mvc.perform(post(api() + "/submit").with(as(this.leadUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.obligationStatus").value("SUBMITTED"));

		Obligation obligation = this.obligationReads.findUnscoped(monthly.get(0).getId()).orElseThrow();
		assertThat(obligation.getStatus()).isEqualTo(ObligationStatus.SUBMITTED);
		SelfInspection inspection = this.inspections.month(this.officer, this.contract.getId(), this.month)
			.inspection();
		String submittedSha = this.jdbc.sql(
				"select f.sha256 from submission_file f join submission s on s.id = f.submission_id where s.obligation_id = ?")
			.param(obligation.getId())
			.query(String.class)
			.single();
		assertThat(submittedSha).isEqualTo(inspection.getSha256());
		byte[] pdf;
		try (InputStream in = this.documents.open(inspection.getDocumentKey())) {
			pdf = in.readAllBytes();
		}
		ArchivalPdf.assertArchivalWith(pdf, "自己点検結果報告書", "14(9)ア", "他者と共有しない", "いいえ", "自動ロック設定");

		// once submitted it no longer changes, until the client returns it
		assertThatThrownBy(() -> this.inspections.save(this.lead, this.contract.getId(), this.month, List.of()))
			.isInstanceOf(InvalidInputProblem.class);
		UUID submission = this.obligationReads.pendingSubmissionUnscoped(obligation.getId()).orElseThrow();
		this.obligations.review(this.officer, submission, false, "備考を補足してください");
		this.inspections.save(this.lead, this.contract.getId(), this.month,
				allYesBut("T:LOCK_SCREEN", "自動ロック設定", this.month.atEndOfMonth()));
		this.inspections.submit(this.lead, this.contract.getId(), this.month);
		assertThat(count("select count(*) from submission where obligation_id = ?", obligation.getId())).isEqualTo(2);
	}

	@Test
	void theClientAndAuditorReadTheContractorFillsOnlyTheLeadSubmitsAndAnotherContractorFindsNothing()
			throws Exception {
		this.inspections.save(this.lead, this.contract.getId(), this.month,
				allYesBut("T:LOCK_SCREEN", "自動ロック設定", this.month.atEndOfMonth()));
		String list = "/api/v1/contracts/" + this.contract.getId() + "/self-inspections";
		for (UserAccount reader : List.of(this.officerUser, this.auditorUser, this.leadUser, this.workerUser)) {
			this.mvc.perform(get(api()).with(as(reader))).andExpect(status().isOk());
			this.mvc.perform(get(list).with(as(reader)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[0].month").value(this.month.toString()))
				.andExpect(jsonPath("$[0].no").value(1))
				.andExpect(jsonPath("$[0].openActions").value(1));
			this.mvc.perform(get(page()).with(as(reader))).andExpect(status().isOk());
			this.mvc.perform(get("/contracts/" + this.contract.getId() + "/self-inspections").with(as(reader)))
				.andExpect(status().isOk());
		}
		String body = "{\"answers\": []}";
		// another contractor: not found, by page and API, reading and acting
		this.mvc.perform(get(api()).with(as(this.otherLeadUser))).andExpect(status().isNotFound());
		this.mvc.perform(get(list).with(as(this.otherLeadUser))).andExpect(status().isNotFound());
		this.mvc.perform(get(page()).with(as(this.otherLeadUser))).andExpect(status().isNotFound());
		this.mvc.perform(put(api()).contentType("application/json").content(body).with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound());
		this.mvc.perform(post(api() + "/submit").with(as(this.otherLeadUser))).andExpect(status().isNotFound());
		// the client's officer and auditor change nothing
		for (UserAccount client : List.of(this.officerUser, this.auditorUser)) {
			this.mvc.perform(put(api()).contentType("application/json").content(body).with(as(client)))
				.andExpect(status().isForbidden());
			this.mvc.perform(post(api() + "/submit").with(as(client))).andExpect(status().isForbidden());
		}
		// the worker fills but does not submit
		this.mvc.perform(post(api() + "/submit").with(as(this.workerUser))).andExpect(status().isForbidden());
		String html = this.mvc.perform(get(page()).with(as(this.auditorUser)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).doesNotContain("id=\"save\"").doesNotContain("evidence-form");
		String contractPage = this.mvc.perform(get("/contracts/" + this.contract.getId()).with(as(this.officerUser)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(contractPage).contains("self-inspections-link");
		assertThat(
				count("select count(*) from self_inspection_answer a join self_inspection i on i.id = a.inspection_id"
						+ " where i.contract_id = ? and a.answer is not null", this.contract.getId()))
			.isEqualTo(this.inspections.checklist(this.lead, this.contract.getId()).size());
	}

	@Test
	void everyChangeIsAudited() throws Exception {
		this.mvc.perform(put(api()).contentType("application/json")
			.content(
					"{\"answers\": [{\"key\": \"T:LOCK_SCREEN\", \"answer\": \"NO\", \"correctiveAction\": \"自動ロック設定\", \"actionDue\": \""
							+ this.month.atEndOfMonth() + "\"}]}")
			.with(as(this.workerUser))).andExpect(status().isOk());
		SelfInspection inspection = this.inspections.month(this.lead, this.contract.getId(), this.month).inspection();
		this.mvc
			.perform(multipart(page() + "/evidence")
				.file(new MockMultipartFile("file", "lock-settings.pdf", "application/pdf",
						"%PDF-1.4 evidence".getBytes()))
				.param("question", "T:LOCK_SCREEN")
				.with(csrf())
				.with(as(this.workerUser)))
			.andExpect(status().is3xxRedirection());
		this.inspections.save(this.lead, this.contract.getId(), this.month,
				allYesBut("T:LOCK_SCREEN", "自動ロック設定", this.month.atEndOfMonth()));
		this.inspections.submit(this.lead, this.contract.getId(), this.month);
		SelfInspectionAnswer no = this.inspections.month(this.lead, this.contract.getId(), this.month)
			.items()
			.stream()
			.filter((i) -> i.question().key().equals("T:LOCK_SCREEN"))
			.findFirst()
			.orElseThrow()
			.answer();
		assertThat(no.getEvidenceName()).isEqualTo("lock-settings.pdf");
		this.mvc.perform(post(page() + "/actions/" + no.getId() + "/done").with(csrf()).with(as(this.leadUser)))
			.andExpect(status().is3xxRedirection());
		String evidence = "/contracts/" + this.contract.getId() + "/self-inspections/evidence/" + no.getId();
		this.mvc.perform(get(evidence).with(as(this.officerUser)))
			.andExpect(status().isOk())
			.andExpect(content().bytes("%PDF-1.4 evidence".getBytes()));
		this.mvc.perform(get(evidence).with(as(this.otherLeadUser))).andExpect(status().isNotFound());
		String sql = "select count(*) from audit_entry where action = ? and target_id = ?";
		assertThat(count(sql, "SELF_INSPECTION_EVIDENCE_VIEWED", inspection.getId().toString())).isEqualTo(1);
		assertThat(count(sql, "SELF_INSPECTION_SAVED", inspection.getId().toString())).isEqualTo(2);
		assertThat(count(sql, "SELF_INSPECTION_EVIDENCE_ADDED", inspection.getId().toString())).isEqualTo(1);
		assertThat(count(sql, "SELF_INSPECTION_SUBMITTED", inspection.getId().toString())).isEqualTo(1);
		assertThat(count(sql, "SELF_INSPECTION_ACTION_DONE", inspection.getId().toString())).isEqualTo(1);
		this.mvc
			.perform(get("/api/v1/contracts/" + this.contract.getId() + "/self-inspections").with(as(this.officerUser)))
			.andExpect(jsonPath("$[0].openActions").value(0))
			.andExpect(jsonPath("$[0].no").value(1));
	}

}
