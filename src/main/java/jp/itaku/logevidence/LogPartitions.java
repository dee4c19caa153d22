package jp.itaku.logevidence;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jp.itaku.platform.ItakuTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The monthly partitions of {@code log_line} (months in Tokyo, named
 * {@code log_line_pYYYYMM}): created when a batch first writes to a month, dropped whole
 * by the retention job.
 */
@Component
class LogPartitions {

	private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'log_line_p'yyyyMM");

	private final JdbcClient jdbc;

	LogPartitions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Returns the months that have a partition.
	 * @return the months, oldest first
	 */
	List<YearMonth> existing() {
		return this.jdbc
			.sql("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
					+ " join pg_class p on p.oid = i.inhparent where p.relname = 'log_line' order by 1")
			.query(String.class)
			.list()
			.stream()
			.filter((n) -> n.matches("log_line_p\\d{6}"))
			.map((n) -> YearMonth.parse(n.substring(10, 14) + "-" + n.substring(14, 16)))
			.toList();
	}

	/**
	 * Creates a month's partition unless it exists, in the current transaction
	 * (serialised between transactions by an advisory lock).
	 * @param month the month
	 */
	void ensure(YearMonth month) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('log_line_partitions'))").query(Object.class).list();
		LocalDate first = month.atDay(1);
		String from = first.atStartOfDay(ItakuTime.ZONE).toOffsetDateTime().toString();
		String to = first.plusMonths(1).atStartOfDay(ItakuTime.ZONE).toOffsetDateTime().toString();
		this.jdbc
			.sql("create table if not exists " + name(month) + " partition of log_line for values from ('" + from
					+ "') to ('" + to + "')")
			.update();
	}

	/**
	 * Drops a month's partition with every line in it.
	 * @param month the month
	 */
	void drop(YearMonth month) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('log_line_partitions'))").query(Object.class).list();
		this.jdbc.sql("drop table if exists " + name(month)).update();
	}

	static String name(YearMonth month) {
		return NAME.format(month.atDay(1));
	}

}
