package jp.itaku.obligation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ClauseCategory;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.ContractSummary;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.ComplianceDashboard.Filter;
import jp.itaku.obligation.ComplianceDashboard.Page;
import jp.itaku.obligation.ComplianceDashboard.Row;
import jp.itaku.obligation.ComplianceDashboard.Sort;
import jp.itaku.organisation.Organisation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.support.Fixtures;
import jp.itaku.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compliance dashboard against the database: it lists exactly the contracts the actor
 * sees, orders and pages them, and its counts follow a submission and a review at once.
 */
@IntegrationTest
class ComplianceDashboardIT {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contracts contracts;

	@Autowired
	Obligations obligations;

	@Autowired
	ComplianceDashboard dashboard;

	@Autowired
	Clock clock;

	Organisation client;

	Organisation contractorA;

	Organisation contractorB;

	Actor officer;

	Actor leadA;

	@BeforeEach
	void parties() {
		this.client = this.fixtures.organisation(OrganisationKind.CLIENT);
		this.contractorA = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.contractorB = this.fixtures.organisation(OrganisationKind.CONTRACTOR);
		this.officer = this.fixtures.actor(this.fixtures.user(this.client, Role.CLIENT_OFFICER));
		this.leadA = this.fixtures.actor(this.fixtures.user(this.contractorA, Role.CONTRACTOR_LEAD));
	}

