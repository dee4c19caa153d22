package jp.itaku.obligation;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.ClauseCategory;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every contract's state at a glance, for the client: overdue, due within 7 days,
 * awaiting review, returned, accepted — counted in the database, scoped to the contracts
 * the actor sees.
 */
@Service
public class ComplianceDashboard {

	/** "Due soon" means within this many days. */
	public static final int DUE_SOON_DAYS = 7;

	private final JdbcClient jdbc;

	private final Contracts contracts;

	private final Organisations organisations;

	private final ClauseCatalog catalog;

	private final WorkingCalendar calendar;

	ComplianceDashboard(JdbcClient jdbc, Contracts contracts, Organisations organisations, ClauseCatalog catalog,
			WorkingCalendar calendar) {
		this.jdbc = jdbc;
		this.contracts = contracts;
		this.organisations = organisations;
		this.catalog = catalog;
		this.calendar = calendar;
	}

	/**
	 * Returns one row per visible contract matching the filters.
	 * @param actor the acting user
	 * @param filter department, contractor, profile and category filters, and the sort
	 * order
	 * @return the rows
	 */
	@Transactional(readOnly = true)
	public List<Row> rows(Actor actor, Filter filter) {
		List<Contract> visible = this.contracts.list(actor)
			.stream()
			.filter((c) -> filter.department() == null || filter.department().isBlank()
					|| filter.department().equals(c.getClientDepartment()))
			.filter((c) -> filter.contractorId() == null
					|| filter.contractorId().equals(c.getContractorOrganisationId()))
			.filter((c) -> filter.profileCode() == null || filter.profileCode().isBlank()
					|| filter.profileCode().equals(this.catalog.get(c.getProfileId()).code()))
			.toList();
		if (visible.isEmpty()) {
			return List.of();
		}
		LocalDate today = this.calendar.today();
		Map<UUID, Counts> counts = counts(visible.stream().map(Contract::getId).toList(), today, filter.category());
		Map<UUID, String> names = new HashMap<>();
		List<Row> rows = visible.stream().map((contract) -> {
			String contractor = names.computeIfAbsent(contract.getContractorOrganisationId(),
					(id) -> this.organisations.findUnscoped(id).map(Organisation::getName).orElse(""));
			return new Row(contract, contractor, this.catalog.get(contract.getProfileId()).definition().issuer(),
					counts.getOrDefault(contract.getId(), Counts.NONE));
		}).toList();
		return rows.stream().sorted(filter.sort().comparator()).toList();
	}

	private Map<UUID, Counts> counts(List<UUID> contractIds, LocalDate today, ClauseCategory category) {
		Map<UUID, Counts> counts = new HashMap<>();
		this.jdbc
			.sql("""
					select contract_id,
					  count(*) filter (where status in ('OPEN', 'RETURNED') and due_date < :today) as overdue,
					  count(*) filter (where status in ('OPEN', 'RETURNED') and due_date between :today and :soon) as due_soon,
					  count(*) filter (where status = 'SUBMITTED') as awaiting,
					  count(*) filter (where status = 'RETURNED') as returned,
					  count(*) filter (where status = 'ACCEPTED') as accepted,
					  count(*) filter (where status in ('OPEN', 'RETURNED')) as open,
					  count(*) filter (where status <> 'NOT_APPLICABLE') as total,
					  min(due_date) filter (where status in ('OPEN', 'RETURNED') and due_date >= :today) as next_due
					from obligation
					where contract_id = any(:ids) and (cast(:category as varchar) is null or category = :category)
					group by contract_id
					""")
			.param("today", Date.valueOf(today))
			.param("soon", Date.valueOf(today.plusDays(DUE_SOON_DAYS)))
			.param("ids", contractIds.toArray(UUID[]::new))
			.param("category", (category != null) ? category.name() : null)
			.query((rs, n) -> {
				Date next = rs.getDate("next_due");
				counts.put(rs.getObject("contract_id", UUID.class),
						new Counts(rs.getLong("overdue"), rs.getLong("due_soon"), rs.getLong("awaiting"),
								rs.getLong("returned"), rs.getLong("accepted"), rs.getLong("open"), rs.getLong("total"),
								(next != null) ? next.toLocalDate() : null));
				return 1;
			})
			.list();
		return counts;
	}

	/**
	 * The dashboard's filters.
	 *
	 * @param department the client department, or blank for all
	 * @param contractorId the contractor, or {@code null}
	 * @param profileCode the clause profile, or blank
	 * @param category count only obligations of this category, or {@code null}
	 * @param sort the order of the rows
	 */
	public record Filter(String department, UUID contractorId, String profileCode, ClauseCategory category, Sort sort) {

		public Filter {
			sort = (sort != null) ? sort : Sort.OVERDUE;
		}

	}

	/** How the rows are ordered. */
	public enum Sort {

		/** Most overdue first. */
		OVERDUE(Comparator.comparingLong((Row r) -> r.counts().overdue()).reversed()),

		/** Most due soon first. */
		DUE_SOON(Comparator.comparingLong((Row r) -> r.counts().dueSoon()).reversed()),

		/** Most awaiting review first. */
		AWAITING_REVIEW(Comparator.comparingLong((Row r) -> r.counts().awaitingReview()).reversed()),

		/** By contract number. */
		NUMBER(Comparator.comparing((Row r) -> r.contract().getNumber())),

		/** By contractor. */
		CONTRACTOR(Comparator.comparing(Row::contractorName));

		private final Comparator<Row> comparator;

		Sort(Comparator<Row> comparator) {
			this.comparator = comparator;
		}

		Comparator<Row> comparator() {
			return this.comparator.thenComparing((Row r) -> r.contract().getNumber());
		}

	}

	/**
	 * One contract on the dashboard.
	 *
	 * @param contract the contract
	 * @param contractorName its contractor
	 * @param issuer the issuer of its clause profile
	 * @param counts its obligations by state
	 */
	public record Row(Contract contract, String contractorName, String issuer, Counts counts) {

		/**
		 * Returns whether everything is in order: nothing overdue, returned or awaiting
		 * review.
		 * @return {@code true} when in order
		 */
		public boolean inOrder() {
			return this.counts.overdue() == 0 && this.counts.returned() == 0 && this.counts.awaitingReview() == 0;
		}

	}

	/**
	 * A contract's obligations by state.
	 *
	 * @param overdue open or returned past the due date
	 * @param dueSoon open or returned due within
	 * {@value ComplianceDashboard#DUE_SOON_DAYS} days
	 * @param awaitingReview submitted, not yet reviewed
	 * @param returned returned for rework
	 * @param accepted accepted
	 * @param open open or returned
	 * @param total all that apply
	 * @param nextDue the next due date, or {@code null}
	 */
	public record Counts(long overdue, long dueSoon, long awaitingReview, long returned, long accepted, long open,
			long total, LocalDate nextDue) {

		static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, null);

	}

}
