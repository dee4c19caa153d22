package jp.itaku.clientid;

import java.time.LocalDate;
import java.util.List;
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
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterMemberForm;
import jp.itaku.roster.Rosters;
import jp.itaku.roster.WorkerRole;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Client-issued IDs through the application (門真市 4(2)–(3)): a departure raises the
 * contractor's report and makes the person's unrevoked IDs a finding until the client
 * records their revocation; a verification ID takes its operator IDs with it; the rules
 * of issue and revocation name the field at fault.
 */
@IntegrationTest
class ClientIdsIT {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	ObligationSystemReads obligationReads;

	@Autowired
	Rosters rosters;

	@Autowired
	ClientIds ids;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	java.time.Clock clock;

	Organisation client;

	Organisation contractor;

	Actor officer;

	Actor secadmin;

	Actor lead;

	LocalDate today;

	@BeforeEach
	void parties() {
		this.client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractor = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officer = this.fixtures.actor(this.fixtures.user(this.client, Role.CLIENT_OFFICER));
		this.secadmin = this.fixtures.actor(this.fixtures.user(this.client, Role.CLIENT_SECURITY_ADMIN));
		this.lead = this.fixtures.actor(this.fixtures.user(this.contractor, Role.CONTRACTOR_LEAD));
		this.today = ItakuTime.today(this.clock);
	}

	@Test
	void departureCreatesTheIdRevocationObligationAndTheActiveIdForInactivePersonFinding() {
		Contract contract = kadoma();
		RosterMember kato = activeWorker(contract, "加藤 四郎");
		RosterMember ito = activeWorker(contract, "伊藤 五郎");
		ClientIssuedId verification = issue(contract, kato, IdKind.VERIFICATION, null, "V-" + suffix());
		ClientIssuedId operator = issue(contract, kato, IdKind.OPERATOR, verification.getId(), "OP-" + suffix());
		issue(contract, ito, IdKind.VERIFICATION, null, "V-" + suffix());
		assertThat(this.ids.findings(this.officer, contract.getId())).isEmpty();

		this.rosters.leave(this.lead, kato.getId(), this.today);

		List<Obligation> report = this.obligationReads.findUnscoped(contract.getId(), Deliverable.ID_REVOCATION_NOTICE,
				"LEFT-" + kato.getId());
		assertThat(report).singleElement().satisfies((o) -> {
			assertThat(o.getClauseRef()).isEqualTo("4(3)");
			assertThat(o.getStatus()).isEqualTo(ObligationStatus.OPEN);
		});
		List<Finding> findings = this.ids.findings(this.officer, contract.getId());
		assertThat(findings).singleElement().satisfies((f) -> {
			assertThat(f.member().member().getId()).isEqualTo(kato.getId());
			assertThat(f.member().inactiveReason()).isEqualTo(InactiveReason.LEFT);
			assertThat(f.activeIds()).extracting(ClientIssuedId::getValue)
				.containsExactly(verification.getValue(), operator.getValue());
			assertThat(f.member().revocationNotice().getId()).isEqualTo(report.get(0).getId());
			assertThat(f.member().noticeStatus()).isEqualTo(ObligationStatus.OPEN);
		});
		assertThat(this.ids.findings(this.officer)).anySatisfy((f) -> {
			assertThat(f.contract().getId()).isEqualTo(contract.getId());
			assertThat(f.member().member().getId()).isEqualTo(kato.getId());
		});
		assertThat(this.ids.summary(this.officer, contract.getId()).findings()).isEqualTo(1);
		assertThat(
				this.jdbc.sql("select details from audit_entry where action = 'CLIENT_IDS_TO_REVOKE' and target_id = ?")
					.param(kato.getId().toString())
					.query(String.class)
					.list())
			.singleElement()
			.asString()
			.contains(verification.getValue(), operator.getValue());

		// The client records the revocation: the finding is gone, the contractor's report
		// is still its own to make.
		this.ids.revoke(this.officer, verification.getId(), this.today, "市の照合システムから削除");
		assertThat(this.ids.findings(this.officer, contract.getId())).isEmpty();
		assertThat(this.ids.findings(this.officer))
			.noneSatisfy((f) -> assertThat(f.contract().getId()).isEqualTo(contract.getId()));
		assertThat(this.obligationReads.findUnscoped(contract.getId(), Deliverable.ID_REVOCATION_NOTICE,
				"LEFT-" + kato.getId()))
			.singleElement()
			.satisfies((o) -> assertThat(o.getStatus()).isEqualTo(ObligationStatus.OPEN));
	}

