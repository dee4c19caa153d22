package jp.itaku.logevidence;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jp.itaku.clientid.ClientIdSystemReads;
import jp.itaku.clientid.ClientIssuedId;
import jp.itaku.platform.ItakuTime;
import jp.itaku.roster.MemberStatus;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterSystemReads;
import jp.itaku.worksite.EntryLogEntry;
import jp.itaku.worksite.ShiftCell;
import jp.itaku.worksite.WorkSchedules;
import jp.itaku.worksite.WorksiteSystemReads;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * What the contract says about people, read through the owning modules (roster,
 * client-issued IDs, work schedules, entry log) and loaded into temporary tables of the
 * current transaction, so that the checks join them with the log lines in SQL:
 * {@code lf_id(value, member_id, issued_on, revoked_on)},
 * {@code lf_member(member_id, first_day, last_day)},
 * {@code lf_shift(member_id, day, starts, ends)} (working cells of the schedules in
 * force), {@code lf_sched_month(month)} (months that have a schedule),
 * {@code lf_entry(member_id, day, name, entered_at)}.
 */
@Component
class PeopleFacts {

	private final ClientIdSystemReads clientIdReads;

	private final RosterSystemReads rosterReads;

	private final WorkSchedules schedules;

	private final WorksiteSystemReads worksiteReads;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	PeopleFacts(WorkSchedules schedules, JdbcClient jdbc, DataSource dataSource, RosterSystemReads rosterReads,
			ClientIdSystemReads clientIdReads, WorksiteSystemReads worksiteReads) {
		this.worksiteReads = worksiteReads;
		this.clientIdReads = clientIdReads;
		this.rosterReads = rosterReads;
		this.schedules = schedules;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * Loads the facts of a contract into this transaction's temporary tables.
	 * @param contractId the contract
	 * @param from the start of the period checked (entries are loaded for it)
	 * @param to its end
	 * @return the number of client-issued IDs on record (the ID rules need some)
	 */
	int load(UUID contractId, Instant from, Instant to) {
		for (String ddl : new String[] {
				"create temp table if not exists lf_id (value varchar(200), member_id uuid, issued_on date, revoked_on date) on commit drop",
				"create index if not exists lf_id_value on lf_id (value)",
				"create temp table if not exists lf_member (member_id uuid primary key, first_day date, last_day date) on commit drop",
				"create temp table if not exists lf_shift (member_id uuid, day date, starts time, ends time, primary key (member_id, day)) on commit drop",
				"create temp table if not exists lf_sched_month (month date primary key) on commit drop",
				"create temp table if not exists lf_entry (member_id uuid, day date, name varchar(100), entered_at timestamptz) on commit drop",
				"truncate lf_id, lf_member, lf_shift, lf_sched_month, lf_entry" }) {
			this.jdbc.sql(ddl).update();
		}
		StringBuilder idRows = new StringBuilder();
		int idCount = 0;
		for (ClientIssuedId id : this.clientIdReads.idsUnscoped(contractId)) {
			row(idRows, id.getValue(), id.getMemberId(), id.getIssuedOn(), id.getRevokedOn());
			idCount++;
		}
		copy("lf_id", idRows);
		StringBuilder members = new StringBuilder();
		for (RosterMember member : this.rosterReads.membersUnscoped(contractId)) {
			if (member.getStatus() == MemberStatus.PLANNED) {
				continue;
			}
			LocalDate last = (member.getActualEnd() != null) ? member.getActualEnd() : member.getPlannedEnd();
			row(members, member.getId(), member.getPeriodStart(), last);
		}
		copy("lf_member", members);
		StringBuilder shifts = new StringBuilder();
		Set<YearMonth> months = new HashSet<>();
		Set<String> cells = new HashSet<>();
		for (ShiftCell cell : this.worksiteReads.shiftsInForceUnscoped(contractId)) {
			months.add(YearMonth.from(cell.day()));
			if (!cell.off() && cells.add(cell.memberId() + "|" + cell.day())) {
				row(shifts, cell.memberId(), cell.day(), cell.startsAt(), cell.endsAt());
			}
		}
		copy("lf_shift", shifts);
		StringBuilder monthRows = new StringBuilder();
		for (YearMonth month : months) {
			row(monthRows, month.atDay(1));
		}
		copy("lf_sched_month", monthRows);
		StringBuilder entries = new StringBuilder();
		for (EntryLogEntry entry : this.worksiteReads.entriesUnscoped(contractId, from.minusSeconds(86_400),
				to.plusSeconds(86_400))) {
			if (entry.getMemberId() != null) {
				row(entries, entry.getMemberId(), entry.getEnteredAt().atZone(ItakuTime.ZONE).toLocalDate(),
						entry.getName(), entry.getEnteredAt());
			}
		}
		copy("lf_entry", entries);
		this.jdbc.sql("analyze lf_id").update();
		this.jdbc.sql("analyze lf_shift").update();
		return idCount;
	}

	private static void row(StringBuilder out, @Nullable Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append('\t');
			}
			Object v = values[i];
			if (v == null) {
				out.append("\\N");
			}
			else if (v instanceof LocalTime t) {
				out.append(t);
			}
			else {
				CopyText.escape(out, v.toString());
			}
		}
		out.append('\n');
	}

	void copy(String table, StringBuilder rows) {
		if (rows.isEmpty()) {
			return;
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy " + table + " from stdin", new StringReader(rows.toString()));
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("Could not load " + table, ex);
		}
	}

}
