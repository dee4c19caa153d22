package jp.itaku.obligation;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.ClauseCategory;
import jp.itaku.catalog.ProfileSummary;
import jp.itaku.contract.ContractPart;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.ContractScope;
import jp.itaku.contract.ContractStatus;
import jp.itaku.contract.ContractSummary;
import jp.itaku.contract.Contracts;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.platform.Actor;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every contract's state at a glance, for the client: overdue, due within 7 days,
 * awaiting review, returned, accepted — scoped to the contracts the actor sees. The
 * counts by state come from {@code obligation_tally}, which the database's triggers on
 * {@code obligation} keep in the transaction that raises, changes or removes an
 * obligation ({@code V87__obligation_tally.sql}); only what depends on today's date
 * (overdue, due soon, the next due date) is read from the open obligations themselves,
 * through an index of the open ones, for the page's contracts. The default orders (most
 * overdue, most due soon) read the day's counts per contract that
 * {@link ObligationDueTally} keeps, and count the open obligations directly only when
 * those hold for another day. No request counts all of a contract's obligations. The
 * counts (and the orders by a count) cover only the contracts whose obligations the actor
 * may read, as the obligations API admits it ({@link Contracts#partyScope}): an approved
 * subcontractor sees the heading of a contract it takes part in, never the contractor's
 * obligation figures.
 */
@Service
public class ComplianceDashboard {

	/** "Due soon" means within this many days. */
	public static final int DUE_SOON_DAYS = 7;

	/**
	 * The open obligations per contract in a range of due dates (the index
	 * {@code obligation_state_due}); a format of the contracts' condition, the parties'
	 * condition and the range.
	 */
	private static final String OPEN_BY_DUE_DATE = """
			select x.contract_id, count(*) as counted
			from obligation x join contract c on c.id = x.contract_id
			where %s and %s and x.status in ('OPEN', 'RETURNED') and %s
			group by x.contract_id
			""";

	/**
	 * A sort's count per contract from {@code obligation_due}
	 * ({@link ObligationDueTally}), joined to the page's contracts (their condition is
	 * the page's own) and counted only where the actor is a party: a format of the column
	 * and the parties' condition.
	 */
	private static final String DUE_TODAY = """
			left join (select x.contract_id, x.%1$s as counted from obligation_due x where x.category = :dueCategory) k
			on k.contract_id = c.id and %2$s""";

	private final JdbcClient jdbc;

	private final ObligationDueTally dueTally;

	private final Contracts contracts;

	private final OrganisationSystemReads organisationReads;

	private final ClauseCatalog catalog;

	private final WorkingCalendar calendar;

	ComplianceDashboard(JdbcClient jdbc, Contracts contracts, ClauseCatalog catalog, WorkingCalendar calendar,
			OrganisationSystemReads organisationReads, ObligationDueTally dueTally) {
		this.dueTally = dueTally;
		this.organisationReads = organisationReads;
		this.jdbc = jdbc;
		this.contracts = contracts;
		this.catalog = catalog;
		this.calendar = calendar;
	}

	/**
	 * Counts the submissions {@link Obligations#awaitingReview} lists, up to its limit:
	 * the tally's submitted obligations of the open contracts on which the actor reviews
	 * for the client.
	 * @param actor the acting user
	 * @param limit the most that {@code awaitingReview} returns
	 * @return {@code awaitingReview(actor, limit).size()}
	 */
	@Transactional(readOnly = true)
	public int awaitingReviewCount(Actor actor, int limit) {
		// Each row counted holds at least one, so the first `limit` rows reach the limit:
		// at 10,000 contracts with 40,000 rows submitted, 1.5 ms instead of 20-30 ms.
		return this.contracts.actingForClient(actor, ContractRoles.CLIENT_EDITORS)
			.map((scope) -> this.jdbc.sql("""
					select coalesce(sum(n), 0) from (
					  select x.n from obligation_tally x join contract c on c.id = x.contract_id
					  where %s and c.status <> '%s' and x.status = '%s' and x.n > 0
					  limit %d) counted
					""".formatted(scope.condition(), ContractStatus.CLOSED, ObligationStatus.SUBMITTED, limit))
				.params(scope.parameters())
				.query(Long.class)
				.single())
			.map((n) -> (int) Math.min(n, limit))
			.orElse(0);
	}

	/**
	 * Returns one page of the rows of the visible contracts matching the filters, in the
	 * filter's order.
	 * <p>
	 * Nothing is cached: the contracts and every count are read from the database in one
	 * snapshot, so the page is exact right after a submission or a review, whichever node
	 * served it. The database filters, orders and pages the contracts (scoped by
	 * {@link Contracts#scope}); only the page's rows are read and counted. Ordering by a
	 * count reads that one state per visible contract: the tally's rows for awaiting
	 * review, the open obligations' index for overdue and due soon.
	 * @param actor the acting user
	 * @param filter department, contractor, profile and category filters, and the sort
	 * order
	 * @param page the page wanted, from 0; beyond the last one, the last one
	 * @param size the rows per page
	 * @return the page
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Page page(Actor actor, Filter filter, int page, int size) {
		ContractScope scope = this.contracts.scope(actor);
		ContractScope parties = this.contracts.partyScope(actor);
		Map<String, Object> parameters = new HashMap<>(scope.parameters());
		parameters.putAll(parties.parameters());
		StringBuilder where = new StringBuilder(scope.condition());
		if (filter.department() != null && !filter.department().isBlank()) {
			where.append(" and c.client_department = :department");
			parameters.put("department", filter.department());
		}
		if (filter.contractorId() != null) {
			where.append(" and c.contractor_organisation_id = :contractor");
			parameters.put("contractor", filter.contractorId());
		}
		if (filter.profileCode() != null && !filter.profileCode().isBlank()) {
			where.append(" and c.profile_id = any(:profiles)");
			parameters.put("profiles",
					this.catalog.versions(filter.profileCode()).stream().map(ProfileSummary::id).toArray(UUID[]::new));
		}
		int matching = this.jdbc.sql("select count(*) from contract c where " + where)
			.params(parameters)
			.query(Integer.class)
			.single();
		if (matching == 0) {
			return new Page(List.of(), 0, 0, 1);
		}
		int pages = Math.max(1, (matching + size - 1) / size);
		int current = Math.min(Math.max(0, page), pages - 1);
		LocalDate today = this.calendar.today();
		parameters.put("today", Date.valueOf(today));
		parameters.put("soon", Date.valueOf(today.plusDays(DUE_SOON_DAYS)));
		if (filter.category() != null) {
			parameters.put("category", filter.category().name());
		}
		parameters.put("limit", size);
		parameters.put("offset", current * size);
		Map<UUID, String> names = new HashMap<>();
		String join = "";
		String order = switch (filter.sort()) {
			case NUMBER -> "c.number";
			case CONTRACTOR -> {
				names.putAll(this.organisationReads.namesUnscoped(contractorIds(where.toString(), parameters)));
				parameters.put("contractorsByName", names.entrySet()
					.stream()
					.sorted(Map.Entry.<UUID, String>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
					.map(Map.Entry::getKey)
					.toArray(UUID[]::new));
				yield "array_position(:contractorsByName, c.contractor_organisation_id), c.number";
			}
			default -> {
				String column = ObligationDueTally.column(filter.sort());
				if (column != null && this.dueTally.day().filter(today::equals).isPresent()) {
					// The day's counts: one row per contract and category.
					join = DUE_TODAY.formatted(column, parties.condition());
					parameters.put("dueCategory", (filter.category() != null) ? filter.category().name() : "");
					int floor = floor(column, where.toString(), parties.condition(), parameters, current * size + size);
					if (floor > 0) {
						where.append(" and k.counted >= ").append(floor);
					}
				}
				else {
					// One pass over the counted state's rows (the open obligations'
					// index, or the tally), grouped: cheaper than a count per contract.
					join = "left join ("
							+ Objects.requireNonNull(filter.sort().counted)
								.formatted(where, parties.condition(),
										(filter.category() != null) ? " and x.category = :category" : "")
							+ ") k on k.contract_id = c.id";
				}
				yield "coalesce(k.counted, 0) desc, c.number";
			}
		};
		List<ContractSummary> shown = this.jdbc.sql("""
				select %s
				from contract c
				%s
				where %s
				order by %s
				limit :limit offset :offset
				""".formatted(Contracts.SUMMARY_COLUMNS, join, where, order))
			.params(parameters)
			.query(Contracts::summary)
			.list();
		Map<UUID, Counts> counts = counts(
				shown.stream().filter((c) -> isParty(actor, c)).map(ContractSummary::id).toList(), today,
				filter.category());
		Set<UUID> unnamed = shown.stream()
			.map(ContractSummary::contractorOrganisationId)
			.filter((id) -> !names.containsKey(id))
			.collect(Collectors.toSet());
		names.putAll(this.organisationReads.namesUnscoped(unnamed));
		Map<UUID, String> issuers = new HashMap<>();
		List<Row> rows = shown.stream()
			.map((contract) -> new Row(contract, names.getOrDefault(contract.contractorOrganisationId(), ""),
					issuers.computeIfAbsent(contract.profileId(), (id) -> this.catalog.get(id).definition().issuer()),
					isParty(actor, contract) ? counts.getOrDefault(contract.id(), Counts.NONE) : null))
			.toList();
		return new Page(rows, matching, current, pages);
	}

	/**
	 * Returns the count of the last row a page of a default order needs, read from
	 * {@code obligation_due} in the order of its index by that count: the page's rows are
	 * then among the contracts whose count reaches it (every other contract has less and
	 * comes after them all), so only those are sorted. The contracts of which the actor
	 * is no party count 0 on the page, and are left out here.
	 * @param column the counted column
	 * @param where the page's condition on the contracts
	 * @param parties the parties' condition
	 * @param parameters the parameters of both and {@code dueCategory}
	 * @param rows the rows up to the end of the page
	 * @return the count, or 0 when fewer contracts count one (then every contract is
	 * sorted)
	 */
	private int floor(String column, String where, String parties, Map<String, Object> parameters, int rows) {
		// The row number as a literal, so that the planner sees how few rows it reads.
		return this.jdbc.sql("""
				select x.%1$s from obligation_due x join contract c on c.id = x.contract_id
				where x.category = :dueCategory and x.%1$s > 0 and %2$s and %3$s
				order by x.%1$s desc offset %4$d limit 1
				""".formatted(column, where, parties, rows - 1))
			.params(parameters)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/**
	 * Lists the contractors of the contracts the actor sees, for the dashboard's filter.
	 * @param actor the acting user
	 * @return the contractors' ids and names, by name
	 */
	@Transactional(readOnly = true)
	public List<Contractor> contractors(Actor actor) {
		ContractScope scope = this.contracts.scope(actor);
		return this.organisationReads.namesUnscoped(contractorIds(scope.condition(), scope.parameters()))
			.entrySet()
			.stream()
			.map((e) -> new Contractor(e.getKey(), e.getValue()))
			.sorted(Comparator.comparing(Contractor::name).thenComparing(Contractor::id))
			.toList();
	}

	/**
	 * Returns a contract's obligations by state as its overview shows them to the actor:
	 * every state an obligation is in, overdue ones (open or returned past the due date)
	 * counted as {@link ObligationStatus#OVERDUE} rather than in their stored state, the
	 * withdrawn ones ({@link ObligationStatus#NOT_APPLICABLE}) left out.
	 * <p>
	 * A party (client, contractor, system administrator) sees the whole contract: the
	 * counts come from {@code obligation_tally}, and only the overdue ones are read from
	 * the obligations, through the index of the open ones by due date. A subcontractor
	 * sees only what its part owes ({@link Obligations#forPart}), which the tally does
	 * not hold per owing organisation: its counts are one grouped count of those
	 * obligations, through the index of the owed ones ({@code obligation_owed_by}),
	 * bounded by what the subcontractors of its part owe, never the contractor's
	 * obligations.
	 * @param actor the acting user
	 * @param contractId the contract
	 * @return the counts; a contract the actor's organisation takes no part in is not
	 * found, as by {@link Contracts#part}
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Overview overview(Actor actor, UUID contractId) {
		ContractPart part = this.contracts.part(actor, contractId);
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", contractId);
		parameters.put("today", Date.valueOf(this.calendar.today()));
		Map<ObligationStatus, Integer> stored = new EnumMap<>(ObligationStatus.class);
		Map<ObligationStatus, Integer> overdue = new EnumMap<>(ObligationStatus.class);
		if (part.whole()) {
			this.jdbc.sql("""
					select status, sum(n)::integer as n from obligation_tally
					where contract_id = :id and status <> 'NOT_APPLICABLE'
					group by status
					""").params(parameters).query((ResultSet rs) -> {
				stored.put(ObligationStatus.valueOf(rs.getString("status")), rs.getInt("n"));
			});
			this.jdbc.sql("""
					select status, count(*)::integer as n from obligation
					where contract_id = :id and status in ('OPEN', 'RETURNED') and due_date < :today
					group by status
					""").params(parameters).query((ResultSet rs) -> {
				overdue.put(ObligationStatus.valueOf(rs.getString("status")), rs.getInt("n"));
			});
		}
		else {
			parameters.put("owing", part.organisations().toArray(UUID[]::new));
			this.jdbc.sql("""
					select status, count(*)::integer as n,
					  (count(*) filter (where status in ('OPEN', 'RETURNED') and due_date < :today))::integer as overdue
					from obligation
					where owed_by = any(:owing) and contract_id = :id and status <> 'NOT_APPLICABLE'
					group by status
					""").params(parameters).query((ResultSet rs) -> {
				ObligationStatus status = ObligationStatus.valueOf(rs.getString("status"));
				stored.put(status, rs.getInt("n"));
				overdue.put(status, rs.getInt("overdue"));
			});
		}
		Map<ObligationStatus, Integer> byStatus = new EnumMap<>(ObligationStatus.class);
		stored.forEach((status, n) -> {
			int late = overdue.getOrDefault(status, 0);
			byStatus.merge(status, n - late, Integer::sum);
			byStatus.merge(ObligationStatus.OVERDUE, late, Integer::sum);
		});
		byStatus.values().removeIf((n) -> n == 0);
		return new Overview(byStatus, byStatus.values().stream().mapToInt(Integer::intValue).sum());
	}

	/**
	 * Returns the contractors of the contracts that meet a condition: one index probe per
	 * contractor, from one to the next in the order of their ids (index
	 * {@code contract_client_contractor} for a client's contracts), instead of reading
	 * every contract.
	 * @param condition the condition on alias {@code c}
	 * @param parameters its parameters
	 * @return the contractors' ids
	 */
	private List<UUID> contractorIds(String condition, Map<String, ?> parameters) {
		return this.jdbc.sql("""
				with recursive next(id) as (
				  select (select c.contractor_organisation_id from contract c where %1$s
				    order by c.contractor_organisation_id limit 1)
				  union all
				  select (select c.contractor_organisation_id from contract c
				    where c.contractor_organisation_id > next.id and %1$s order by c.contractor_organisation_id limit 1)
				  from next where next.id is not null)
				select id from next where id is not null
				""".formatted(condition)).params(parameters).query(UUID.class).list();
	}

	/** The rule of {@link Contracts#partyScope}, for a contract already read. */
	private static boolean isParty(Actor actor, ContractSummary contract) {
		if (actor.is(Role.SYSTEM_ADMIN)) {
			return true;
		}
		return actor.organisationId()
			.equals((actor.organisationKind() == OrganisationKind.CLIENT) ? contract.clientOrganisationId()
					: contract.contractorOrganisationId());
	}

	private Map<UUID, Counts> counts(List<UUID> contractIds, LocalDate today, ClauseCategory category) {
		Map<UUID, Counts> counts = new HashMap<>();
		if (contractIds.isEmpty()) {
			return counts;
		}
		String inCategory = (category != null) ? " and category = :category" : "";
		this.jdbc.sql("""
				with tally as (
				  select contract_id,
				    sum(n) filter (where status = 'SUBMITTED') as awaiting,
				    sum(n) filter (where status = 'RETURNED') as returned,
				    sum(n) filter (where status = 'ACCEPTED') as accepted,
				    sum(n) filter (where status in ('OPEN', 'RETURNED')) as open,
				    sum(n) filter (where status <> 'NOT_APPLICABLE') as total
				  from obligation_tally
				  where contract_id = any(:ids)%1$s
				  group by contract_id),
				dated as (
				  select contract_id,
				    count(*) filter (where due_date < :today) as overdue,
				    count(*) filter (where due_date >= :today) as due_soon
				  from obligation
				  where contract_id = any(:ids) and status in ('OPEN', 'RETURNED') and due_date <= :soon%1$s
				  group by contract_id)
				select i.id as contract_id, coalesce(d.overdue, 0) as overdue, coalesce(d.due_soon, 0) as due_soon,
				  coalesce(t.awaiting, 0) as awaiting, coalesce(t.returned, 0) as returned,
				  coalesce(t.accepted, 0) as accepted, coalesce(t.open, 0) as open, coalesce(t.total, 0) as total,
				  (select min(due_date) from obligation
				    where contract_id = i.id and status in ('OPEN', 'RETURNED') and due_date >= :today%1$s) as next_due
				from unnest(:ids) as i(id)
				left join tally t on t.contract_id = i.id
				left join dated d on d.contract_id = i.id
				""".formatted(inCategory)).params(parameters(contractIds, today, category)).query((ResultSet rs) -> {
			Date next = rs.getDate("next_due");
			counts.put(rs.getObject("contract_id", UUID.class),
					new Counts(rs.getLong("overdue"), rs.getLong("due_soon"), rs.getLong("awaiting"),
							rs.getLong("returned"), rs.getLong("accepted"), rs.getLong("open"), rs.getLong("total"),
							(next != null) ? next.toLocalDate() : null));
		});
		return counts;
	}

	private static Map<String, Object> parameters(List<UUID> contractIds, LocalDate today, ClauseCategory category) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("ids", contractIds.toArray(UUID[]::new));
		parameters.put("today", Date.valueOf(today));
		parameters.put("soon", Date.valueOf(today.plusDays(DUE_SOON_DAYS)));
		if (category != null) {
			parameters.put("category", category.name());
		}
		return parameters;
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

	/** How the rows are ordered; ties by contract number. */
	public enum Sort {

		/** Most overdue first. */
		OVERDUE(OPEN_BY_DUE_DATE.formatted("%1$s", "%2$s", "x.due_date < :today%3$s")),

		/** Most due soon first. */
		DUE_SOON(OPEN_BY_DUE_DATE.formatted("%1$s", "%2$s", "x.due_date between :today and :soon%3$s")),

		/** Most awaiting review first. */
		AWAITING_REVIEW("""
				select x.contract_id, sum(x.n) as counted
				from obligation_tally x join contract c on c.id = x.contract_id
				where %1$s and %2$s and x.status = 'SUBMITTED'%3$s
				group by x.contract_id
				"""),

		/** By contract number. */
		NUMBER(null),

		/** By contractor. */
		CONTRACTOR(null);

		/**
		 * The query of each contract's number that orders the rows, most first: a format
		 * of the contracts' condition, the parties' condition and the category's.
		 */
		private final @Nullable String counted;

		Sort(@Nullable String counted) {
			this.counted = counted;
		}

	}

	/**
	 * One contract on the dashboard.
	 *
	 * @param contract the contract
	 * @param contractorName its contractor
	 * @param issuer the issuer of its clause profile
	 * @param counts its obligations by state, {@code null} when the actor may not read
	 * them
	 */
	public record Row(ContractSummary contract, String contractorName, String issuer, @Nullable Counts counts) {

		/**
		 * Returns whether everything is in order: nothing overdue, returned or awaiting
		 * review.
		 * @return {@code true} when in order; {@code false} also when not counted
		 */
		public boolean inOrder() {
			return this.counts != null && this.counts.overdue() == 0 && this.counts.returned() == 0
					&& this.counts.awaitingReview() == 0;
		}

		/**
		 * Returns whether the contract's obligations are counted for the actor.
		 * @return {@code false} for a contract the actor only takes part in as a
		 * subcontractor
		 */
		public boolean counted() {
			return this.counts != null;
		}

	}

	/**
	 * A contractor in the dashboard's filter.
	 *
	 * @param id the organisation
	 * @param name its name
	 */
	public record Contractor(UUID id, String name) {

	}

	/**
	 * One page of the dashboard.
	 *
	 * @param rows the rows on this page
	 * @param rowCount the rows on all pages
	 * @param page this page, from 0
	 * @param pages the number of pages, at least 1
	 */
	public record Page(List<Row> rows, int rowCount, int page, int pages) {

	}

	/**
	 * A contract's obligations by state, as its overview shows them.
	 *
	 * @param byStatus the number in each state that has any, in the states' order
	 * @param total all that apply
	 */
	public record Overview(Map<ObligationStatus, Integer> byStatus, int total) {

		public Overview {
			byStatus = Collections.unmodifiableMap(new EnumMap<>(byStatus));
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
			long total, @Nullable LocalDate nextDue) {

		static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, null);

	}

}