	private Contract kadoma(Organisation contractor, String number, LocalDate start) {
		ContractForm form = this.fixtures.contractForm(contractor, "kadoma", start,
				Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION));
		form.setNumber(number + "-" + UUID.randomUUID().toString().substring(0, 6));
		return this.contracts.register(this.officer, form);
	}

	private LocalDate today() {
		return ItakuTime.today(this.clock);
	}

	private static Filter sortedBy(Sort sort) {
		return new Filter(null, null, null, null, sort);
	}

	@Test
	void contractSummariesAreScopedExactlyLikeTheContractList() {
		kadoma(this.contractorA, "A", today());
		kadoma(this.contractorB, "B", today());
		UserAccount admin = this.fixtures.user(this.fixtures.organisation(OrganisationKind.CLIENT), Role.SYSTEM_ADMIN);
		Actor leadB = this.fixtures.actor(this.fixtures.user(this.contractorB, Role.CONTRACTOR_LEAD));
		for (Actor actor : List.of(this.officer, this.leadA, leadB, this.fixtures.actor(admin))) {
			assertThat(this.contracts.summaries(actor)).extracting(ContractSummary::id)
				.containsExactlyElementsOf(this.contracts.list(actor).stream().map(Contract::getId).toList());
		}
		assertThat(this.contracts.summaries(this.leadA)).extracting(ContractSummary::contractorOrganisationId)
			.containsOnly(this.contractorA.getId());
	}

	@Test
	void aContractorsDashboardShowsOnlyItsOwnContracts() {
		Contract mine = kadoma(this.contractorA, "A", today());
		kadoma(this.contractorB, "B", today());
		Page page = this.dashboard.page(this.leadA, sortedBy(Sort.OVERDUE), 0, 50);
		assertThat(page.rows()).extracting((row) -> row.contract().id()).containsExactly(mine.getId());
		assertThat(page.rowCount()).isEqualTo(1);
	}

	@Test
	void rowsAreOrderedByTheCountedStateAndPaged() {
		// Monthly reports of earlier months are overdue: the earlier the start, the more.
		Contract two = kadoma(this.contractorA, "C2", today().minusMonths(2).withDayOfMonth(1));
		Contract five = kadoma(this.contractorB, "C5", today().minusMonths(5).withDayOfMonth(1));
		Contract none = kadoma(this.contractorA, "C0", today().plusMonths(1));
		Page first = this.dashboard.page(this.officer, sortedBy(Sort.OVERDUE), 0, 2);
		assertThat(first.rowCount()).isEqualTo(3);
		assertThat(first.pages()).isEqualTo(2);
		assertThat(first.rows()).extracting((row) -> row.contract().id()).containsExactly(five.getId(), two.getId());
		assertThat(first.rows().get(0).counts().overdue()).isGreaterThan(first.rows().get(1).counts().overdue());
		assertThat(first.rows().get(0).contractorName()).isEqualTo(this.contractorB.getName());
		assertThat(first.rows().get(0).issuer()).isNotBlank();
		Page beyond = this.dashboard.page(this.officer, sortedBy(Sort.OVERDUE), 7, 2);
		assertThat(beyond.page()).isEqualTo(1);
		assertThat(beyond.rows()).extracting((row) -> row.contract().id()).containsExactly(none.getId());
		assertThat(beyond.rows().get(0).counts().overdue()).isZero();

		assertThat(this.dashboard.page(this.officer, sortedBy(Sort.NUMBER), 0, 50).rows())
			.extracting((row) -> row.contract().id())
			.containsExactly(none.getId(), two.getId(), five.getId());
		List<UUID> byContractor = this.dashboard.page(this.officer, sortedBy(Sort.CONTRACTOR), 0, 50)
			.rows()
			.stream()
			.map((row) -> row.contract().contractorOrganisationId())
			.toList();
		assertThat(byContractor).isSortedAccordingTo((a, b) -> name(a).compareTo(name(b)));
		Page ofB = this.dashboard.page(this.officer,
				new Filter(null, this.contractorB.getId(), "kadoma", null, Sort.OVERDUE), 0, 50);
		assertThat(ofB.rows()).extracting((row) -> row.contract().id()).containsExactly(five.getId());
		assertThat(this.dashboard.page(this.officer, new Filter(null, null, "setagaya", null, null), 0, 50).rowCount())
			.isZero();
	}

	@Test
	void countsFollowASubmissionAndAReviewAtOnce() {
		Contract contract = kadoma(this.contractorA, "S", today().plusMonths(1));
		Obligation obligation = this.obligations.forContract(this.officer, contract.getId()).get(0);
		ComplianceDashboard.Counts before = counts(contract, null);
		assertThat(before.awaitingReview()).isZero();
		assertThat(before.total()).isEqualTo(this.obligations.forContract(this.officer, contract.getId()).size());

		Submission submission = this.obligations.submit(this.leadA, obligation.getId(), "提出します",
				List.of(new Obligations.Upload("report.pdf", "application/pdf", new ByteArrayResource(
						("%PDF-1.4\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8)))));
		ComplianceDashboard.Counts submitted = counts(contract, null);
		assertThat(submitted.awaitingReview()).isEqualTo(1);
		assertThat(submitted.open()).isEqualTo(before.open() - 1);
		assertThat(counts(contract, obligation.getCategory()).awaitingReview()).isEqualTo(1);
		ClauseCategory other = java.util.Arrays.stream(ClauseCategory.values())
			.filter((c) -> c != obligation.getCategory())
			.findFirst()
			.orElseThrow();
		assertThat(counts(contract, other).awaitingReview()).isZero();
		assertThat(this.dashboard.page(this.officer, sortedBy(Sort.AWAITING_REVIEW), 0, 1).rows())
			.extracting((row) -> row.contract().id())
			.containsExactly(contract.getId());

		this.obligations.review(this.officer, submission.getId(), true, null);
		ComplianceDashboard.Counts accepted = counts(contract, null);
		assertThat(accepted.awaitingReview()).isZero();
		assertThat(accepted.accepted()).isEqualTo(1);
	}

	private ComplianceDashboard.Counts counts(Contract contract, ClauseCategory category) {
		return this.dashboard.page(this.officer, new Filter(null, null, null, category, Sort.NUMBER), 0, 50)
			.rows()
			.stream()
			.filter((row) -> row.contract().id().equals(contract.getId()))
			.map(Row::counts)
			.findFirst()
			.orElseThrow();
	}

	private String name(UUID organisation) {
		return organisation.equals(this.contractorA.getId()) ? this.contractorA.getName() : this.contractorB.getName();
	}

}
