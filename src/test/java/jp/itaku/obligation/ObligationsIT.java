package jp.itaku.obligation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Contracts and their obligations through the application: planning on registration and
 * on a change of scope (keeping evidence), submissions reviewed by the client, scoping of
 * contracts, obligations, submissions and files between contractors, and the closing
 * guard.
 */
@IntegrationTest
class ObligationsIT {

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
	java.time.Clock clock;

	Organisation client;

	Organisation contractorA;

	Organisation contractorB;

	Actor officer;

	Actor leadA;

	UserAccount leadAUser;

	UserAccount leadBUser;

	UserAccount officerUser;

	@BeforeEach
	void parties() {
		this.client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractorA = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.contractorB = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officerUser = this.fixtures.user(this.client, Role.CLIENT_OFFICER);
		this.officer = this.fixtures.actor(this.officerUser);
		this.leadAUser = this.fixtures.user(this.contractorA, Role.CONTRACTOR_LEAD);
		this.leadA = this.fixtures.actor(this.leadAUser);
		this.leadBUser = this.fixtures.user(this.contractorB, Role.CONTRACTOR_LEAD);
	}

	private Contract setagayaContract(Set<ContractAttribute> attributes) {
		LocalDate start = jp.itaku.platform.ItakuTime.today(this.clock).plusMonths(1);
		ContractForm form = this.fixtures.contractForm(this.contractorA, "setagaya", start, Set.copyOf(attributes));
		form.setNumber("T-" + UUID.randomUUID().toString().substring(0, 8));
		form.setTitle("試験用の電算処理委託");
		return this.contracts.register(this.officer, form);
	}

	private Obligation obligationFor(Contract contract, Deliverable deliverable) {
		return this.obligations.forContract(this.officer, contract.getId())
			.stream()
			.filter((o) -> o.getDeliverable() == deliverable)
			.findFirst()
			.orElseThrow();
	}

