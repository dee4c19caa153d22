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

import jp.itaku.clientid.ClientIdEvents;
import jp.itaku.clientid.ClientIdSystemReads;
import jp.itaku.clientid.ClientIssuedId;
import jp.itaku.platform.ItakuTime;
import jp.itaku.roster.MemberStatus;
import jp.itaku.roster.RosterEvents;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterSystemReads;
import jp.itaku.worksite.EntryLogEntry;
import jp.itaku.worksite.ShiftCell;
import jp.itaku.worksite.WorkScheduleEvents;
import jp.itaku.worksite.WorksiteSystemReads;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * What the contract says about people, read through the owning modules (roster,
 * client-issued IDs, work schedules, entry log), kept for the checks to join with the log
 * lines in SQL.
 * <p>
 * The facts that change rarely are cached per contract in the database:
 * {@code log_fact_id(value, member_id, issued_on, revoked_on)},
 * {@code log_fact_member(member_id, first_day, last_day)},
 * {@code log_fact_shift(member_id, day, starts, ends)} (working cells of the schedules in
 * force) and {@code log_fact_month(month)} (months that have a schedule). A change of
 * roster or IDs bumps the contract's generation ({@code log_fact_change}), a change of
 * schedule its schedule generation (so that a roster change does not read a year of
 * schedule cells again), in the change's own transaction; {@link #ensure} compares them,
 * and a stamp of the roster (an activation publishes no event), with what the copy was
 * made from ({@code log_fact_loaded}), and only when they differ reads the owning modules
 * again, works out which users and months the change concerns
 * ({@code lf_changed_user(user_ref)}, {@code lf_changed_month(month)}, temporary) and
 * replaces the copy. The comparison is in the database, so several nodes share one copy
 * and none checks with a stale one. The entry log is read per period into
 * {@code lf_entry(member_id, day, name, entered_at)}, temporary.
 */
@Component
class PeopleFacts {

	private final ClientIdSystemReads clientIdReads;

	private final RosterSystemReads rosterReads;

