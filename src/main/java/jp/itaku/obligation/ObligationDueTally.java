package jp.itaku.obligation;

import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

import jp.itaku.calendar.WorkingCalendar;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The open obligations past their due date and due within
 * {@value ComplianceDashboard#DUE_SOON_DAYS} days, per contract and category, as of one
 * day ({@code obligation_due}, {@code V100__obligation_due.sql}): what the dashboard's
 * default orders need from every visible contract, read as one row per contract instead
 * of counted from the open obligations on each request.
 * <p>
 * The database's triggers keep the counts in the transaction that changes an obligation,
 * against the day the counts hold for. Once a day has passed they no longer hold, so
 * every minute (and at start) this job checks the day and, when it is not today in Tokyo,
 * counts every row again for today: in one transaction that holds a lock on
 * {@code obligation} no writer can hold at the same time, taken without waiting (a writer
 * at work makes it try again a minute later rather than hold the writers up). The
 * dashboard uses the rows only when their day is today and counts directly otherwise, so
 * a page is exact before the first count, at midnight, and on a node whose clock differs.
 */
@Component
class ObligationDueTally {

	private static final Logger log = LoggerFactory.getLogger(ObligationDueTally.class);

	/** PostgreSQL's {@code lock_not_available}: a {@code nowait} lock was held. */
	private static final String LOCK_NOT_AVAILABLE = "55P03";

	private final JdbcClient jdbc;

	private final WorkingCalendar calendar;

	private final TransactionOperations transactions;

	ObligationDueTally(JdbcClient jdbc, WorkingCalendar calendar, TransactionOperations transactions) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.transactions = transactions;
	}

	/**
	 * Returns the day the counts hold for, as the current transaction sees it.
	 * @return the day, or empty before the first count (or after a writer that keeps one
	 * snapshot for its transaction marked them stale)
	 */
	Optional<LocalDate> day() {
		return this.jdbc.sql("select as_of from obligation_due_day")
			.query((rs, n) -> Optional.ofNullable(rs.getDate(1)).map(Date::toLocalDate))
			.single();
	}

	/**
	 * Counts the rows again for today in Tokyo when they hold for another day.
	 */
	@Scheduled(fixedDelayString = "${itaku.dashboard.due-count-interval:PT1M}")
	void countIfStale() {
		LocalDate today = this.calendar.today();
		if (day().filter(today::equals).isEmpty() && !count(today)) {
			log.debug("The dashboard's due counts wait for the obligations' writers; counted directly meanwhile");
		}
	}

	/**
	 * Counts every row again for a day, unless they hold for it already.
	 * @param day the day
	 * @return whether the rows hold for the day; {@code false} when a writer of
	 * obligations was at work (the caller tries again later)
	 */
	boolean count(LocalDate day) {
		Boolean counted = this.transactions.execute((status) -> {
			try {
				this.jdbc.sql("lock table obligation in share row exclusive mode nowait").update();
			}
			catch (DataAccessException ex) {
				if (!(ex.getMostSpecificCause() instanceof SQLException sql
						&& LOCK_NOT_AVAILABLE.equals(sql.getSQLState()))) {
					throw ex;
				}
				status.setRollbackOnly();
				return false;
			}
			if (day().filter(day::equals).isPresent()) {
				return true; // another node counted meanwhile
			}
			this.jdbc.sql("delete from obligation_due").update();
			this.jdbc.sql("""
					insert into obligation_due (contract_id, category, overdue, due_soon)
					select contract_id, coalesce(category, ''),
					  count(*) filter (where due_date < :day), count(*) filter (where due_date >= :day)
					from obligation
					where status in ('OPEN', 'RETURNED') and due_date <= :soon
					group by grouping sets ((contract_id, category), (contract_id))
					""")
				.param("day", Date.valueOf(day))
				.param("soon", Date.valueOf(day.plusDays(ComplianceDashboard.DUE_SOON_DAYS)))
				.update();
			this.jdbc.sql("update obligation_due_day set as_of = :day").param("day", Date.valueOf(day)).update();
			return true;
		});
		return Boolean.TRUE.equals(counted);
	}

	/**
	 * The column of {@code obligation_due} that a sort orders by, or {@code null}.
	 * @param sort the dashboard's sort
	 * @return {@code overdue}, {@code due_soon}, or {@code null} for a sort it does not
	 * serve
	 */
	static @Nullable String column(ComplianceDashboard.Sort sort) {
		return switch (sort) {
			case OVERDUE -> "overdue";
			case DUE_SOON -> "due_soon";
			default -> null;
		};
	}

}