	private static List<Obligations.Upload> pdf(String name) {
		return List.of(new Obligations.Upload(name, "application/pdf", new ByteArrayResource(
				("%PDF-1.4\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8))));
	}

	private void turnCloud(Contract contract, boolean on) {
		ContractForm form = jp.itaku.contract.web.ContractFormsAccess.of(contract);
		List<ContractAttribute> attributes = new ArrayList<>(contract.getAttributes());
		attributes.remove(ContractAttribute.USES_CLOUD_SERVICES);
		if (on) {
			attributes.add(ContractAttribute.USES_CLOUD_SERVICES);
		}
		form.setAttributes(attributes);
		this.contracts.update(this.officer, contract.getId(), form);
	}

	@Test
	void registeringAContractPlansItsObligationsAtOnce() {
		Contract contract = setagayaContract(Set.of(ContractAttribute.HANDLES_MY_NUMBER));
		List<Obligation> planned = this.obligations.forContract(this.officer, contract.getId());
		assertThat(planned).extracting(Obligation::getDeliverable)
			.contains(Deliverable.NETWORK_DIAGRAM, Deliverable.SECURITY_SPECIFICATION, Deliverable.ROSTER);
		assertThat(planned).allSatisfy((o) -> assertThat(o.getStatus()).isEqualTo(ObligationStatus.OPEN));
	}

	@Test
	void turningCloudOffWithdrawsTheOpenObligationButKeepsSubmittedEvidence() {
		Contract untouched = setagayaContract(Set.of(ContractAttribute.USES_CLOUD_SERVICES));
		Contract evidenced = setagayaContract(Set.of(ContractAttribute.USES_CLOUD_SERVICES));
		Obligation submitted = obligationFor(evidenced, Deliverable.CLOUD_RISK_MEASURES);
		this.obligations.submit(this.leadA, submitted.getId(), "リスク対策文書", pdf("cloud.pdf"));

		turnCloud(this.contracts.get(this.officer, untouched.getId()), false);
		turnCloud(this.contracts.get(this.officer, evidenced.getId()), false);

		assertThat(this.obligations.forContract(this.officer, untouched.getId())).extracting(Obligation::getDeliverable)
			.doesNotContain(Deliverable.CLOUD_RISK_MEASURES);
		ObligationDetail kept = this.obligations.detail(this.officer, submitted.getId());
		assertThat(kept.status()).isEqualTo(ObligationStatus.SUBMITTED);
		assertThat(kept.submissions()).hasSize(1);
		assertThat(kept.filesOf(kept.submissions().get(0).getId())).singleElement()
			.satisfies((f) -> assertThat(f.getFileName()).isEqualTo("cloud.pdf"));

		turnCloud(this.contracts.get(this.officer, untouched.getId()), true);
		assertThat(obligationFor(untouched, Deliverable.CLOUD_RISK_MEASURES).getStatus())
			.isEqualTo(ObligationStatus.OPEN);
	}

	@Test
	void anEventRaisesItsObligationOnceAndReplanningKeepsIt() {
		Contract contract = setagayaContract(Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		LocalDate changed = contract.getPeriodStart().plusDays(10);
		Obligations.Occurrence notice = new Obligations.Occurrence("N2", changed, "従事者名簿 変更届 第2号",
				"RosterNotice:" + UUID.randomUUID());
		ObligationTrigger rosterChanged = ObligationTrigger.change(jp.itaku.catalog.ChangeSubject.ROSTER);

		List<Obligation> raised = this.obligations.raise(contract.getId(), rosterChanged, notice);
		List<Obligation> again = this.obligations.raise(contract.getId(), rosterChanged, notice);

		assertThat(raised).isNotEmpty().allSatisfy((o) -> {
			assertThat(o.getOrigin()).isEqualTo(Obligation.Origin.RAISED);
			assertThat(o.getPeriodKind()).isEqualTo("EVENT");
			assertThat(o.getDueDate()).isNotNull().isAfterOrEqualTo(changed);
		});
		assertThat(again).extracting(Obligation::getId)
			.containsExactlyElementsOf(raised.stream().map(Obligation::getId).toList());

		turnCloud(this.contracts.get(this.officer, contract.getId()), true);
		assertThat(this.obligations.forContract(this.officer, contract.getId())).extracting(Obligation::getId)
			.containsAll(raised.stream().map(Obligation::getId).toList());
		assertThat(this.obligationReads.findUnscoped(contract.getId(), Deliverable.ROSTER, "N2")).hasSameSizeAs(raised);
	}

	@Test
	void aSundayRosterChangeRaisesItsChangeNoticeDueOnOrAfterTheChange() {
		LocalDate sunday = LocalDate.of(2026, 12, 6);
		ObligationTrigger rosterChanged = ObligationTrigger.change(jp.itaku.catalog.ChangeSubject.ROSTER);
		for (String code : List.of("setagaya", "kadoma", "nerima", "gunma")) {
			ContractForm form = this.fixtures.contractForm(this.contractorA, code, LocalDate.of(2026, 12, 14),
					Set.of(ContractAttribute.values()));
			Contract contract = this.contracts.register(this.officer, form);
			List<Obligation> raised = this.obligations.raise(contract.getId(), rosterChanged,
					new Obligations.Occurrence("N2", sunday, "従事者名簿 変更届 第2号", "RosterNotice:" + contract.getId()));
			assertThat(raised).as(code).allSatisfy((o) -> {
				assertThat(o.getDueDate()).as(code + " " + o.getClauseRef()).isAfterOrEqualTo(sunday);
				assertThat(o.getDueKind()).isIn(jp.itaku.calendar.DeadlineKind.HOURS_AFTER_EVENT,
						jp.itaku.calendar.DeadlineKind.DAYS_AFTER_EVENT);
				if (o.getDueKind() == jp.itaku.calendar.DeadlineKind.DAYS_AFTER_EVENT) {
					assertThat(o.getDueDate().getDayOfWeek()).isNotIn(java.time.DayOfWeek.SATURDAY,
							java.time.DayOfWeek.SUNDAY);
				}
			});
			if (code.equals("setagaya")) {
				// Setagaya 3: 直ちに (1 hour) — due that Sunday, not the Friday before.
				assertThat(raised).isNotEmpty().allSatisfy((o) -> assertThat(o.getDueDate()).isEqualTo(sunday));
			}
		}
	}

	@Test
	void aCalendarFixedDueDateOnASundayStillMovesToThePreviousOpenDay() {
		// Kadoma's work schedule is due by the 20th of the previous month; 20 December
		// 2026 is a Sunday, so the January 2027 schedule is due on Friday the 18th.
		ContractForm form = this.fixtures.contractForm(this.contractorA, "kadoma", LocalDate.of(2026, 12, 1), Set.of());
		Contract contract = this.contracts.register(this.officer, form);
		assertThat(this.obligationReads.findUnscoped(contract.getId(), Deliverable.WORK_SCHEDULE, "2027-01"))
			.singleElement()
			.satisfies((o) -> {
				assertThat(o.getDueDate()).isEqualTo(LocalDate.of(2026, 12, 18));
				assertThat(o.getDueKind()).isEqualTo(jp.itaku.calendar.DeadlineKind.CALENDAR_FIXED);
			});
	}

	@Test
	void aSubmissionIsReturnedWithACommentResubmittedAndAccepted() {
		Contract contract = setagayaContract(Set.of());
		Obligation roster = obligationFor(contract, Deliverable.ROSTER);
		Submission first = this.obligations.submit(this.leadA, roster.getId(), "名簿です", pdf("名簿.pdf"));
		assertThat(catchThrowable(() -> this.obligations.review(this.officer, first.getId(), false, " ")))
			.isInstanceOf(InvalidInputProblem.class);
		this.obligations.review(this.officer, first.getId(), false, "業務執行場所が抜けています");
		assertThat(this.obligations.detail(this.leadA, roster.getId()).status()).isEqualTo(ObligationStatus.RETURNED);
		Submission second = this.obligations.submit(this.leadA, roster.getId(), "修正しました", pdf("名簿_修正.pdf"));
		this.obligations.review(this.officer, second.getId(), true, null);
		ObligationDetail detail = this.obligations.detail(this.leadA, roster.getId());
		assertThat(detail.status()).isEqualTo(ObligationStatus.ACCEPTED);
		assertThat(detail.submissions()).extracting(Submission::getReviewStatus)
			.containsExactly(ReviewStatus.ACCEPTED, ReviewStatus.RETURNED);
		assertThat(detail.history()).extracting(ObligationEvent::getAction)
			.containsSubsequence("PLANNED", "SUBMITTED", "RETURNED", "SUBMITTED", "ACCEPTED");
	}

	@Test
	void onlyTheContractorSubmitsAndOnlyTheClientReviews() {
		Contract contract = setagayaContract(Set.of());
		Obligation roster = obligationFor(contract, Deliverable.ROSTER);
		assertThat(catchThrowable(() -> this.obligations.submit(this.officer, roster.getId(), null, pdf("a.pdf"))))
			.isInstanceOf(jp.itaku.platform.AccessDeniedProblem.class);
		Submission submission = this.obligations.submit(this.leadA, roster.getId(), null, pdf("a.pdf"));
		assertThat(catchThrowable(() -> this.obligations.review(this.leadA, submission.getId(), true, null)))
			.isInstanceOf(jp.itaku.platform.AccessDeniedProblem.class);
		assertThat(catchThrowable(() -> this.obligations.submit(this.leadA, roster.getId(), null, List.of())))
			.isInstanceOf(InvalidInputProblem.class);
	}

	@Test
	void anotherContractorCannotSeeOrActOnContractsObligationsSubmissionsOrFiles() throws Exception {
		Contract contract = setagayaContract(Set.of());
		Obligation roster = obligationFor(contract, Deliverable.ROSTER);
		Submission submission = this.obligations.submit(this.leadA, roster.getId(), null, pdf("a.pdf"));
		UUID fileId = this.obligations.detail(this.leadA, roster.getId()).filesOf(submission.getId()).get(0).getId();
		Actor leadB = this.fixtures.actor(this.leadBUser);

		assertThat(this.contracts.list(leadB)).extracting(Contract::getId).doesNotContain(contract.getId());
		assertThat(catchThrowable(() -> this.obligations.detail(leadB, roster.getId())))
			.isInstanceOf(NotFoundProblem.class);
		assertThat(catchThrowable(() -> this.obligations.submit(leadB, roster.getId(), null, pdf("b.pdf"))))
			.isInstanceOf(NotFoundProblem.class);
		assertThat(catchThrowable(() -> this.obligations.openFile(leadB, fileId))).isInstanceOf(NotFoundProblem.class);

		var asB = authentication(this.fixtures.signedIn(this.leadBUser));
		for (String path : List.of("/contracts/" + contract.getId(), "/obligations/" + roster.getId(),
				"/files/" + fileId, "/api/v1/contracts/" + contract.getId(),
				"/api/v1/contracts/" + contract.getId() + "/obligations", "/api/v1/obligations/" + roster.getId(),
				"/api/v1/obligations/" + roster.getId() + "/submissions")) {
			this.mvc.perform(get(path).with(asB)).andExpect(status().isNotFound());
		}
		this.mvc
			.perform(multipart("/api/v1/obligations/" + roster.getId() + "/submissions")
				.file(new MockMultipartFile("files", "b.pdf", "application/pdf", "%PDF-1.4\n".getBytes()))
				.with(asB))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/submissions/" + submission.getId() + "/accept").with(asB))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/contracts").with(asB))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + contract.getId() + "')]").isEmpty());
		this.mvc
			.perform(get("/api/v1/contracts/" + contract.getId())
				.with(authentication(this.fixtures.signedIn(this.leadAUser))))
			.andExpect(status().isOk());
	}

	@Test
	void theApiTakesSubmissionsAsMultipartAndReviewsAsJson() throws Exception {
		Contract contract = setagayaContract(Set.of());
		Obligation roster = obligationFor(contract, Deliverable.ROSTER);
		String body = this.mvc
			.perform(multipart("/api/v1/obligations/" + roster.getId() + "/submissions")
				.file(new MockMultipartFile("files", "roster.pdf", "application/pdf",
						"%PDF-1.4\n% api\n%%EOF\n".getBytes(StandardCharsets.UTF_8)))
				.param("comment", "APIから提出")
				.with(authentication(this.fixtures.signedIn(this.leadAUser))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String submissionId = body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		this.mvc
			.perform(post("/api/v1/submissions/" + submissionId + "/return").contentType("application/json")
				.content("{\"comment\":\"日付がありません\"}")
				.with(authentication(this.fixtures.signedIn(this.officerUser))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reviewStatus").value("RETURNED"));
		this.mvc
			.perform(multipart("/api/v1/obligations/" + roster.getId() + "/submissions")
				.file(new MockMultipartFile("files", "virus.exe", "application/octet-stream", new byte[] { 'M', 'Z' }))
				.with(authentication(this.fixtures.signedIn(this.leadAUser))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
	}

	@Test
	void aContractCannotBeClosedWhileAnEndOfContractObligationIsOpen() {
		Contract contract = setagayaContract(Set.of());
		this.contracts.activate(this.officer, contract.getId());
		this.contracts.end(this.officer, contract.getId());
		boolean hasEndDuties = this.obligations.forContract(this.officer, contract.getId())
			.stream()
			.anyMatch((o) -> "END".equals(o.getPeriodKey()));
		if (hasEndDuties) {
			assertThat(catchThrowable(() -> this.contracts.close(this.officer, contract.getId())))
				.isInstanceOf(InvalidInputProblem.class);
		}
		this.obligations.forContract(this.officer, contract.getId())
			.stream()
			.filter((o) -> "END".equals(o.getPeriodKey()))
			.forEach((o) -> this.obligations.waive(this.officer, o.getId(), "試験のため"));
		this.contracts.close(this.officer, contract.getId());
		assertThat(this.contracts.get(this.officer, contract.getId()).getStatus().name()).isEqualTo("CLOSED");
	}

}