	private final WorksiteSystemReads worksiteReads;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	PeopleFacts(JdbcClient jdbc, DataSource dataSource, RosterSystemReads rosterReads,
			ClientIdSystemReads clientIdReads, WorksiteSystemReads worksiteReads) {
		this.worksiteReads = worksiteReads;
		this.clientIdReads = clientIdReads;
		this.rosterReads = rosterReads;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** What {@link #ensure} found. */
	enum Kind {

		/** The copy was up to date. */
		FRESH,
		/**
		 * The copy was made now for the first time: the findings so far were made with
		 * the facts read at each run, there is nothing to re-check.
		 */
		FIRST,
		/**
		 * The facts changed: the users and months it concerns are in
		 * {@code lf_changed_user} and {@code lf_changed_month}.
		 */
		CHANGED,
		/**
		 * The contract went from no client-issued ID to some or back: every line is
		 * concerned.
		 */
		ALL

	}

	/**
	 * What the copy holds after {@link #ensure}.
	 *
	 * @param kind what was found
	 * @param ids the number of client-issued IDs on record (the ID rules need some)
	 * @param users the number of users a change concerns
	 * @param months the number of months a change concerns
	 */
	record Facts(Kind kind, int ids, int users, int months) {
	}

	/** What the copy was made from. */
	private record Loaded(long generation, String rosterStamp, int idCount, long scheduleGeneration) {
	}

	/**
	 * Makes sure the cached facts of a contract are those of its owning modules, under
	 * the contract's check lock (held by the caller).
	 * @param contractId the contract
	 * @return what was found
	 */
	Facts ensure(UUID contractId) {
		String stamp = this.rosterReads.changeStampUnscoped(contractId);
		long[] generation = this.jdbc
			.sql("select coalesce(max(generation), 0), coalesce(max(schedule_generation), 0) from log_fact_change"
					+ " where contract_id = ?")
			.param(contractId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		var loaded = this.jdbc
			.sql("select generation, roster_stamp, id_count, schedule_generation from log_fact_loaded"
					+ " where contract_id = ?")
			.param(contractId)
			.query((rs, n) -> new Loaded(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4)))
			.optional();
		boolean people = loaded.isEmpty() || loaded.get().generation() != generation[0]
				|| !stamp.equals(loaded.get().rosterStamp());
		boolean schedules = loaded.isEmpty() || loaded.get().scheduleGeneration() != generation[1];
		if (!people && !schedules) {
			return new Facts(Kind.FRESH, loaded.get().idCount(), 0, 0);
		}
		int ids = read(contractId, schedules);
		Facts facts;
		if (loaded.isEmpty()) {
			facts = new Facts(Kind.FIRST, ids, 0, 0);
		}
		else if ((loaded.get().idCount() == 0) != (ids == 0)) {
			facts = new Facts(Kind.ALL, ids, 0, 0);
		}
		else {
			facts = changes(contractId, ids, schedules);
		}
		// The copy takes the differences only (a year of schedules is tens of thousands
		// of cells, of which a change touches a few), and the schedules only when they
		// changed; the IDs are few and replaced whole.
		this.jdbc.sql("delete from log_fact_id where contract_id = ?").param(contractId).update();
		this.jdbc.sql("insert into log_fact_id select :c, value, member_id, issued_on, revoked_on from lf_id")
			.param("c", contractId)
			.update();
		this.jdbc
			.sql("delete from log_fact_member f where contract_id = :c and not exists (select 1 from lf_member m"
					+ " where m.member_id = f.member_id and m.first_day is not distinct from f.first_day"
					+ " and m.last_day is not distinct from f.last_day)")
			.param("c", contractId)
			.update();
		this.jdbc
			.sql("insert into log_fact_member select :c, member_id, first_day, last_day from lf_member"
					+ " on conflict (contract_id, member_id) do nothing")
			.param("c", contractId)
			.update();
		if (schedules) {
			replaceSchedules(contractId);
		}
		this.jdbc
			.sql("insert into log_fact_loaded (contract_id, generation, roster_stamp, id_count, schedule_generation)"
					+ " values (?, ?, ?, ?, ?) on conflict (contract_id) do update set generation = excluded.generation,"
					+ " roster_stamp = excluded.roster_stamp, id_count = excluded.id_count,"
					+ " schedule_generation = excluded.schedule_generation")
			.params(contractId, generation[0], stamp, ids, generation[1])
			.update();
		return facts;
	}

	private void replaceSchedules(UUID contractId) {
		this.jdbc
			.sql("delete from log_fact_shift f where contract_id = :c and not exists (select 1 from lf_shift s"
					+ " where s.member_id = f.member_id and s.day = f.day and s.starts is not distinct from f.starts"
					+ " and s.ends is not distinct from f.ends)")
			.param("c", contractId)
			.update();
		this.jdbc
			.sql("insert into log_fact_shift select :c, member_id, day, starts, ends from lf_shift"
					+ " on conflict (contract_id, member_id, day) do nothing")
			.param("c", contractId)
			.update();
		this.jdbc
			.sql("delete from log_fact_month f where contract_id = :c and not exists (select 1 from lf_sched_month m"
					+ " where m.month = f.month)")
			.param("c", contractId)
			.update();
		this.jdbc
			.sql("insert into log_fact_month select :c, month from lf_sched_month"
					+ " on conflict (contract_id, month) do nothing")
			.param("c", contractId)
			.update();
	}

	/**
	 * Works out which users and months a change concerns, comparing the facts read now
	 * ({@code lf_…}) with the copy: the users whose IDs changed, those whose IDs (before
	 * or after) belong to a member whose period or (when the schedules changed) shifts
	 * changed, and the months that gained or lost a schedule.
	 */
	private Facts changes(UUID contractId, int ids, boolean schedules) {
		this.jdbc.sql("create temp table if not exists lf_changed_user (user_ref varchar(200)) on commit drop")
			.update();
		this.jdbc.sql("create temp table if not exists lf_changed_month (month date) on commit drop").update();
		this.jdbc.sql("truncate lf_changed_user, lf_changed_month").update();
		String oldIds = "(select value, member_id, issued_on, revoked_on from log_fact_id where contract_id = :c)";
		String newIds = "(select value, member_id, issued_on, revoked_on from lf_id)";
		String oldMembers = "(select member_id, first_day, last_day from log_fact_member where contract_id = :c)";
		String newMembers = "(select member_id, first_day, last_day from lf_member)";
		String oldShifts = "(select member_id, day, starts, ends from log_fact_shift where contract_id = :c)";
		String newShifts = "(select member_id, day, starts, ends from lf_shift)";
		String shiftsChanged = !schedules ? "" : " union select member_id from (" + newShifts + " except " + oldShifts
				+ ") s union select member_id from (" + oldShifts + " except " + newShifts + ") s";
		int users = this.jdbc.sql("insert into lf_changed_user select value from (" + newIds + " except " + oldIds
				+ ") a union select value from (" + oldIds + " except " + newIds + ") b"
				+ " union select i.value from (select value, member_id from lf_id union"
				+ " select value, member_id from log_fact_id where contract_id = :c) i where i.member_id in ("
				+ "select member_id from (" + newMembers + " except " + oldMembers + ") m union select member_id from ("
				+ oldMembers + " except " + newMembers + ") m" + shiftsChanged + ")")
			.param("c", contractId)
			.update();
		int months = !schedules ? 0 : this.jdbc
			.sql("insert into lf_changed_month select month from ((select month from lf_sched_month except"
					+ " select month from log_fact_month where contract_id = :c) union (select month from log_fact_month"
					+ " where contract_id = :c except select month from lf_sched_month)) m")
			.param("c", contractId)
			.update();
		return new Facts(Kind.CHANGED, ids, users, months);
	}

	/**
	 * Reads the facts of a contract from the owning modules into this transaction's
	 * temporary tables {@code lf_id}, {@code lf_member} and, when the schedules are read,
	 * {@code lf_shift}, {@code lf_sched_month}.
	 * @param schedules whether to read the schedules in force too
	 * @return the number of client-issued IDs on record
	 */
	private int read(UUID contractId, boolean schedules) {
		for (String ddl : new String[] {
				"create temp table if not exists lf_id (value varchar(200), member_id uuid, issued_on date, revoked_on date) on commit drop",
				"create temp table if not exists lf_member (member_id uuid primary key, first_day date, last_day date) on commit drop",
				"create temp table if not exists lf_shift (member_id uuid, day date, starts time, ends time, primary key (member_id, day)) on commit drop",
				"create temp table if not exists lf_sched_month (month date primary key) on commit drop",
				"truncate lf_id, lf_member, lf_shift, lf_sched_month" }) {
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
		if (!schedules) {
			return idCount;
		}
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
		return idCount;
	}

	/**
	 * Reads the entry log of a period (and a day either side) into this transaction's
	 * temporary table {@code lf_entry}.
	 * @param contractId the contract
	 * @param from the start of the period checked
	 * @param to its end
	 */
	void loadEntries(UUID contractId, Instant from, Instant to) {
		this.jdbc
			.sql("create temp table if not exists lf_entry (member_id uuid, day date, name varchar(100),"
					+ " entered_at timestamptz) on commit drop")
			.update();
		this.jdbc.sql("truncate lf_entry").update();
		StringBuilder entries = new StringBuilder();
		for (EntryLogEntry entry : this.worksiteReads.entriesUnscoped(contractId, from.minusSeconds(86_400),
				to.plusSeconds(86_400))) {
			if (entry.getMemberId() != null) {
				row(entries, entry.getMemberId(), entry.getEnteredAt().atZone(ItakuTime.ZONE).toLocalDate(),
						entry.getName(), entry.getEnteredAt());
			}
		}
		copy("lf_entry", entries);
	}

	/**
	 * Bumps a contract's generation of roster and IDs in the transaction of the change:
	 * the next check on any node reads them again.
	 * @param contractId the contract
	 */
	void changed(UUID contractId) {
		this.jdbc
			.sql("insert into log_fact_change (contract_id, generation) values (?, 1)"
					+ " on conflict (contract_id) do update set generation = log_fact_change.generation + 1")
			.param(contractId)
			.update();
	}

	/**
	 * Bumps a contract's generation of schedules in the transaction of the change: the
	 * next check on any node reads the schedules in force again.
	 * @param contractId the contract
	 */
	void schedulesChanged(UUID contractId) {
		this.jdbc
			.sql("insert into log_fact_change (contract_id, generation, schedule_generation) values (?, 0, 1)"
					+ " on conflict (contract_id) do update"
					+ " set schedule_generation = log_fact_change.schedule_generation + 1")
			.param(contractId)
			.update();
	}

	@EventListener
	void workerJoined(RosterEvents.WorkerJoined event) {
		changed(event.contractId());
	}

	@EventListener
	void workerChanged(RosterEvents.WorkerChanged event) {
		changed(event.contractId());
	}

	@EventListener
	void workerLeft(RosterEvents.WorkerLeft event) {
		changed(event.contractId());
	}

	@EventListener
	void idsChanged(ClientIdEvents.IdsChanged event) {
		changed(event.contractId());
	}

	@EventListener
	void scheduleChanged(WorkScheduleEvents.ScheduleChanged event) {
		schedulesChanged(event.contractId());
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