	@Test
	void revokingAVerificationIdRevokesItsOperatorIdsOnTheSameDay() {
		Contract contract = kadoma();
		RosterMember sato = activeWorker(contract, "佐藤 一郎");
		ClientIssuedId first = issue(contract, sato, IdKind.VERIFICATION, null, "V-" + suffix());
		ClientIssuedId op1 = issue(contract, sato, IdKind.OPERATOR, first.getId(), "OP-" + suffix());
		ClientIssuedId op2 = issue(contract, sato, IdKind.OPERATOR, first.getId(), "OP-" + suffix());
		ClientIssuedId second = issue(contract, sato, IdKind.VERIFICATION, null, "V-" + suffix());
		ClientIssuedId other = issue(contract, sato, IdKind.OPERATOR, second.getId(), "OP-" + suffix());

		LocalDate yesterday = this.today.minusDays(1);
		List<ClientIssuedId> revoked = this.ids.revoke(this.secadmin, first.getId(), yesterday, null);

		assertThat(revoked).extracting(ClientIssuedId::getId)
			.containsExactlyInAnyOrder(first.getId(), op1.getId(), op2.getId());
		IdRegister register = this.ids.register(this.officer, contract.getId());
		List<ClientIssuedId> all = register.members().get(0).ids();
		assertThat(all).filteredOn((i) -> Set.of(first.getId(), op1.getId(), op2.getId()).contains(i.getId()))
			.hasSize(3)
			.allSatisfy((i) -> {
				assertThat(i.getRevokedOn()).isEqualTo(yesterday);
				assertThat(i.isActive()).isFalse();
			});
		assertThat(all).filteredOn((i) -> Set.of(second.getId(), other.getId()).contains(i.getId()))
			.hasSize(2)
			.allSatisfy((i) -> assertThat(i.isActive()).isTrue());
		assertThat(this.jdbc.sql("select details from audit_entry where action = 'CLIENT_ID_REVOKED' and target_id = ?")
			.param(first.getId().toString())
			.query(String.class)
			.list()).singleElement().asString().contains(op1.getValue(), op2.getValue());
	}

	@Test
	void aPersonWhosePeriodEndedIsInactiveEvenBeforeTheDepartureIsRecorded() {
		Contract contract = kadoma();
		RosterMemberForm form = worker("期間 終了");
		form.setPeriodStart(this.today.minusDays(60));
		form.setPlannedEnd(this.today.minusDays(1));
		RosterMember member = this.rosters.add(this.lead, contract.getId(), form);
		this.rosters.activate(this.lead, member.getId(), "試験");
		issue(contract, member, IdKind.VERIFICATION, null, "V-" + suffix());

		assertThat(this.ids.findings(this.officer, contract.getId())).singleElement()
			.satisfies((f) -> assertThat(f.member().inactiveReason()).isEqualTo(InactiveReason.PERIOD_ENDED));
	}

	@Test
	void theRulesOfIssueAndRevocationNameTheFieldAtFault() {
		Contract contract = kadoma();
		RosterMember suzuki = activeWorker(contract, "鈴木 花子");
		RosterMember tanaka = activeWorker(contract, "田中 三郎");
		String value = "V-" + suffix();
		ClientIssuedId id = issue(contract, suzuki, IdKind.VERIFICATION, null, value);

		assertThat(fields(() -> issue(contract, tanaka, IdKind.VERIFICATION, null, value))).containsExactly("value");
		assertThat(fields(() -> issue(contract, tanaka, IdKind.OPERATOR, id.getId(), "OP-" + suffix())))
			.containsExactly("parentId");
		assertThat(fields(() -> issue(contract, tanaka, IdKind.OPERATOR, null, "OP-" + suffix())))
			.containsExactly("parentId");
		assertThat(fields(() -> this.ids.issue(this.officer, contract.getId(), new IssueIdForm()))).contains("memberId",
				"value", "systemName", "issuedOn");
		assertThat(fields(() -> this.ids.revoke(this.officer, id.getId(), this.today.minusDays(30), null)))
			.containsExactly("revokedOn");
		assertThat(fields(() -> this.ids.revoke(this.officer, id.getId(), this.today.plusDays(1), null)))
			.containsExactly("revokedOn");
		InvalidInputProblem problem = (InvalidInputProblem) catchThrowable(
				() -> issue(contract, tanaka, IdKind.VERIFICATION, null, value));
		assertThat(problem.getFieldProblems().get(0).messageKey()).isEqualTo("clientid.value.taken");

		// Once revoked, the same value may be issued again (e.g. reused by the city).
		this.ids.revoke(this.officer, id.getId(), this.today, null);
		assertThat(fields(() -> this.ids.revoke(this.officer, id.getId(), this.today, null)))
			.containsExactly("revokedOn");
		assertThat(issue(contract, tanaka, IdKind.VERIFICATION, null, value).isActive()).isTrue();

		// Nobody gets an ID after leaving.
		this.rosters.leave(this.lead, suzuki.getId(), this.today);
		assertThat(fields(() -> issue(contract, suzuki, IdKind.VERIFICATION, null, "V-" + suffix())))
			.containsExactly("memberId");
	}

