package jp.itaku.platform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds records that earlier, weaker input checks let through and that today's rules
 * refuse: a date outside {@link InputRules#MIN_DATE}–{@link InputRules#MAX_DATE} in any
 * date or timestamp column of the schema (so that a new table is covered without being
 * listed here), and a contract period outside the years the holiday calendar knows. They
 * are listed at start-up in the log and by the operator command {@code check-data}, and
 * corrected through the application's own forms (a roster member through the roster's
 * edit form); the pages that show them never fail on them.
 */
@Component
public class InvalidRecords implements ItakuCommand {

	private static final Logger log = LoggerFactory.getLogger(InvalidRecords.class);

	/** Columns whose domain is narrower than the global range: table.column → range. */
	private static final Map<String, LocalDate[]> NARROWER = Map.of("contract.period_start",
			new LocalDate[] { InputRules.CALENDAR_MIN_DATE, InputRules.CALENDAR_MAX_DATE }, "contract.period_end",
			new LocalDate[] { InputRules.CALENDAR_MIN_DATE, InputRules.CALENDAR_MAX_DATE });

	private final JdbcClient jdbc;

	private final Terminal terminal;

	InvalidRecords(JdbcClient jdbc, Terminal terminal) {
		this.jdbc = jdbc;
		this.terminal = terminal;
	}

	/**
	 * Returns every record with a date today's rules refuse.
	 * @return the records, by table, column and id
	 */
	public List<InvalidRecord> find() {
		List<InvalidRecord> found = new ArrayList<>();
		List<String[]> columns = this.jdbc.sql("""
				select c.table_name, c.column_name, c.data_type from information_schema.columns c
				join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
				and c.data_type in ('date', 'timestamp with time zone', 'timestamp without time zone')
				and exists (select 1 from information_schema.columns i where i.table_schema = c.table_schema
				            and i.table_name = c.table_name and i.column_name = 'id')
				and not exists (select 1 from pg_inherits h join pg_class p on p.oid = h.inhrelid
				                where p.relname = c.table_name)
				order by c.table_name, c.column_name""")
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.list();
		for (String[] column : columns) {
			LocalDate[] range = NARROWER.getOrDefault(column[0] + "." + column[1],
					new LocalDate[] { InputRules.MIN_DATE, InputRules.MAX_DATE });
			String value = column[2].equals("date") ? column[1] : "(" + column[1] + " at time zone 'Asia/Tokyo')::date";
			String sql = "select id::text, " + column[1] + "::text from " + column[0] + " where " + value + " < ? or "
					+ value + " > ? order by id";
			found.addAll(this.jdbc.sql(sql)
				.params(range[0], range[1])
				.query((rs, i) -> new InvalidRecord(column[0], column[1], rs.getString(1), rs.getString(2)))
				.list());
		}
		return found;
	}

	@EventListener(ApplicationReadyEvent.class)
	void reportAtStartUp() {
		try {
			List<InvalidRecord> found = find();
			if (!found.isEmpty()) {
				log.warn(
						"{} records hold dates today's input rules refuse; list them with"
								+ " --itaku.command=check-data and correct them in the application: {}",
						found.size(), found.stream().limit(20).map(InvalidRecord::describe).toList());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not check stored records against the input rules: {}", ex.getMessage());
		}
	}

	@Override
	public String name() {
		return "check-data";
	}

	@Override
	public int run(ApplicationArguments arguments) {
		List<InvalidRecord> found = find();
		for (InvalidRecord record : found) {
			this.terminal.line(record.describe());
		}
		this.terminal.line(found.isEmpty() ? "no invalid records"
				: found.size() + " invalid records: correct them in the application (e.g. the roster's edit form)");
		return found.isEmpty() ? 0 : 1;
	}

	/**
	 * A stored value today's rules refuse.
	 *
	 * @param table the table
	 * @param column the column
	 * @param id the record's id
	 * @param value the value as stored
	 */
	public record InvalidRecord(String table, String column, String id, String value) {

		String describe() {
			return this.table + " " + this.id + ": " + this.column + " = " + this.value;
		}

	}

}
