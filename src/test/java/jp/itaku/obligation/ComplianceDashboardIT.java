package jp.itaku.obligation;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import jp.itaku.account.UserAccount;
import jp.itaku.catalog.ChangeSubject;
import jp.itaku.catalog.ClauseCategory;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractForm;
import jp.itaku.contract.ContractSummary;
import jp.itaku.contract.Contracts;
import jp.itaku.contract.web.ContractFormsAccess;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compliance dashboard against the database: it lists exactly the contracts the actor
 * sees, orders and pages them, and its counts follow a submission and a review at once;
 * the tally the database keeps equals a direct count after any sequence of changes.
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

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObligationDueTally dueTally;

	@Autowired
	TransactionOperations transactions;

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

	@Test
	void theTallyEqualsADirectCountAfterRandomChanges() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		countDue(today());
		List<Contract> shown = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ContractForm form = this.fixtures.contractForm((i == 1) ? this.contractorB : this.contractorA, "setagaya",
					today().minusMonths(random.nextInt(6)).withDayOfMonth(1),
					Set.of(ContractAttribute.HANDLES_PERSONAL_INFORMATION, ContractAttribute.USES_CLOUD_SERVICES));
			form.setNumber("R" + i + "-" + UUID.randomUUID().toString().substring(0, 6));
			shown.add(this.contracts.register(this.officer, form));
		}
		Actor leadB = this.fixtures.actor(this.fixtures.user(this.contractorB, Role.CONTRACTOR_LEAD));
		Map<UUID, UUID> pending = new HashMap<>();
		List<String> steps = new ArrayList<>();
		for (int step = 0; step < 40; step++) {
			Contract contract = shown.get(random.nextInt(shown.size()));
			Actor lead = contract.getContractorOrganisationId().equals(this.contractorB.getId()) ? leadB : this.leadA;
			List<Obligation> all = this.obligations.forContract(this.officer, contract.getId());
			int choice = random.nextInt(8);
			if (choice <= 1) {
				pick(random, all, ObligationStatus.OPEN, ObligationStatus.RETURNED).ifPresent((o) -> {
					pending.put(o.getId(), this.obligations.submit(lead, o.getId(), "提出します", pdf()).getId());
					steps.add("submit");
				});
			}
			else if (choice == 2) {
				pick(random, all, ObligationStatus.SUBMITTED).ifPresent((o) -> {
					boolean accept = random.nextBoolean();
					this.obligations.review(this.officer, pending.get(o.getId()), accept, accept ? null : "再提出を");
					steps.add(accept ? "accept" : "return");
				});
			}
			else if (choice == 3) {
				pick(random, all, ObligationStatus.OPEN, ObligationStatus.RETURNED, ObligationStatus.SUBMITTED)
					.ifPresent((o) -> {
						this.obligations.waive(this.officer, o.getId(), "試験のため");
						steps.add("waive");
					});
			}
			else if (choice == 4) {
				// A scope change: the cloud's obligations are withdrawn (not applicable)
				// or planned again.
				Contract current = this.contracts.get(this.officer, contract.getId());
				ContractForm form = ContractFormsAccess.of(current);
				List<ContractAttribute> attributes = new ArrayList<>(current.getAttributes());
				if (!attributes.remove(ContractAttribute.USES_CLOUD_SERVICES)) {
					attributes.add(ContractAttribute.USES_CLOUD_SERVICES);
				}
				form.setAttributes(attributes);
				this.contracts.update(this.officer, contract.getId(), form);
				steps.add("scope");
			}
			else if (choice == 5) {
				// A due date moved by SQL (as a migration or an import would): across
				// today and the end of the 7 days, or within them.
				pick(random, all, ObligationStatus.OPEN, ObligationStatus.RETURNED).ifPresent((o) -> {
					this.jdbc.sql("update obligation set due_date = :due where id = :id")
						.param("due", Date.valueOf(today().plusDays(random.nextInt(21) - 10)))
						.param("id", o.getId())
						.update();
					steps.add("move");
				});
			}
			else if (choice == 6) {
				// Several obligations of a contract in one statement, into another
				// category.
				ClauseCategory into = ClauseCategory.values()[random.nextInt(ClauseCategory.values().length)];
				this.jdbc
					.sql("update obligation set category = :into where contract_id = :contract and due_date < :due")
					.param("into", into.name())
					.param("contract", contract.getId())
					.param("due", Date.valueOf(today().plusDays(random.nextInt(10))))
					.update();
				steps.add("category");
			}
			else {
				this.obligations.raise(contract.getId(), ObligationTrigger.change(ChangeSubject.ROSTER),
						new Obligations.Occurrence("N" + step, today().minusDays(random.nextInt(20)), "従事者名簿 変更届",
								"RosterNotice:" + UUID.randomUUID()));
				steps.add("raise");
			}
		}
		String description = "seed " + seed + ", steps " + steps;
		UUID[] ids = shown.stream().map(Contract::getId).toArray(UUID[]::new);
		assertThat(this.jdbc.sql("""
				select contract_id, category, status, n from obligation_tally
				where contract_id = any(:ids) and n <> 0 order by 1, 2, 3
				""").param("ids", ids).query().listOfRows()).as(description).isEqualTo(this.jdbc.sql("""
				select contract_id, category, status, count(*)::integer as n from obligation
				where contract_id = any(:ids) group by 1, 2, 3 order by 1, 2, 3
				""").param("ids", ids).query().listOfRows());
		LocalDate today = today();
		// The day's due counts, kept by the triggers through every step, and counted
		// again for another day, equal a direct count.
		assertThat(dueRows(ids)).as(description).isEqualTo(directDueRows(ids, today));
		LocalDate later = today.plusDays(1 + random.nextInt(5));
		countDue(later);
		assertThat(dueRows(ids)).as(description + ", counted for " + later).isEqualTo(directDueRows(ids, later));
		countDue(today);
		for (Contract contract : shown) {
			List<Obligation> all = this.obligations.forContract(this.officer, contract.getId());
			for (ClauseCategory category : new ClauseCategory[] { null, all.get(0).getCategory() }) {
				List<Obligation> counted = all.stream()
					.filter((o) -> category == null || o.getCategory() == category)
					.toList();
				List<Obligation> open = counted.stream()
					.filter((o) -> o.getStatus() == ObligationStatus.OPEN || o.getStatus() == ObligationStatus.RETURNED)
					.toList();
				ComplianceDashboard.Counts expected = new ComplianceDashboard.Counts(
						open.stream().filter((o) -> o.getDueDate() != null && o.getDueDate().isBefore(today)).count(),
						open.stream()
							.filter((o) -> o.getDueDate() != null && !o.getDueDate().isBefore(today)
									&& !o.getDueDate().isAfter(today.plusDays(ComplianceDashboard.DUE_SOON_DAYS)))
							.count(),
						counted.stream().filter((o) -> o.getStatus() == ObligationStatus.SUBMITTED).count(),
						counted.stream().filter((o) -> o.getStatus() == ObligationStatus.RETURNED).count(),
						counted.stream().filter((o) -> o.getStatus() == ObligationStatus.ACCEPTED).count(), open.size(),
						counted.stream().filter((o) -> o.getStatus() != ObligationStatus.NOT_APPLICABLE).count(),
						open.stream()
							.map(Obligation::getDueDate)
							.filter((d) -> d != null && !d.isBefore(today))
							.min(LocalDate::compareTo)
							.orElse(null));
				assertThat(counts(contract, category)).as(description + ", " + category).isEqualTo(expected);
			}
			// The contract page's overview: the tally's counts, the overdue ones apart,
			// as
			// a direct count of the obligations by the state each shows today.
			Map<ObligationStatus, Integer> direct = new EnumMap<>(ObligationStatus.class);
			all.forEach((o) -> direct.merge(o.effectiveStatus(today), 1, Integer::sum));
			Actor lead = contract.getContractorOrganisationId().equals(this.contractorB.getId()) ? leadB : this.leadA;
			for (Actor reader : List.of(this.officer, lead)) {
				ComplianceDashboard.Overview overview = this.dashboard.overview(reader, contract.getId());
				assertThat(overview.byStatus()).as(description + ", overview").containsExactlyEntriesOf(direct);
				assertThat(overview.total()).as(description + ", overview").isEqualTo(all.size());
			}
		}
	}

	@Test
	void theDefaultOrdersReadTheDaysCountsOnlyForTodayAndAreTheSameAsADirectCount() {
		// Two contracts of each start month: ties in every count, at every page boundary.
		for (int i = 0; i < 7; i++) {
			kadoma((i % 2 == 0) ? this.contractorA : this.contractorB, "D" + i,
					today().minusMonths(i / 2).withDayOfMonth(1).plusDays(i / 2));
		}
		for (Actor actor : List.of(this.officer, this.leadA)) {
			for (Sort sort : List.of(Sort.OVERDUE, Sort.DUE_SOON)) {
				for (ClauseCategory category : new ClauseCategory[] { null, ClauseCategory.values()[0] }) {
					Filter filter = new Filter(null, null, null, category, sort);
					String as = actor.role() + ", " + sort + ", " + category;
					countDue(today());
					List<UUID> fromCounts = ids(this.dashboard.page(actor, filter, 0, 50));
					// Page by page, each page sorts only the contracts that reach its
					// last
					// row's count (ComplianceDashboard.floor): the pages together are the
					// whole order.
					for (int size = 1; size <= 3; size++) {
						assertThat(paged(actor, filter, size)).as(as + ", pages of " + size).isEqualTo(fromCounts);
					}
					// Counts for another day are not today's: the page counts directly.
					countDue(today().minusDays(1));
					assertThat(ids(this.dashboard.page(actor, filter, 0, 50))).as(as).isEqualTo(fromCounts);
					assertThat(paged(actor, filter, 2)).as(as).isEqualTo(fromCounts);
					this.jdbc.sql("update obligation_due_day set as_of = null").update();
					assertThat(ids(this.dashboard.page(actor, filter, 0, 50))).as(as).isEqualTo(fromCounts);
				}
			}
		}
		countDue(today());
	}

	/** Every page of a filter's order, one after the other. */
	private List<UUID> paged(Actor actor, Filter filter, int size) {
		List<UUID> all = new ArrayList<>();
		Page page = this.dashboard.page(actor, filter, 0, size);
		for (int n = 0; n < page.pages(); n++) {
			all.addAll(ids(this.dashboard.page(actor, filter, n, size)));
		}
		return all;
	}

	@Test
	void theDaysCountWaitsForNoWriterOfObligations() throws Exception {
		Contract contract = kadoma(this.contractorA, "W", today().minusMonths(1).withDayOfMonth(1));
		countDue(today());
		CountDownLatch writing = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(1);
		Thread writer = new Thread(() -> this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("update obligation set status = status where contract_id = :id")
				.param("id", contract.getId())
				.update();
			writing.countDown();
			try {
				done.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		writer.start();
		try {
			writing.await();
			// Not today's day, and a writer at work: the count gives way, changing
			// nothing.
			assertThat(this.dueTally.count(today().plusDays(1))).isFalse();
			assertThat(this.dueTally.day()).contains(today());
		}
		finally {
			done.countDown();
			writer.join();
		}
		assertThat(this.dueTally.count(today().plusDays(1))).isTrue();
		assertThat(this.dueTally.day()).contains(today().plusDays(1));
		countDue(today());
	}

	/**
	 * Counts the day's due counts again, trying again while another test's writer is at
	 * work.
	 */
	private void countDue(LocalDate day) {
		for (int attempt = 0; !this.dueTally.count(day); attempt++) {
			assertThat(attempt).as("the due counts are counted within 10 s").isLessThan(100);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private List<Map<String, Object>> dueRows(UUID[] ids) {
		return this.jdbc.sql("""
				select contract_id, category, overdue, due_soon from obligation_due
				where contract_id = any(:ids) and (overdue <> 0 or due_soon <> 0) order by 1, 2
				""").param("ids", ids).query().listOfRows();
	}

	private List<Map<String, Object>> directDueRows(UUID[] ids, LocalDate day) {
		return this.jdbc.sql("""
				select contract_id, coalesce(category, '') as category,
				  (count(*) filter (where due_date < :day))::integer as overdue,
				  (count(*) filter (where due_date >= :day))::integer as due_soon
				from obligation
				where contract_id = any(:ids) and status in ('OPEN', 'RETURNED') and due_date <= :soon
				group by grouping sets ((contract_id, category), (contract_id)) order by 1, 2
				""")
			.param("ids", ids)
			.param("day", Date.valueOf(day))
			.param("soon", Date.valueOf(day.plusDays(ComplianceDashboard.DUE_SOON_DAYS)))
			.query()
			.listOfRows();
	}

	private static List<UUID> ids(Page page) {
		return page.rows().stream().map((row) -> row.contract().id()).toList();
	}

	private static Optional<Obligation> pick(Random random, List<Obligation> all, ObligationStatus... statuses) {
		List<Obligation> candidates = all.stream().filter((o) -> List.of(statuses).contains(o.getStatus())).toList();
		return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(random.nextInt(candidates.size())));
	}

	private static List<Obligations.Upload> pdf() {
		return List.of(new Obligations.Upload("report.pdf", "application/pdf", new ByteArrayResource(
				("%PDF-1.4\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8))));
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