	@Test
	void onlyTheClientsOfficersRecordIdsAndOtherContractorsSeeNothing() {
		Contract contract = kadoma();
		RosterMember member = activeWorker(contract, "高橋 五郎");
		ClientIssuedId id = issue(contract, member, IdKind.VERIFICATION, null, "V-" + suffix());
		Actor otherLead = this.fixtures
			.actor(this.fixtures.user(this.fixtures.organisation(OrganisationKind.CONTRACTOR), Role.CONTRACTOR_LEAD));
		Actor auditor = this.fixtures.actor(this.fixtures.user(this.client, Role.AUDITOR));
		Actor otherOfficer = this.fixtures
			.actor(this.fixtures.user(this.fixtures.organisation(OrganisationKind.CLIENT), Role.CLIENT_OFFICER));

		for (Actor foreign : List.of(otherLead, otherOfficer)) {
			assertThat(catchThrowable(() -> this.ids.register(foreign, contract.getId())))
				.isInstanceOf(NotFoundProblem.class);
			assertThat(catchThrowable(() -> this.ids.get(foreign, id.getId()))).isInstanceOf(NotFoundProblem.class);
			assertThat(catchThrowable(() -> this.ids.revoke(foreign, id.getId(), this.today, null)))
				.isInstanceOf(NotFoundProblem.class);
			assertThat(catchThrowable(() -> this.ids.issue(foreign, contract.getId(), form(member, "V-" + suffix()))))
				.isInstanceOf(NotFoundProblem.class);
		}
		assertThat(this.ids.findings(otherOfficer))
			.noneSatisfy((f) -> assertThat(f.contract().getId()).isEqualTo(contract.getId()));
		for (Actor reader : List.of(this.lead, auditor)) {
			assertThat(this.ids.register(reader, contract.getId()).members()).singleElement()
				.satisfies((m) -> assertThat(m.ids()).extracting(ClientIssuedId::getId).containsExactly(id.getId()));
			assertThat(this.ids.register(reader, contract.getId()).mayIssue()).isFalse();
			assertThat(catchThrowable(() -> this.ids.issue(reader, contract.getId(), form(member, "V-" + suffix()))))
				.isInstanceOf(AccessDeniedProblem.class);
			assertThat(catchThrowable(() -> this.ids.revoke(reader, id.getId(), this.today, null)))
				.isInstanceOf(AccessDeniedProblem.class);
		}
		assertThat(catchThrowable(() -> this.ids.findings(this.lead))).isInstanceOf(AccessDeniedProblem.class);
		assertThat(this.ids.get(this.lead, id.getId()).isActive()).isTrue();
	}

	@Test
	void aContractorsWorkerSeesOnlyTheirOwnIds() {
		Contract contract = kadoma();
		UserAccount workerUser = this.fixtures.user(this.contractor, Role.CONTRACTOR_WORKER);
		RosterMemberForm own = worker("作業 次郎");
		own.setUserId(workerUser.getId());
		RosterMember self = this.rosters.add(this.lead, contract.getId(), own);
		RosterMember colleague = activeWorker(contract, "同僚 三郎");
		ClientIssuedId mine = issue(contract, self, IdKind.VERIFICATION, null, "V-" + suffix());
		ClientIssuedId theirs = issue(contract, colleague, IdKind.VERIFICATION, null, "V-" + suffix());
		Actor worker = this.fixtures.actor(workerUser);

		assertThat(this.ids.register(worker, contract.getId()).members()).singleElement()
			.satisfies((m) -> assertThat(m.ids()).extracting(ClientIssuedId::getId).containsExactly(mine.getId()));
		assertThat(catchThrowable(() -> this.ids.get(worker, theirs.getId()))).isInstanceOf(NotFoundProblem.class);
	}

	private List<String> fields(Runnable action) {
		Throwable thrown = catchThrowable(action::run);
		assertThat(thrown).isInstanceOf(InvalidInputProblem.class);
		return ((InvalidInputProblem) thrown).getFieldProblems().stream().map((p) -> p.field()).toList();
	}

	private Contract kadoma() {
		ContractForm form = this.fixtures.contractForm(this.contractor, "kadoma", this.today.minusMonths(2),
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION, ContractAttribute.WORKS_AT_CLIENT_SITE));
		return this.contracts.register(this.officer, form);
	}

	private RosterMember activeWorker(Contract contract, String name) {
		RosterMember member = this.rosters.add(this.lead, contract.getId(), worker(name));
		return this.rosters.activate(this.lead, member.getId(), "試験のため");
	}

	private RosterMemberForm worker(String name) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName(name);
		form.setAffiliation("窓口運営課");
		form.setRole(WorkerRole.WORKER);
		form.setPeriodStart(this.today.minusMonths(1));
		return form;
	}

	private IssueIdForm form(RosterMember member, String value) {
		IssueIdForm form = new IssueIdForm();
		form.setMemberId(member.getId());
		form.setKind(IdKind.VERIFICATION);
		form.setValue(value);
		form.setSystemName("窓口専用端末");
		form.setIssuedOn(this.today.minusDays(7));
		return form;
	}

	private ClientIssuedId issue(Contract contract, RosterMember member, IdKind kind, UUID parent, String value) {
		IssueIdForm form = form(member, value);
		form.setKind(kind);
		form.setParentId(parent);
		return this.ids.issue(this.officer, contract.getId(), form);
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
