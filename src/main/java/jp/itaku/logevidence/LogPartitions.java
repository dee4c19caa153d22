package jp.itaku.logevidence;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The monthly partitions of {@code log_line} (months in Tokyo, named
 * {@code log_line_pYYYYMM}): created when a batch first writes to a month, dropped whole
 * by the retention job.
 */
@Component
class LogPartitions {

	private static final String CREATE = "select itaku_log_partition_create(?)";

	private static final String SUMMARIZE = "select itaku_log_partition_summarize(?)";

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
	 * Creates a month's partition unless it exists, in the transaction of the given
	 * connection (serialised between transactions by an advisory lock), through the
	 * owner's function ({@code itaku_log_partition_create}: the application's role
	 * creates no tables). Takes the connection rather than the thread's transaction: the
	 * COPY's writer thread calls it.
	 * @param connection the transaction's connection
	 * @param month the month
	 * @throws SQLException when the database refuses
	 */
	void ensure(Connection connection, YearMonth month) throws SQLException {
		call(connection, CREATE, month);
	}

	/**
	 * Summarises the block ranges of a month's partition that its block-range index does
	 * not cover yet (those a batch has just written), through the owner's function
	 * ({@code itaku_log_partition_summarize}), so that the index narrows the lines read
	 * by a day's evidence, a re-check or an export at once rather than after the next
	 * VACUUM; in the transaction of the given connection (the COPY's writer thread's).
	 * @param connection the transaction's connection
	 * @param month the month
	 * @throws SQLException when the database refuses
	 */
	void summarize(Connection connection, YearMonth month) throws SQLException {
		call(connection, SUMMARIZE, month);
	}

	private static void call(Connection connection, String sql, YearMonth month) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setDate(1, Date.valueOf(month.atDay(1)));
			statement.execute();
		}
	}

	/**
	 * Drops a month's partition with every line in it, through the owner's function
	 * ({@code itaku_log_partition_drop}, which refuses a month that ended less than three
	 * months ago).
	 * @param month the month
	 */
	void drop(YearMonth month) {
		this.jdbc.sql("select itaku_log_partition_drop(:month)")
			.param("month", Date.valueOf(month.atDay(1)))
			.query(Object.class)
			.list();
	}

	static String name(YearMonth month) {
		return NAME.format(month.atDay(1));
	}

}
