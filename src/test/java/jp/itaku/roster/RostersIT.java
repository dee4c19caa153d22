package jp.itaku.roster;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.Contracts;
import jp.itaku.incident.Incident;
import jp.itaku.incident.IncidentCategory;
import jp.itaku.incident.IncidentForm;
import jp.itaku.incident.Incidents;
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
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Rosters through the application: notices listing exactly what changed and submitted to
 * the obligations they meet, the roster as of a date, the nationality encrypted and shown
 * only for the clause's purpose, the readiness gate and its audited override, and the
 * obligations a departure raises.
 */
@IntegrationTest
class RostersIT {

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
	Incidents incidents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Organisation contractor;

	Actor officer;

	Actor secadmin;

	Actor lead;

	Actor otherLead;

	LocalDate today;

	@BeforeEach
	void parties() {
		Organisation client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		Organisation other = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officer = this.fixtures.actor(this.fixtures.user(client, Role.CLIENT_OFFICER));
		this.secadmin = this.fixtures.actor(this.fixtures.user(client, Role.CLIENT_SECURITY_ADMIN));
		this.lead = this.fixtures.actor(this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD));
		this.otherLead = this.fixtures.actor(this.fixtures.user(other, Role.CONTRACTOR_LEAD));
		this.today = ItakuTime.today(this.clock);
	}

	private Contract contract(String profile) {
		// The workers of these tests start on 2026-04-01: a member's period lies within
		// the
		// contract's, so the contract runs from then (to 2027-03-31).
		ContractForm form = this.fixtures.contractForm(this.contractor, profile, LocalDate.of(2026, 4, 1),
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		form.setNumber("R-" + UUID.randomUUID().toString().substring(0, 8));
		form.setTitle("住民情報の入力業務");
		return this.contracts.register(this.officer, form);
	}

	private static RosterMemberForm worker(String name, WorkerRole role) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName(name);
		form.setAffiliation("データ入力課");
		form.setRole(role);
		form.setDuties("申請書の入力");
		form.setWorkLocation("本社 5階 入力室");
		form.setHandlesPersonalInformation(true);
		form.setPeriodStart(LocalDate.of(2026, 4, 1));
		return form;
	}

	private static RosterMemberForm copyOf(RosterMember member) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName(member.getName());
		form.setAffiliation(member.getAffiliation());
		form.setRole(member.getRole());
		form.setDuties(member.getDuties());
		form.setWorkLocation(member.getWorkLocation());
		form.setHandlesPersonalInformation(member.isHandlesPersonalInformation());
		form.setHandoverPerson(member.isHandoverPerson());
		form.setPeriodStart(member.getPeriodStart());
		form.setPlannedEnd(member.getPlannedEnd());
		return form;
	}

	private String pdfText(RosterNotice notice) throws IOException {
		try (InputStream in = this.rosters.openNotice(this.officer, notice.getId()).content();
				PDDocument document = Loader.loadPDF(in.readAllBytes())) {
			return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFKC);
		}
	}

	private List<Obligation> rosterObligations(Contract contract, String periodKey) {
		return this.obligationReads.findUnscoped(contract.getId(), Deliverable.ROSTER, periodKey);
	}

	@Test
	void theFirstNoticeIsTheRosterAndAChangeOfRoleIsNotifiedWithExactlyThatChange() throws IOException {
		Contract contract = contract("setagaya");
		RosterMember yamada = this.rosters.add(this.lead, contract.getId(), worker("山田 太郎", WorkerRole.WORKER));
		this.rosters.add(this.lead, contract.getId(), worker("鈴木 花子", WorkerRole.WORK_LEAD));

		RosterNotice first = this.rosters.fileNotice(this.lead, contract.getId());
		assertThat(first.getNumber()).isEqualTo(1);
		assertThat(rosterObligations(contract, "START")).isNotEmpty()
			.allSatisfy((o) -> assertThat(o.getStatus()).isEqualTo(ObligationStatus.SUBMITTED));
		assertThat(pdfText(first)).contains("従事者名簿", "山田 太郎", "鈴木 花子");

		RosterMemberForm promoted = copyOf(yamada);
		promoted.setRole(WorkerRole.WORK_LEAD);
		this.rosters.update(this.lead, yamada.getId(), promoted);

		// The duty to notify shows at once, before the notice is filed.
		assertThat(rosterObligations(contract, Rosters.noticeKey(2))).isNotEmpty()
			.allSatisfy((o) -> assertThat(o.getStatus()).isEqualTo(ObligationStatus.OPEN));
		RosterNotice change = this.rosters.fileNotice(this.lead, contract.getId());

		List<RosterChange> listed = this.rosters.changesOf(this.officer, change.getId());
		assertThat(listed).singleElement().satisfies((c) -> {
			assertThat(c.getKind()).isEqualTo(RosterChange.Kind.CHANGED);
			assertThat(c.getMemberName()).isEqualTo("山田 太郎");
			assertThat(c.getFields()).containsExactly(new FieldChange("role", "WORKER", "WORK_LEAD"));
		});
		assertThat(rosterObligations(contract, Rosters.noticeKey(2)))
			.allSatisfy((o) -> assertThat(o.getStatus()).isEqualTo(ObligationStatus.SUBMITTED));
		assertThat(pdfText(change)).contains("変更届", "山田 太郎", "役割", "従事者", "業務責任者");
		assertThat(this.rosters.pendingChanges(this.officer, contract.getId())).isEmpty();
		assertThat(catchThrowable(() -> this.rosters.fileNotice(this.lead, contract.getId())))
			.isInstanceOf(InvalidInputProblem.class);
	}

	@Test
	void theFirstRosterNamingADataCustodianAlsoMeetsTheResponsiblePersonsNotice() {
		Contract contract = contract("nerima");
		this.rosters.add(this.lead, contract.getId(),
				this.fixtures.forNotice(contract, worker("中村 六郎", WorkerRole.DATA_CUSTODIAN)));
		this.rosters.fileNotice(this.lead, contract.getId());
		assertThat(this.obligationReads.findUnscoped(contract.getId(), Deliverable.RESPONSIBLE_PERSONS_NOTICE, "START"))
			.isNotEmpty()
			.allSatisfy((o) -> assertThat(o.getStatus()).isEqualTo(ObligationStatus.SUBMITTED));
	}

	@Test
	void aMemberIsLinkedOnlyToAnAccountOfTheContractor() {
		Contract contract = contract("kadoma");
		jp.itaku.account.UserAccount own = this.fixtures.user(this.contractor, Role.CONTRACTOR_WORKER);
		RosterMemberForm linked = worker("小林 七郎", WorkerRole.WORKER);
		linked.setUserId(own.getId());
		assertThat(this.rosters.add(this.lead, contract.getId(), linked).getUserId()).isEqualTo(own.getId());

		RosterMemberForm foreign = worker("他社 八郎", WorkerRole.WORKER);
		foreign.setUserId(this.otherLead.userId());
		InvalidInputProblem refused = (InvalidInputProblem) catchThrowable(
				() -> this.rosters.add(this.lead, contract.getId(), foreign));
		assertThat(refused.getFieldProblems()).extracting((p) -> p.field()).containsExactly("userId");
		assertThat(this.rosters.linkableUsers(this.lead, contract)).extracting(jp.itaku.account.UserAccount::getId)
			.contains(own.getId())
			.doesNotContain(this.otherLead.userId());
		assertThat(this.rosters.linkableUsers(this.officer, contract)).isEmpty();
	}

	@Test
	void theRosterAsOfADateShowsItAsItWasThen() {
		Contract contract = contract("setagaya");
		RosterMember sato = this.rosters.add(this.lead, contract.getId(), worker("佐藤 一郎", WorkerRole.WORKER));
		// As if Sato had been added three days ago.
		this.jdbc
			.sql("update roster_member_revision set recorded_at = recorded_at - interval '3 days' where member_id = ?")
			.param(sato.getId())
			.update();
		RosterMemberForm moved = copyOf(sato);
		moved.setWorkLocation("区役所 第2庁舎");
		this.rosters.update(this.lead, sato.getId(), moved);

		assertThat(this.rosters.asOf(this.officer, contract.getId(), this.today.minusDays(4))).isEmpty();
		assertThat(this.rosters.asOf(this.officer, contract.getId(), this.today.minusDays(2))).singleElement()
			.satisfies((r) -> assertThat(r.getWorkLocation()).isEqualTo("本社 5階 入力室"));
		assertThat(this.rosters.asOf(this.officer, contract.getId(), this.today)).singleElement()
			.satisfies((r) -> assertThat(r.getWorkLocation()).isEqualTo("区役所 第2庁舎"));
	}

	@Test
	void theNationalityIsEncryptedAndShownOnlyToTheSecurityAdministratorForTheClausesPurpose() throws IOException {
		Contract contract = contract("kadoma");
		RosterMemberForm first = worker("王 明", WorkerRole.WORKER);
		first.setNationality("中国");
		RosterMemberForm second = worker("李 華", WorkerRole.WORKER);
		second.setNationality("中国");
		RosterMember wang = this.rosters.add(this.lead, contract.getId(), this.fixtures.forNotice(contract, first));
		RosterMember li = this.rosters.add(this.lead, contract.getId(), this.fixtures.forNotice(contract, second));

		String wangStored = storedNationality(wang.getId());
		String liStored = storedNationality(li.getId());
		assertThat(wangStored).isNotBlank().doesNotContain("中国").isNotEqualTo(liStored);

		Incident leak = report(contract, IncidentCategory.LEAK);
		assertThat(catchThrowable(() -> this.rosters.revealNationality(this.officer, wang.getId(),
				NationalityPurpose.LEAK_TRACING, leak.getNumber())))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThat(catchThrowable(() -> this.rosters.revealNationality(this.lead, wang.getId(),
				NationalityPurpose.LEAK_TRACING, leak.getNumber())))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThat(catchThrowable(() -> this.rosters.revealNationality(this.secadmin, wang.getId(),
				NationalityPurpose.LEAK_TRACING, " ")))
			.isInstanceOf(InvalidInputProblem.class);

		assertThat(this.rosters
			.revealNationality(this.secadmin, wang.getId(), NationalityPurpose.LEAK_TRACING, leak.getNumber())
			.nationality()).contains("中国");
		assertThat(
				this.jdbc.sql("select details from audit_entry where action = 'NATIONALITY_VIEWED' and target_id = ?")
					.param(wang.getId().toString())
					.query(String.class)
					.list())
			.singleElement()
			.asString()
			.contains("LEAK_TRACING", leak.getNumber(), leak.getId().toString());

		// Never in the written notice, nor in the audit entries of the change.
		RosterNotice notice = this.rosters.fileNotice(this.lead, contract.getId());
		assertThat(pdfText(notice)).contains("王 明").doesNotContain("中国");
		assertThat(
				this.jdbc.sql("select count(*) from audit_entry where details like '%中国%'").query(Long.class).single())
			.isZero();
	}

	@Test
	void eachNationalityPurposeNamesALeakOfTheContractAndAViewWithoutOneIsRefused() {
		Contract contract = contract("kadoma");
		Contract other = contract("kadoma");
		RosterMemberForm form = worker("王 明", WorkerRole.WORKER);
		form.setNationality("中国");
		RosterMember wang = this.rosters.add(this.lead, contract.getId(), form);
		Incident trouble = report(contract, IncidentCategory.TROUBLE);
		Incident elsewhere = report(other, IncidentCategory.LEAK);
		assertThat(this.rosters.nationalityEvents(this.secadmin, contract)).isEmpty();

		// Free text, another contract's incident (by number or id), and an incident of
		// the contract in which nothing can have leaked: refused, the field named,
		// nothing
		// shown or recorded.
		for (String reference : List.of("just curious", elsewhere.getId().toString(), trouble.getNumber(),
				trouble.getId().toString(), "INC-99")) {
			for (NationalityPurpose purpose : NationalityPurpose.values()) {
				InvalidInputProblem refused = (InvalidInputProblem) catchThrowable(
						() -> this.rosters.revealNationality(this.secadmin, wang.getId(), purpose, reference));
				assertThat(refused.getFieldProblems()).as(reference)
					.extracting((p) -> p.field() + ":" + p.messageKey())
					.containsExactly("reference:roster.nationality.incidentUnknown");
			}
		}
		assertThat(audits("NATIONALITY_VIEWED", wang.getId())).isZero();

		// A suspected loss of this contract is one (情報漏えい等の…おそれ): by number (as
		// typed) or by id, for every purpose, each view audited with the incident.
		Incident loss = report(contract, IncidentCategory.LOSS);
		assertThat(this.rosters.nationalityEvents(this.secadmin, contract)).singleElement()
			.satisfies((e) -> assertThat(e.number()).isEqualTo(loss.getNumber()));
		assertThat(this.rosters.nationalityEvents(this.officer, contract)).isEmpty();
		assertThat(this.rosters
			.revealNationality(this.secadmin, wang.getId(), NationalityPurpose.LEAK_TRACING,
					" " + loss.getNumber().toLowerCase(java.util.Locale.ROOT) + " ")
			.incident()
			.id()).isEqualTo(loss.getId());
		assertThat(this.rosters
			.revealNationality(this.secadmin, wang.getId(), NationalityPurpose.DELETION_OR_RETRIEVAL,
					loss.getId().toString())
			.nationality()).contains("中国");
		assertThat(this.rosters
			.revealNationality(this.secadmin, wang.getId(), NationalityPurpose.SPREAD_PREVENTION, loss.getNumber())
			.nationality()).contains("中国");
		assertThat(
				this.jdbc.sql("select details from audit_entry where action = 'NATIONALITY_VIEWED' and target_id = ?")
					.param(wang.getId().toString())
					.query(String.class)
					.list())
			.hasSize(3)
			.allSatisfy((d) -> assertThat(d).contains(loss.getId().toString(), loss.getNumber()));
	}

	@Test
	void theNationalityIsRefusedWhereTheProfileDoesNotAskForIt() {
		Contract contract = contract("setagaya");
		RosterMemberForm form = worker("王 明", WorkerRole.WORKER);
		form.setNationality("中国");
		InvalidInputProblem problem = (InvalidInputProblem) catchThrowable(
				() -> this.rosters.add(this.lead, contract.getId(), form));
		assertThat(problem.getFieldProblems()).extracting((p) -> p.field()).containsExactly("nationality");
		assertThat(this.rosters.members(this.lead, contract.getId())).isEmpty();
	}

	@Test
	void aWorkerWhoIsNotReadyStartsOnlyByTheLeadsAuditedOverride() {
		Contract contract = contract("kadoma");
		RosterMember tanaka = this.rosters.add(this.lead, contract.getId(), worker("田中 三郎", WorkerRole.WORKER));

		InvalidInputProblem refused = (InvalidInputProblem) catchThrowable(
				() -> this.rosters.activate(this.lead, tanaka.getId(), null));
		assertThat(refused.getFieldProblems()).extracting((p) -> p.field()).containsExactly("override");
		assertThat(this.rosters.member(this.lead, tanaka.getId()).getStatus()).isEqualTo(MemberStatus.PLANNED);

		RosterMember active = this.rosters.activate(this.lead, tanaka.getId(), "研修は翌週実施予定のため、監督者の同席で従事させる");
		assertThat(active.getStatus()).isEqualTo(MemberStatus.ACTIVE);
		assertThat(this.jdbc
			.sql("select details from audit_entry where action = 'ROSTER_READINESS_OVERRIDDEN' and target_id = ?")
			.param(tanaka.getId().toString())
			.query(String.class)
			.list()).singleElement().asString().contains("翌週");
	}

	@Test
	void aDepartureRaisesTheReportThatHasTheClientRevokeTheIds() {
		Contract contract = contract("kadoma");
		RosterMember kato = this.rosters.add(this.lead, contract.getId(), worker("加藤 四郎", WorkerRole.WORKER));
		this.rosters.activate(this.lead, kato.getId(), "試験");
		this.rosters.leave(this.lead, kato.getId(), this.today);

		List<Obligation> raised = this.obligationReads.findUnscoped(contract.getId(), Deliverable.ID_REVOCATION_NOTICE,
				"LEFT-" + kato.getId());
		assertThat(raised).singleElement().satisfies((o) -> {
			assertThat(o.getClauseRef()).isEqualTo("4(3)");
			assertThat(o.getSubject()).isEqualTo("加藤 四郎");
			assertThat(o.getOccurredOn()).isEqualTo(this.today);
			assertThat(o.getStatus()).isEqualTo(ObligationStatus.OPEN);
		});
		assertThat(this.rosters.member(this.officer, kato.getId()).getStatus()).isEqualTo(MemberStatus.LEFT);
	}

	@Test
	void onlyTheContractorsLeadKeepsTheRosterAndOtherContractorsSeeNothing() {
		Contract contract = contract("setagaya");
		RosterMember member = this.rosters.add(this.lead, contract.getId(), worker("高橋 五郎", WorkerRole.WORKER));

		assertThat(catchThrowable(() -> this.rosters.members(this.otherLead, contract.getId())))
			.isInstanceOf(NotFoundProblem.class);
		assertThat(catchThrowable(() -> this.rosters.member(this.otherLead, member.getId())))
			.isInstanceOf(NotFoundProblem.class);
		assertThat(catchThrowable(
				() -> this.rosters.add(this.otherLead, contract.getId(), worker("侵入 者", WorkerRole.WORKER))))
			.isInstanceOf(NotFoundProblem.class);
		assertThat(catchThrowable(
				() -> this.rosters.add(this.officer, contract.getId(), worker("職員 追加", WorkerRole.WORKER))))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThat(catchThrowable(() -> this.rosters.leave(this.officer, member.getId(), this.today)))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThat(this.rosters.members(this.officer, contract.getId())).hasSize(1);
	}

	private String storedNationality(UUID memberId) {
		return this.jdbc.sql("select nationality_ciphertext from roster_member where id = ?")
			.param(memberId)
			.query(String.class)
			.single();
	}

	private Incident report(Contract contract, IncidentCategory category) {
		IncidentForm form = this.fixtures.lossReport(this.clock);
		form.setCategory(category);
		form.setSuspected(category == IncidentCategory.LOSS);
		return this.incidents.report(this.lead, contract.getId(), form);
	}

	private long audits(String action, UUID target) {
		return this.jdbc.sql("select count(*) from audit_entry where action = ? and target_id = ?")
			.param(action)
			.param(target.toString())
			.query(Long.class)
			.single();
	}

}
