package jp.itaku.inspection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.itaku.account.UserAccount;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.obligation.Obligations;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.subcontract.SubcontractDocuments;
import jp.itaku.subcontract.SubcontractForm;
import jp.itaku.subcontract.Subcontracts;
import jp.itaku.support.ArchivalPdf;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import jp.itaku.support.TestMailServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Audits and inspections through the application: a finding followed from instruction
 * through response and verification to closure with every step on the audit trail; a
 * returned response goes back to the contractor; a request for material raises only that
 * deliverable's ON_REQUEST obligations (Gunma 9) and is met by a submission; the audit
 * report is an archival PDF whose hash is audited; and who may see and do what, by
 * service, page and API.
 */
@IntegrationTest
class InspectionsIT {

	@Autowired
	MockMvc mvc;

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
	Obligations obligations;

	@Autowired
	ObligationSystemReads obligationReads;

	@Autowired
	Inspections inspections;

	@Autowired
	Subcontracts subcontracts;

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

	Organisation contractor;

	Contract contract;

	LocalDate today;

	@BeforeEach
	void setagayaContract() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Organisation other = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officerUser = this.fixtures.user(client, Role.CLIENT_OFFICER);
		this.secadminUser = this.fixtures.user(client, Role.CLIENT_SECURITY_ADMIN);
		this.auditorUser = this.fixtures.user(client, Role.AUDITOR);
		this.leadUser = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		this.workerUser = this.fixtures.user(this.contractor, Role.CONTRACTOR_WORKER);
		this.otherLeadUser = this.fixtures.user(other, Role.CONTRACTOR_LEAD);
		this.today = ItakuTime.today(this.clock);
		this.contract = register("setagaya");
	}

	private Contract register(String profile) {
		var form = this.fixtures.contractForm(this.contractor, profile, this.today.minusMonths(1), Set.of());
		form.setTitle("住民記録システム運用業務");
		return this.contracts.register(this.fixtures.actor(this.officerUser), form);
	}

	private RequestPostProcessor as(UserAccount user) {
		return authentication(this.fixtures.signedIn(user));
	}

	private String plan(Contract on, UserAccount by) throws Exception {
		String answer = this.mvc
			.perform(
					post("/api/v1/contracts/" + on.getId() + "/inspections").contentType("application/json").content("""
							{"kind":"ON_SITE","scope":"受託者作業室の入退室管理と媒体の保管","heldOn":"%s",
							 "inspectors":"情報政策課 山田、区民課 佐藤"}
							""".formatted(this.today)).with(as(by)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.number").value("AUD-1"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(answer).get("id").asText();
	}

	private String finding(String inspectionId) throws Exception {
		String answer = this.mvc.perform(
				post("/api/v1/inspections/" + inspectionId + "/findings").contentType("application/json").content("""
						{"severity":"MAJOR","clauseRef":"7","description":"媒体保管庫の鍵が作業台の引き出しに置かれていた。",
						 "instruction":"鍵を管理者が携行し、貸出記録を付けること。","dueOn":"%s"}
						""".formatted(this.today.plusDays(14))).with(as(this.officerUser)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(answer).get("id").asText();
	}

	private void respond(String findingId, String text) throws Exception {
		this.mvc.perform(multipart("/api/v1/findings/" + findingId + "/explain")
			.file(new MockMultipartFile("files", "鍵貸出記録.txt", "text/plain",
					"2026-11-20 鍵貸出 山田".getBytes(StandardCharsets.UTF_8)))
			.param("response", text)
			.with(as(this.leadUser))).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("EXPLAINED"));
	}

	/**
	 * The mails to a user about the contract whose subject has the text, waiting for
	 * {@code expected} of them (they are sent after commit, asynchronously).
	 */
	private List<MimeMessage> mailsTo(UserAccount user, String subject, int expected) {
		return TestMailServer.awaitMails(mailServer, expected, (message) -> {
			try {
				return TestMailServer.to(message).equals(user.getEmail()) && message.getSubject().contains(subject)
						&& message.getSubject().contains(this.contract.getNumber());
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	/** The workflow's audit entries of a record, without the mails that told people. */
	private List<String> actions(String targetId) {
		return this.jdbc
			.sql("select action from audit_entry where target_id = ? and action not like '%_MAIL_SENT' order by seq")
			.param(targetId)
			.query(String.class)
			.list();
	}

	@Test
	void aFindingIsFollowedFromInstructionThroughResponseAndVerificationToClosureWithEveryStepAudited()
			throws Exception {
		String inspectionId = plan(this.contract, this.officerUser);
		assertThat(actions(inspectionId)).contains("INSPECTION_PLANNED");
		String findingId = finding(inspectionId);
		// Each side is told when it is its turn (GreenMail): the lead of the instruction,
		this.mvc.perform(get("/api/v1/inspections/" + inspectionId).with(as(this.officerUser)))
			.andExpect(jsonPath("$.state").value("FOLLOWING_UP"));
		assertThat(mailsTo(this.leadUser, "対応依頼", 1)).hasSize(1);
		respond(findingId, "鍵を管理者が携行するよう改め、貸出記録簿を備えた。");
		// the client's officers and security administrators of the response.
		assertThat(mailsTo(this.officerUser, "回答がありました", 1)).hasSize(1);
		assertThat(mailsTo(this.secadminUser, "回答がありました", 1)).hasSize(1);
		assertThat(mailsTo(this.auditorUser, "指摘事項", 0)).isEmpty();
		this.mvc
			.perform(post("/api/v1/findings/" + findingId + "/close").contentType("application/json")
				.content("{\"comment\":\"貸出記録を確認した。\"}")
				.with(as(this.secadminUser)))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Deprecation"))
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.closedAt").isNotEmpty());

		assertThat(actions(findingId)).containsExactly("FINDING_RECORDED", "FINDING_INSTRUCTED", "FINDING_RESPONDED",
				"FINDING_ACCEPTED");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc
				.sql("select count(*) from audit_entry where action = 'FINDING_MAIL_SENT' and target_id = ?")
				.param(findingId)
				.query(Long.class)
				.single() == 3);
		String responded = this.jdbc
			.sql("select details from audit_entry where action = 'FINDING_RESPONDED' and target_id = ?")
			.param(findingId)
			.query(String.class)
			.single();
		String evidenceSha = HexFormat.of()
			.formatHex(
					MessageDigest.getInstance("SHA-256").digest("2026-11-20 鍵貸出 山田".getBytes(StandardCharsets.UTF_8)));
		assertThat(responded).contains(evidenceSha, "AUD-1-F1");

		this.mvc.perform(get("/api/v1/inspections/" + inspectionId).with(as(this.auditorUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.findings[0].status").value("CLOSED"))
			.andExpect(jsonPath("$.findings[0].evidenceSha256[0]").value(evidenceSha))
			.andExpect(jsonPath("$.inspection.inspectedSubcontractor").doesNotExist())
			.andExpect(jsonPath("$.inspection.inspectedLevel").value(0))
			.andExpect(jsonPath("$.inspected.organisationId").value(this.contractor.getId().toString()));

		// A closed finding cannot be answered or verified again.
		this.mvc
			.perform(post("/api/v1/findings/" + findingId + "/return").contentType("application/json")
				.content("{\"comment\":\"再確認\"}")
				.with(as(this.officerUser)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("status"));
	}

	@Test
	void aReturnedResponseGoesBackToTheContractorUntilTheClientAccepts() throws Exception {
		String inspectionId = plan(this.contract, this.officerUser);
		String findingId = finding(inspectionId);
		respond(findingId, "注意喚起した。");

		this.mvc
			.perform(post("/api/v1/findings/" + findingId + "/return").contentType("application/json")
				.content("{}")
				.with(as(this.officerUser)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("comment"))
			.andExpect(jsonPath("$.errors[0].message").value("差し戻す理由を入力してください。"));
		this.mvc
			.perform(post("/api/v1/findings/" + findingId + "/return").contentType("application/json")
				.content("{\"comment\":\"注意喚起だけでは改善になりません。鍵の管理方法を改めてください。\"}")
				.with(as(this.officerUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RETURNED"));

		// Back with the contractor: its lead sees the form again, the client cannot
		// accept.
		Document leadPage = Jsoup.parse(this.mvc.perform(get("/inspections/" + inspectionId).with(as(this.leadUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(leadPage.select(".respond-form")).hasSize(1);
		assertThat(leadPage.select("#finding-AUD-1-F1").text()).contains("差戻し", "鍵の管理方法を改めてください");
		this.mvc.perform(post("/api/v1/findings/" + findingId + "/accept").with(as(this.officerUser)))
			.andExpect(status().isBadRequest());

		// The old paths (/respond, /accept) still work for one release, marked deprecated
		// with a link to the path that replaces them.
		this.mvc
			.perform(multipart("/api/v1/findings/" + findingId + "/respond").param("response", "鍵を管理者が携行し、貸出記録簿を備えた。")
				.with(as(this.leadUser)))
			.andExpect(status().isOk())
			.andExpect(header().string("Deprecation", "@1796515200"))
			.andExpect(
					header().string("Link", "</api/v1/findings/" + findingId + "/explain>; rel=\"successor-version\""))
			.andExpect(jsonPath("$.status").value("EXPLAINED"));
		this.mvc.perform(post("/api/v1/findings/" + findingId + "/accept").with(as(this.officerUser)))
			.andExpect(status().isOk())
			.andExpect(header().string("Deprecation", "@1796515200"))
			.andExpect(header().string("Link", "</api/v1/findings/" + findingId + "/close>; rel=\"successor-version\""))
			.andExpect(jsonPath("$.status").value("CLOSED"));
		assertThat(actions(findingId)).containsExactly("FINDING_RECORDED", "FINDING_INSTRUCTED", "FINDING_RESPONDED",
				"FINDING_RETURNED", "FINDING_RESPONDED", "FINDING_ACCEPTED");
	}

	@Test
	void aRequestForMaterialRaisesOnlyThatDeliverablesObligationsAndIsMetByASubmission() throws Exception {
		Contract gunma = register("gunma");
		String inspectionId = plan(gunma, this.secadminUser);
		this.mvc.perform(
				post("/api/v1/inspections/" + inspectionId + "/requests").contentType("application/json").content("""
						{"deliverable":"INCIDENT_REPORT","description":"x","dueOn":"%s"}
						""".formatted(this.today.plusDays(7))).with(as(this.secadminUser)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("deliverable"));
		String answer = this.mvc.perform(
				post("/api/v1/inspections/" + inspectionId + "/requests").contentType("application/json").content("""
						{"deliverable":"LOG_SUBMISSION","description":"過去3か月分のアクセスログとイベントログ","dueOn":"%s"}
						""".formatted(this.today.plusDays(7))).with(as(this.secadminUser)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String requestId = this.json.readTree(answer).get("id").asText();

		List<Obligation> raised = this.obligations.forContract(this.fixtures.actor(this.secadminUser), gunma.getId())
			.stream()
			.filter((o) -> "AUD-1-R1".equals(o.getPeriodKey()))
			.toList();
		assertThat(raised).isNotEmpty()
			.allSatisfy((o) -> assertThat(o.getDeliverable()).isEqualTo(Deliverable.LOG_SUBMISSION))
			.extracting(Obligation::getClauseRef)
			.containsExactlyInAnyOrder("第9条ア", "第9条イ");
		assertThat(raised).allSatisfy((o) -> assertThat(o.getSource()).isEqualTo("MaterialRequest:" + requestId));
		// Tracked with the client's date, not the profile's default deadline.
		assertThat(raised).allSatisfy((o) -> assertThat(o.getDueDate()).isEqualTo(this.today.plusDays(7)));

		String page = this.mvc.perform(get("/inspections/" + inspectionId).with(as(this.workerUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(page).select("[data-request=AUD-1-R1]").text()).contains("提出待ち",
				String.valueOf(this.today.plusDays(7).getDayOfMonth()));

		// The auditor cannot answer; the contractor's worker can.
		this.mvc
			.perform(multipart("/api/v1/material-requests/" + requestId + "/answer")
				.file(new MockMultipartFile("files", "access-log.csv", "text/csv", "at,user\n".getBytes()))
				.with(as(this.auditorUser)))
			.andExpect(status().isForbidden());
		this.mvc.perform(multipart("/api/v1/material-requests/" + requestId + "/answer")
			.file(new MockMultipartFile("files", "access-log.csv", "text/csv",
					"at,user\n2026-09-01T09:00,yamada\n".getBytes()))
			.param("comment", "9月から11月までのログ")
			.with(as(this.workerUser))).andExpect(status().isOk());
		assertThat(raised)
			.allSatisfy((o) -> assertThat(this.obligationReads.findUnscoped(o.getId()).orElseThrow().getStatus())
				.isEqualTo(ObligationStatus.SUBMITTED));
		this.mvc.perform(get("/api/v1/inspections/" + inspectionId).with(as(this.officerUser)))
			.andExpect(jsonPath("$.requests[0].state").value("SUBMITTED"))
			.andExpect(jsonPath("$.requests[0].dueOn").value(this.today.plusDays(7).toString()));
		assertThat(actions(requestId)).containsExactly("MATERIAL_REQUESTED", "MATERIAL_SUBMITTED");
	}

	@Test
	void theAuditReportIsAnArchivalPdfWhoseHashIsOnTheAuditTrail() throws Exception {
		String inspectionId = plan(this.contract, this.officerUser);
		finding(inspectionId);
		byte[] pdf = this.mvc
			.perform(get("/api/v1/inspections/" + inspectionId + "/report.pdf").with(as(this.leadUser)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		ArchivalPdf.assertArchivalWith(pdf, "監査・検査結果報告書", "AUD-1", "実地調査", "受託者作業室の入退室管理と媒体の保管", "AUD-1-F1", "媒体保管庫の鍵",
				"対応依頼", "受託者 " + this.contractor.getName());
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
		String details = this.jdbc
			.sql("select details from audit_entry where action = 'INSPECTION_REPORT_ISSUED' and target_id = ?")
			.param(inspectionId)
			.query(String.class)
			.single();
		assertThat(details).contains(sha256);
	}

	@Test
	void theChecklistHasTheContractorsRequirementsOfTheProfileAndTheLinesTheClientKept() {
		var candidates = this.inspections.candidates(this.contract);
		assertThat(candidates).extracting(Checklist.Candidate::summary)
			.contains("区の求めに応じて、情報及び情報資産の情報セキュリティ管理状況を報告する")
			.doesNotContain("区は必要に応じて監査又は検査を実施でき、受託者はこれを受け入れる");
		InspectionForm form = new InspectionForm();
		form.setKind(InspectionKind.AUDIT);
		form.setScope("全般");
		form.setHeldOn(this.today);
		form.setInspectors("山田");
		form.setLines(List.of(candidates.get(0).key(), candidates.get(2).key()));
		Inspection inspection = this.inspections.plan(this.fixtures.actor(this.officerUser), this.contract.getId(),
				form);
		var detail = this.inspections.detail(this.fixtures.actor(this.officerUser), inspection.getId());
		assertThat(detail.lines()).extracting(ChecklistLine::getSummary)
			.containsExactly(candidates.get(0).summary(), candidates.get(2).summary());

		form.setLines(List.of());
		org.assertj.core.api.Assertions
			.assertThatThrownBy(
					() -> this.inspections.plan(this.fixtures.actor(this.officerUser), this.contract.getId(), form))
			.isInstanceOf(jp.itaku.platform.InvalidInputProblem.class);
	}

	@Test
	void onlyTheClientsOfficersPlanAndVerifyTheLeadRespondsTheAuditorReadsAndAnotherContractorFindsNothing()
			throws Exception {
		String list = "/contracts/" + this.contract.getId() + "/inspections";
		String body = """
				{"kind":"AUDIT","scope":"s","heldOn":"%s","inspectors":"i"}
				""".formatted(this.today);
		for (UserAccount refused : List.of(this.auditorUser, this.leadUser, this.workerUser)) {
			this.mvc.perform(post("/api/v1" + list).contentType("application/json").content(body).with(as(refused)))
				.andExpect(status().isForbidden());
		}
		this.mvc
			.perform(post("/api/v1" + list).contentType("application/json").content(body).with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound());
		String inspectionId = plan(this.contract, this.officerUser);
		String findingId = finding(inspectionId);

		// Reading: client, auditor and contractor; not another contractor.
		for (UserAccount reader : List.of(this.officerUser, this.secadminUser, this.auditorUser, this.leadUser,
				this.workerUser)) {
			this.mvc.perform(get("/api/v1" + list).with(as(reader)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[0].number").value("AUD-1"));
			this.mvc.perform(get("/inspections/" + inspectionId).with(as(reader))).andExpect(status().isOk());
		}
		this.mvc.perform(get("/api/v1" + list).with(as(this.otherLeadUser))).andExpect(status().isNotFound());
		this.mvc.perform(get(list).with(as(this.otherLeadUser))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/inspections/" + inspectionId).with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		this.mvc.perform(get("/inspections/" + inspectionId).with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/inspections/" + inspectionId + "/report.pdf").with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(multipart("/api/v1/findings/" + findingId + "/respond").param("response", "x")
				.with(as(this.otherLeadUser)))
			.andExpect(status().isNotFound());

		// The auditor changes nothing; the pages offer it no form.
		this.mvc
			.perform(post("/api/v1/inspections/" + inspectionId + "/findings").contentType("application/json")
				.content("{\"severity\":\"MINOR\",\"clauseRef\":\"7\",\"description\":\"x\"}")
				.with(as(this.auditorUser)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(multipart("/api/v1/findings/" + findingId + "/respond").param("response", "x")
				.with(as(this.auditorUser)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/findings/" + findingId + "/close").with(csrf()).with(as(this.auditorUser)))
			.andExpect(status().isForbidden());
		Document auditorPage = Jsoup
			.parse(this.mvc.perform(get("/inspections/" + inspectionId).with(as(this.auditorUser)))
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(auditorPage.select("form[method=post]:not([action=/logout]):not(#idle-extend)")).isEmpty();
		assertThat(Jsoup.parse(
				this.mvc.perform(get(list).with(as(this.auditorUser))).andReturn().getResponse().getContentAsString())
			.select("#plan-form")).isEmpty();

		// The worker does not respond to findings (the lead does); the client does not
		// respond.
		this.mvc
			.perform(multipart("/api/v1/findings/" + findingId + "/respond").param("response", "x")
				.with(as(this.workerUser)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(multipart("/api/v1/findings/" + findingId + "/respond").param("response", "x")
				.with(as(this.officerUser)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/findings/" + findingId + "/accept").with(csrf()).with(as(this.leadUser)))
			.andExpect(status().isForbidden());

		// The client's officer plans through the page, every line of the profile ticked.
		Document planPage = Jsoup.parse(this.mvc.perform(get(list).with(as(this.officerUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(planPage.select("#plan-form input[name=lines]"))
			.hasSize(this.inspections.candidates(this.contract).size())
			.allSatisfy((box) -> assertThat(box.hasAttr("checked")).isTrue());
		this.mvc
			.perform(post(list).with(csrf())
				.with(as(this.officerUser))
				.param("kind", "DOCUMENTARY")
				.param("scope", "再委託先の管理状況")
				.param("heldOn", this.today.toString())
				.param("inspectors", "山田"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.inspections.list(this.fixtures.actor(this.auditorUser), this.contract.getId()).inspections())
			.hasSize(2);
	}

	@Test
	void anInspectionAimedAtASubcontractorIsAnsweredByItAndReadByItsChainOnly() throws Exception {
		Organisation wakaba = this.fixtures.organisation(OrganisationKind.SUBCONTRACTOR);
		Organisation aoba = this.fixtures.organisation(OrganisationKind.SUBCONTRACTOR);
		UserAccount wakabaLead = this.fixtures.user(wakaba, Role.CONTRACTOR_LEAD);
		UserAccount aobaLead = this.fixtures.user(aoba, Role.CONTRACTOR_LEAD);
		Actor lead = this.fixtures.actor(this.leadUser);
		for (Organisation sub : List.of(wakaba, aoba)) {
			this.subcontracts.approve(this.fixtures.actor(this.officerUser),
					this.subcontracts.apply(lead, this.contract.getId(), subcontract(sub), documents()).getId());
		}
		Organisation foreign = this.fixtures.organisation(OrganisationKind.SUBCONTRACTOR);
		String list = "/api/v1/contracts/" + this.contract.getId() + "/inspections";
		String plan = """
				{"kind":"AUDIT","scope":"再受託者の印刷室","heldOn":"%s","inspectors":"山田"%s}""";

		// Refused, naming the field, with nothing stored: two subcontractors sit at level
		// 1, a foreign organisation takes no part, a level without subcontractors.
		for (String[] bad : List.of(new String[] { ",\"inspectedLevel\":1", "inspectedSubcontractor" },
				new String[] { ",\"inspectedSubcontractor\":\"" + foreign.getId() + "\"", "inspectedSubcontractor" },
				new String[] { ",\"inspectedLevel\":2,\"inspectedSubcontractor\":\"" + wakaba.getId() + "\"",
						"inspectedSubcontractor" },
				new String[] { ",\"inspectedLevel\":3", "inspectedLevel" })) {
			this.mvc
				.perform(post(list).contentType("application/json")
					.content(plan.formatted(this.today, bad[0]))
					.with(as(this.officerUser)))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.errors[*].field").value(hasItem(bad[1])));
		}
		this.mvc
			.perform(post("/contracts/" + this.contract.getId() + "/inspections").with(csrf())
				.with(as(this.officerUser))
				.param("kind", "AUDIT")
				.param("scope", "s")
				.param("heldOn", this.today.toString())
				.param("inspectors", "山田")
				.param("inspectedLevel", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"inspectedSubcontractor-error\"")));
		assertThat(this.jdbc.sql("select count(*) from inspection where contract_id = ?")
			.param(this.contract.getId())
			.query(Long.class)
			.single()).isZero();

		// Aimed at わかば (level 1); the page names it with its level.
		String answer = this.mvc
			.perform(post(list).contentType("application/json")
				.content(plan.formatted(this.today,
						",\"inspectedLevel\":1,\"inspectedSubcontractor\":\"" + wakaba.getId() + "\""))
				.with(as(this.officerUser)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.inspectedSubcontractor").value(wakaba.getId().toString()))
			.andExpect(jsonPath("$.inspectedLevel").value(1))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String inspectionId = this.json.readTree(answer).get("id").asText();
		assertThat(
				this.jdbc.sql("select details from audit_entry where action = 'INSPECTION_PLANNED' and target_id = ?")
					.param(inspectionId)
					.query(String.class)
					.single())
			.contains(wakaba.getId().toString(), "inspectedLevel");
		String findingId = finding(inspectionId);
		String requested = this.mvc.perform(
				post("/api/v1/inspections/" + inspectionId + "/requests").contentType("application/json").content("""
						{"deliverable":"STATUS_REPORT","description":"印刷データの消去証明","dueOn":"%s"}
						""".formatted(this.today.plusDays(7))).with(as(this.officerUser)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String requestId = this.json.readTree(requested).get("id").asText();
		// What the request and the finding raised is owed by わかば.
		List<Obligation> raised = this.obligations
			.forContract(this.fixtures.actor(this.officerUser), this.contract.getId())
			.stream()
			.filter((o) -> o.getPeriodKey().startsWith("AUD-1-"))
			.toList();
		assertThat(raised).isNotEmpty().allSatisfy((o) -> {
			assertThat(o.getOwedBy()).isEqualTo(wakaba.getId());
			assertThat(o.getOwedLevel()).isEqualTo(1);
		});
		assertThat(raised).extracting(Obligation::getPeriodKey).contains("AUD-1-R1");

		// わかば's lead reads it, answers the request and explains the finding.
		this.mvc.perform(get(list).with(as(wakabaLead)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].number").value("AUD-1"));
		Document page = Jsoup.parse(this.mvc.perform(get("/inspections/" + inspectionId).with(as(wakabaLead)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("#inspection-inspected").text()).isEqualTo("第1次再委託先 " + wakaba.getName());
		assertThat(page.select(".respond-form")).hasSize(1);
		assertThat(page.select(".answer-form")).hasSize(1);
		this.mvc
			.perform(multipart("/api/v1/material-requests/" + requestId + "/answer")
				.file(new MockMultipartFile("files", "消去証明.txt", "text/plain", "消去証明 No.1".getBytes()))
				.param("comment", "消去証明を提出します。")
				.with(as(wakabaLead)))
			.andExpect(status().isOk());
		this.mvc
			.perform(multipart("/api/v1/findings/" + findingId + "/explain").param("response", "鍵の管理を改めた。")
				.with(as(wakabaLead)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("EXPLAINED"));
		this.mvc.perform(get("/api/v1/inspections/" + inspectionId).with(as(wakabaLead)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.inspected.name").value(wakaba.getName()))
			.andExpect(jsonPath("$.requests[0].state").value("SUBMITTED"));
		assertThat(this.jdbc.sql("select details from audit_entry where action = 'FINDING_RESPONDED' and target_id = ?")
			.param(findingId)
			.query(String.class)
			.single()).contains(wakaba.getId().toString());
		ArchivalPdf.assertArchivalWith(
				this.mvc.perform(get("/api/v1/inspections/" + inspectionId + "/report.pdf").with(as(this.leadUser)))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsByteArray(),
				"第1次再委託先 " + wakaba.getName());

		// The contractor's lead reads it (its chain) but answers nothing of it.
		this.mvc.perform(get("/inspections/" + inspectionId).with(as(this.leadUser))).andExpect(status().isOk());
		this.mvc.perform(get(list).with(as(this.leadUser))).andExpect(jsonPath("$[0].inspectedLevel").value(1));
		this.mvc
			.perform(multipart("/api/v1/findings/" + findingId + "/explain").param("response", "x")
				.with(as(this.leadUser)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(multipart("/api/v1/material-requests/" + requestId + "/answer")
				.file(new MockMultipartFile("files", "x.txt", "text/plain", "x".getBytes()))
				.with(as(this.leadUser)))
			.andExpect(status().isForbidden());

		// The other subcontractor of the contract and a foreign organisation find
		// nothing.
		for (UserAccount outsider : List.of(aobaLead, this.otherLeadUser)) {
			this.mvc.perform(get("/api/v1/inspections/" + inspectionId).with(as(outsider)))
				.andExpect(status().isNotFound());
			this.mvc.perform(get("/inspections/" + inspectionId).with(as(outsider))).andExpect(status().isNotFound());
			this.mvc
				.perform(multipart("/api/v1/findings/" + findingId + "/explain").param("response", "x")
					.with(as(outsider)))
				.andExpect(status().isNotFound());
		}
		this.mvc.perform(get(list).with(as(aobaLead)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
		this.mvc.perform(get(list).with(as(this.otherLeadUser))).andExpect(status().isNotFound());
	}

	private SubcontractForm subcontract(Organisation subcontractor) {
		SubcontractForm form = new SubcontractForm();
		form.setSubcontractorOrganisationId(subcontractor.getId());
		form.setPeriodStart(this.contract.getPeriodStart());
		form.setPeriodEnd(this.contract.getPeriodEnd());
		form.setReason("通知書の印刷設備がないため");
		form.setWorkContent("通知書の印刷（附属業務）");
		form.setInformationHandled("印刷データ（氏名・住所）");
		form.setPersonalInformation(true);
		form.setSafetyMeasures("入退室管理、暗号化受渡し、作業後の消去");
		form.setSupervisionMethod("印刷日の立会い");
		form.setSecurityLead("再委託 責任者");
		form.setWorkers("印刷 一子");
		form.setSafetyMeasuresChecked(true);
		form.setBindsSameClauses(true);
		form.setAncillaryUnavoidable(true);
		return form;
	}

	/** The subcontractor's item-3 documents Setagaya 4 asks for with the application. */
	private static Map<Deliverable, List<SubcontractDocuments.Upload>> documents() {
		Map<Deliverable, List<SubcontractDocuments.Upload>> files = new LinkedHashMap<>();
		for (Deliverable d : List.of(Deliverable.SECURITY_RULES, Deliverable.ROSTER,
				Deliverable.IMPLEMENTATION_SCHEDULE, Deliverable.EMERGENCY_CONTACTS)) {
			files.put(d, List.of(new SubcontractDocuments.Upload(d.name() + ".txt", "text/plain",
					new ByteArrayResource(d.name().getBytes(StandardCharsets.UTF_8)))));
		}
		return files;
	}

}
