package jp.itaku.training;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.StoredProfile;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
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
import jp.itaku.platform.Sha256;
import jp.itaku.roster.MemberStatus;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pledges and training through the application: the worker's own acknowledgement (and
 * nobody else's), the signed scan, the readiness gate of the roster end to end, records
 * submitted to their obligations, and scoping as a matrix by service, page and API.
 */
@IntegrationTest
class TrainingIT {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Obligations obligations;

	@Autowired
	ObligationSystemReads obligationReads;

	@Autowired
	Rosters rosters;

	@Autowired
	Pledges pledges;

	@Autowired
	Trainings trainings;

	@Autowired
	ClauseCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	Organisation contractor;

	UserAccount officerUser;

	UserAccount auditorUser;

	UserAccount leadUser;

	UserAccount workerUser;

	UserAccount colleagueUser;

	UserAccount otherLeadUser;

	UserAccount secadminUser;

	Actor officer;

	Actor lead;

	Actor worker;

	Actor colleague;

	Actor otherLead;

	LocalDate today;

	@BeforeEach
	void parties() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Organisation other = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officerUser = this.fixtures.user(client, Role.CLIENT_OFFICER);
		this.auditorUser = this.fixtures.user(client, Role.AUDITOR);
		this.secadminUser = this.fixtures.user(client, Role.CLIENT_SECURITY_ADMIN);
		this.leadUser = this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD);
		this.workerUser = this.fixtures.user(this.contractor, Role.CONTRACTOR_WORKER);
		this.colleagueUser = this.fixtures.user(this.contractor, Role.CONTRACTOR_WORKER);
		this.otherLeadUser = this.fixtures.user(other, Role.CONTRACTOR_LEAD);
		this.officer = this.fixtures.actor(this.officerUser);
		this.lead = this.fixtures.actor(this.leadUser);
		this.worker = this.fixtures.actor(this.workerUser);
		this.colleague = this.fixtures.actor(this.colleagueUser);
		this.otherLead = this.fixtures.actor(this.otherLeadUser);
		this.today = ItakuTime.today(this.clock);
	}

	private Contract contract(String profile) {
		ContractForm form = this.fixtures.contractForm(this.contractor, profile, this.today.minusMonths(1),
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		form.setTitle("マイナンバーカード交付窓口業務");
		return this.contracts.register(this.officer, form);
	}

	private RosterMember member(Contract contract, String name, UUID userId) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName(name);
		form.setAffiliation("窓口サービス部");
		form.setRole(WorkerRole.WORKER);
		form.setDuties("申請受付");
		form.setHandlesPersonalInformation(true);
		form.setPeriodStart(this.today);
		form.setUserId(userId);
		return this.rosters.add(this.lead, contract.getId(), this.fixtures.forNotice(contract, form));
	}

	private TrainingSession train(Contract contract, SessionKind kind, LocalDate heldOn,
			Map<RosterMember, AttendanceResult> results) {
		TrainingSessionForm form = new TrainingSessionForm();
		form.setKind(kind);
		form.setHeldOn(heldOn);
		form.setContent("特記仕様書の遵守事項と個人情報の取扱い");
		form.setScenario((kind == SessionKind.DRILL) ? "申請書類の紛失が判明した想定" : null);
		form.setTrainer("業務責任者");
		results.forEach((member, result) -> form.getResults().put(member.getId().toString(), result));
		return this.trainings.record(this.lead, contract.getId(), form, null);
	}

	private Pledge signedPledge(RosterMember member) {
		Pledge pledge = this.pledges.generate(this.lead, member.getId(), this.today);
		return this.pledges.uploadSigned(this.lead, pledge.getId(), this.today, "signed.pdf", "application/pdf",
				new ByteArrayInputStream("%PDF-1.4\n% signed\n%%EOF\n".getBytes(StandardCharsets.UTF_8)));
	}

	private List<String> audited(String action, UUID target) {
		return this.jdbc.sql("select details from audit_entry where action = ? and target_id = ?")
			.param(action)
			.param(target.toString())
			.query(String.class)
			.list();
	}

	private static String pdfText(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFKC);
		}
	}

	private static RequestPostProcessor as(Fixtures fixtures, UserAccount user) {
		return authentication(fixtures.signedIn(user));
	}

	@Test
	void theWorkerAcknowledgesTheirOwnPledgeWithTheirAccountAndNobodyElseCan() throws Exception {
		Contract contract = contract("kadoma");
		RosterMember yamada = member(contract, "山田 太郎", this.workerUser.getId());
		Pledge pledge = this.pledges.generate(this.lead, yamada.getId(), this.today);
		assertThat(pledge.getBody()).contains("山田 太郎", contract.getNumber(), "門真市 7(1)ア");

		for (Actor notTheWorker : List.of(this.lead, this.colleague, this.officer)) {
			assertThat(catchThrowable(
					() -> this.pledges.acknowledge(notTheWorker, pledge.getId(), pledge.getBodySha256())))
				.isInstanceOf(AccessDeniedProblem.class);
		}
		assertThat(
				catchThrowable(() -> this.pledges.acknowledge(this.otherLead, pledge.getId(), pledge.getBodySha256())))
			.isInstanceOf(NotFoundProblem.class);
		assertThat(catchThrowable(() -> this.pledges.acknowledge(this.worker, pledge.getId(), "0".repeat(64))))
			.isInstanceOf(InvalidInputProblem.class);
		this.mvc
			.perform(post("/api/v1/pledges/" + pledge.getId() + "/acknowledge").contentType("application/json")
				.content("{\"textSha256\":\"" + pledge.getBodySha256() + "\"}")
				.with(as(this.fixtures, this.colleagueUser)))
			.andExpect(status().isForbidden());
		assertThat(this.rosters.readinessOf(yamada.getId()).pledged()).isFalse();

		// The worker's own page offers the acknowledgement; nobody else's does.
		this.mvc.perform(get("/pledges").with(as(this.fixtures, this.workerUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("誓約書に同意する")));
		this.mvc.perform(get("/pledges/" + pledge.getId()).with(as(this.fixtures, this.colleagueUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("acknowledge-form"))));
		this.mvc
			.perform(post("/pledges/" + pledge.getId() + "/acknowledge").param("textSha256", pledge.getBodySha256())
				.with(SecurityMockMvcRequestPostProcessors.csrf())
				.with(as(this.fixtures, this.workerUser)))
			.andExpect(status().is3xxRedirection());

		Pledge signed = this.pledges.detail(this.officer, pledge.getId()).pledge();
		assertThat(signed.getSignedVia()).isEqualTo(Pledge.SignedVia.ACKNOWLEDGEMENT);
		assertThat(signed.getSignedBy()).isEqualTo(this.workerUser.getId());
		assertThat(signed.getSignedOn()).isEqualTo(this.today);
		assertThat(signed.getSignedAt()).isNotNull();
		assertThat(this.rosters.readinessOf(yamada.getId()).pledged()).isTrue();
		assertThat(audited("PLEDGE_ACKNOWLEDGED", pledge.getId())).singleElement()
			.asString()
			.contains(pledge.getBodySha256())
			.doesNotContain("山田");
		assertThat(catchThrowable(() -> this.pledges.acknowledge(this.worker, pledge.getId(), pledge.getBodySha256())))
			.isInstanceOf(InvalidInputProblem.class);

		// The form submitted for an acknowledged pledge records how it was acknowledged.
		try (InputStream in = this.pledges.open(this.officer, pledge.getId(), false).content()) {
			assertThat(pdfText(in.readAllBytes())).contains("誓約書", "山田 太郎", "本人のアカウントで", pledge.getBodySha256());
		}
	}

	@Test
	void anUploadedSignedScanSignsThePledgeWhichIsThenSubmittedToThePledgeObligation() throws Exception {
		Contract contract = contract("kadoma");
		RosterMember sato = member(contract, "佐藤 花子", null);
		String created = this.mvc
			.perform(post("/api/v1/roster-members/" + sato.getId() + "/pledges").contentType("application/json")
				.content("{\"pledgeDate\":\"" + this.today + "\"}")
				.with(as(this.fixtures, this.leadUser)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.signed").value(false))
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID pledgeId = UUID.fromString(created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
		byte[] scan = "%PDF-1.4\n% scanned signed pledge\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

		// Only the lead records it; a second pledge waits until this one is signed.
		this.mvc
			.perform(multipart("/api/v1/pledges/" + pledgeId + "/signed")
				.file(new MockMultipartFile("file", "signed.pdf", "application/pdf", scan))
				.param("signedOn", this.today.toString())
				.with(as(this.fixtures, this.workerUser)))
			.andExpect(status().isForbidden());
		assertThat(catchThrowable(() -> this.pledges.generate(this.lead, sato.getId(), this.today)))
			.isInstanceOf(InvalidInputProblem.class);

		this.mvc
			.perform(multipart("/api/v1/pledges/" + pledgeId + "/signed")
				.file(new MockMultipartFile("file", "signed.pdf", "application/pdf", scan))
				.param("signedOn", this.today.toString())
				.with(as(this.fixtures, this.leadUser)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.signedVia").value("UPLOAD"))
			.andExpect(jsonPath("$.signedSha256").value(Sha256.of(scan)));
		assertThat(audited("PLEDGE_SIGNED_UPLOADED", pledgeId)).singleElement().asString().contains(Sha256.of(scan));
		assertThat(this.rosters.readinessOf(sato.getId()))
			.isEqualTo(new jp.itaku.roster.WorkerReadiness.Readiness(true, false));

		List<Obligation> open = this.pledges.detail(this.lead, pledgeId).openObligations();
		assertThat(open).isNotEmpty().allSatisfy((o) -> assertThat(o.getDeliverable()).isEqualTo(Deliverable.PLEDGE));
		Obligation target = open.get(0);
		this.mvc
			.perform(post("/api/v1/pledges/" + pledgeId + "/submit").contentType("application/json")
				.content("{\"obligationId\":\"" + target.getId() + "\"}")
				.with(as(this.fixtures, this.leadUser)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.sha256").value(Sha256.of(scan)));
		assertThat(this.obligationReads.findUnscoped(target.getId()).orElseThrow().getStatus())
			.isEqualTo(ObligationStatus.SUBMITTED);
		var files = this.obligations.detail(this.officer, target.getId());
		assertThat(files.filesOf(files.submissions().get(0).getId())).singleElement()
			.satisfies((f) -> assertThat(f.getSha256()).isEqualTo(Sha256.of(scan)));
	}

	@Test
	void theSignedPledgeOfAWorkerWhoJoinedGoesFirstToThePledgeObligationTheirJoiningRaised() {
		Contract contract = contract("kadoma");
		member(contract, "最初 の人", null);
		this.rosters.fileNotice(this.lead, contract.getId());
		RosterMember joined = member(contract, "加藤 七郎", null);
		Pledge pledge = signedPledge(joined);

		List<Obligation> open = this.pledges.detail(this.lead, pledge.getId()).openObligations();
		assertThat(open.get(0).getPeriodKey()).isEqualTo("JOIN-" + joined.getId());
		assertThat(open.get(0).getClauseRef()).isEqualTo("1(2)");
		this.pledges.submit(this.lead, pledge.getId(), open.get(0).getId());
		assertThat(this.obligationReads.findUnscoped(contract.getId(), Deliverable.PLEDGE, "JOIN-" + joined.getId()))
			.singleElement()
			.satisfies((o) -> assertThat(o.getStatus()).isEqualTo(ObligationStatus.SUBMITTED));
		assertThat(audited("PLEDGE_FILED", pledge.getId())).singleElement()
			.asString()
			.contains(open.get(0).getId().toString());
	}

	@Test
	void aWorkerWhoIsPledgedAndTrainedStartsWithoutOverrideAndOthersNeedTheLeadsAuditedOverride() {
		Contract contract = contract("kadoma");
		RosterMember ready = member(contract, "鈴木 一郎", null);
		RosterMember untrained = member(contract, "高橋 二郎", null);
		RosterMember absent = member(contract, "田中 三郎", null);
		signedPledge(ready);
		signedPledge(untrained);
		signedPledge(absent);
		train(contract, SessionKind.TRAINING, this.today.minusDays(1),
				Map.of(ready, AttendanceResult.COMPLETED, absent, AttendanceResult.ABSENT));
		train(contract, SessionKind.DRILL, this.today, Map.of(untrained, AttendanceResult.ATTENDED));

		assertThat(this.rosters.activate(this.lead, ready.getId(), null).getStatus()).isEqualTo(MemberStatus.ACTIVE);
		assertThat(audited("ROSTER_MEMBER_ACTIVATED", ready.getId())).singleElement()
			.asString()
			.contains("\"pledged\":true", "\"trained\":true");

		for (RosterMember notReady : List.of(untrained, absent)) {
			InvalidInputProblem refused = (InvalidInputProblem) catchThrowable(
					() -> this.rosters.activate(this.lead, notReady.getId(), null));
			assertThat(refused.getFieldProblems()).extracting((p) -> p.field()).containsExactly("override");
		}
		assertThat(this.rosters.activate(this.lead, untrained.getId(), "研修は来週受講予定のため責任者が同席する").getStatus())
			.isEqualTo(MemberStatus.ACTIVE);
		assertThat(audited("ROSTER_READINESS_OVERRIDDEN", untrained.getId())).singleElement()
			.asString()
			.contains("\"pledged\":true", "\"trained\":false", "来週");

		List<Trainings.WorkerRow> rows = this.trainings.overview(this.officer, contract.getId());
		assertThat(rows).filteredOn((r) -> r.readiness().ready())
			.extracting((r) -> r.member().getId())
			.containsExactly(ready.getId());
	}

	@Test
	void scopingAsAMatrixOtherContractorsSeeNothingClientsAndWorkersReadAndOnlyTheLeadRecords() throws Exception {
		Contract contract = contract("setagaya");
		RosterMember member = member(contract, "伊藤 四郎", this.workerUser.getId());
		Pledge pledge = this.pledges.generate(this.lead, member.getId(), this.today);
		TrainingSession session = train(contract, SessionKind.TRAINING, this.today,
				Map.of(member, AttendanceResult.ATTENDED));
		Actor auditor = this.fixtures.actor(this.auditorUser);

		// Another contractor: not found, by service, page and API.
		assertThat(catchThrowable(() -> this.trainings.sessions(this.otherLead, contract.getId())))
			.isInstanceOf(NotFoundProblem.class);
		assertThat(catchThrowable(() -> this.trainings.session(this.otherLead, session.getId())))
			.isInstanceOf(NotFoundProblem.class);
		assertThat(catchThrowable(() -> this.pledges.detail(this.otherLead, pledge.getId())))
			.isInstanceOf(NotFoundProblem.class);
		assertThat(catchThrowable(() -> this.pledges.generate(this.otherLead, member.getId(), this.today)))
			.isInstanceOf(NotFoundProblem.class);
		assertThat(this.pledges.mine(this.otherLead)).isEmpty();
		for (String path : List.of("/contracts/" + contract.getId() + "/training",
				"/training/sessions/" + session.getId(), "/training/sessions/" + session.getId() + "/record.pdf",
				"/pledges/" + pledge.getId(), "/pledges/" + pledge.getId() + "/document.pdf",
				"/api/v1/contracts/" + contract.getId() + "/training/readiness",
				"/api/v1/contracts/" + contract.getId() + "/training/sessions",
				"/api/v1/training/sessions/" + session.getId(), "/api/v1/contracts/" + contract.getId() + "/pledges",
				"/api/v1/pledges/" + pledge.getId())) {
			this.mvc.perform(get(path).with(as(this.fixtures, this.otherLeadUser))).andExpect(status().isNotFound());
		}
		this.mvc
			.perform(
					post("/api/v1/contracts/" + contract.getId() + "/training/sessions").contentType("application/json")
						.content("{\"kind\":\"TRAINING\",\"heldOn\":\"" + this.today
								+ "\",\"content\":\"x\",\"trainer\":\"y\",\"results\":{\"" + member.getId()
								+ "\":\"ATTENDED\"}}")
						.with(as(this.fixtures, this.otherLeadUser)))
			.andExpect(status().isNotFound());

		// The client's officer and auditor, and the contractor's worker, read but never
		// record.
		for (UserAccount reader : List.of(this.officerUser, this.auditorUser, this.workerUser)) {
			this.mvc.perform(get("/contracts/" + contract.getId() + "/training").with(as(this.fixtures, reader)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("伊藤 四郎")))
				.andExpect(content().string(not(containsString("new-training"))));
			this.mvc
				.perform(get("/api/v1/contracts/" + contract.getId() + "/training/readiness")
					.with(as(this.fixtures, reader)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[0].trained").value(true))
				.andExpect(jsonPath("$[0].pledged").value(false));
			this.mvc
				.perform(post("/api/v1/contracts/" + contract.getId() + "/training/sessions")
					.contentType("application/json")
					.content("{\"kind\":\"DRILL\",\"heldOn\":\"" + this.today
							+ "\",\"content\":\"x\",\"scenario\":\"s\",\"trainer\":\"y\",\"results\":{\""
							+ member.getId() + "\":\"ATTENDED\"}}")
					.with(as(this.fixtures, reader)))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/api/v1/roster-members/" + member.getId() + "/pledges").contentType("application/json")
					.content("{}")
					.with(as(this.fixtures, reader)))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/contracts/" + contract.getId() + "/training/pledges")
					.param("member", member.getId().toString())
					.with(SecurityMockMvcRequestPostProcessors.csrf())
					.with(as(this.fixtures, reader)))
				.andExpect(status().isForbidden());
		}
		assertThat(catchThrowable(() -> this.pledges.uploadSigned(auditor, pledge.getId(), this.today, "s.pdf",
				"application/pdf", new ByteArrayInputStream("%PDF-1.4\n".getBytes(StandardCharsets.UTF_8)))))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThat(catchThrowable(() -> this.pledges.acknowledge(auditor, pledge.getId(), pledge.getBodySha256())))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThat(this.trainings.sessions(auditor, contract.getId())).hasSize(1);

		// The lead records, through the page.
		this.mvc
			.perform(multipart("/contracts/" + contract.getId() + "/training/sessions").param("kind", "TRAINING")
				.param("heldOn", this.today.toString())
				.param("content", "情報セキュリティ研修（第2回）")
				.param("trainer", "外部講師")
				.param("results[" + member.getId() + "]", "COMPLETED")
				.with(SecurityMockMvcRequestPostProcessors.csrf())
				.with(as(this.fixtures, this.leadUser)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.trainings.sessions(this.officer, contract.getId())).extracting(TrainingSession::getContent)
			.contains("情報セキュリティ研修（第2回）");
		assertThat(this.trainings.sessions(this.officer, contract.getId()))
			.filteredOn((s) -> s.getContent().contains("第2回"))
			.singleElement()
			.satisfies((s) -> assertThat(s.resultOf(member.getId())).contains(AttendanceResult.COMPLETED));
	}

	@Test
	void aDrillIsRecordedAndItsWrittenRecordSubmittedToTheDrillRecordObligation() throws Exception {
		String code = "d" + UUID.randomUUID().toString().substring(0, 8);
		String yaml = new ClassPathResource("training/drill-profile.yaml").getContentAsString(StandardCharsets.UTF_8)
			.replace("code: drill-city", "code: " + code);
		StoredProfile profile = this.catalog.importProfile(this.fixtures.actor(this.secadminUser), "drill.yaml", yaml,
				Locale.JAPANESE);
		ContractForm form = this.fixtures.contractForm(this.contractor, "setagaya", this.today.minusMonths(1),
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		form.setProfileId(profile.id());
		Contract contract = this.contracts.register(this.officer, form);
		RosterMember member = member(contract, "中村 五郎", null);

		String created = this.mvc
			.perform(
					post("/api/v1/contracts/" + contract.getId() + "/training/sessions").contentType("application/json")
						.content("{\"kind\":\"DRILL\",\"heldOn\":\"" + this.today.minusDays(2)
								+ "\",\"content\":\"事故報告手順の確認\",\"scenario\":\"USBメモリの紛失を想定\",\"trainer\":\"業務責任者\","
								+ "\"result\":\"第一報まで20分\",\"improvements\":\"連絡先一覧を掲示する\",\"results\":{\""
								+ member.getId() + "\":\"ATTENDED\"}}")
						.with(as(this.fixtures, this.leadUser)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("DRILL"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID drillId = UUID.fromString(created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
		assertThat(audited("TRAINING_DRILL_RECORDED", drillId)).hasSize(1);

		Obligation drillRecord = this.obligationReads.findUnscoped(contract.getId(), Deliverable.DRILL_RECORD, "START")
			.get(0);
		assertThat(this.trainings.session(this.lead, drillId).openObligations()).extracting(Obligation::getId)
			.containsExactly(drillRecord.getId());

		// A training session does not meet a drill's obligation.
		TrainingSession training = train(contract, SessionKind.TRAINING, this.today,
				Map.of(member, AttendanceResult.ATTENDED));
		InvalidInputProblem wrong = (InvalidInputProblem) catchThrowable(
				() -> this.trainings.submit(this.lead, training.getId(), drillRecord.getId()));
		assertThat(wrong.getFieldProblems()).extracting((p) -> p.messageKey())
			.containsExactly("training.filing.wrongDeliverable");

		this.mvc
			.perform(post("/api/v1/training/sessions/" + drillId + "/submit").contentType("application/json")
				.content("{\"obligationId\":\"" + drillRecord.getId() + "\"}")
				.with(as(this.fixtures, this.officerUser)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/training/sessions/" + drillId + "/submit").contentType("application/json")
				.content("{\"obligationId\":\"" + drillRecord.getId() + "\"}")
				.with(as(this.fixtures, this.leadUser)))
			.andExpect(status().isCreated());
		assertThat(this.obligationReads.findUnscoped(drillRecord.getId()).orElseThrow().getStatus())
			.isEqualTo(ObligationStatus.SUBMITTED);
		var detail = this.obligations.detail(this.officer, drillRecord.getId());
		var file = detail.filesOf(detail.submissions().get(0).getId()).get(0);
		try (InputStream in = this.obligations.openFile(this.officer, file.getId()).content()) {
			assertThat(pdfText(in.readAllBytes())).contains("緊急時対応訓練 実施記録", "USBメモリの紛失を想定", "中村 五郎", "受講",
					"連絡先一覧を掲示する");
		}
		assertThat(audited("TRAINING_RECORD_FILED", drillId)).singleElement()
			.asString()
			.contains(drillRecord.getId().toString());
		this.mvc.perform(get("/training/sessions/" + drillId).with(as(this.fixtures, this.officerUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("USBメモリの紛失を想定")));
	}

	@Test
	void aTrainingRecordIsSubmittedToNerimasTrainingRecordObligation() throws IOException {
		Contract contract = contract("nerima");
		RosterMember member = member(contract, "小林 六郎", null);
		TrainingSession session = train(contract, SessionKind.TRAINING, this.today,
				Map.of(member, AttendanceResult.COMPLETED));
		List<Obligation> open = this.trainings.openObligations(this.lead, contract.getId(), SessionKind.TRAINING);
		assertThat(open).singleElement().satisfies((o) -> assertThat(o.getClauseRef()).isEqualTo("第9条"));

		TrainingFiling filing = this.trainings.submit(this.lead, session.getId(), open.get(0).getId());
		assertThat(this.obligationReads.findUnscoped(filing.getObligationId()).orElseThrow().getStatus())
			.isEqualTo(ObligationStatus.SUBMITTED);
		assertThat(pdfText(this.trainings.recordPdf(this.officer, session.getId()))).contains("情報セキュリティ研修 実施記録",
				"小林 六郎", "修了");
		assertThat(this.trainings.filings(this.officer, contract.getId())).extracting(TrainingFiling::getSubjectId)
			.containsExactly(session.getId());
	}

}
