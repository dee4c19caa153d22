package jp.itaku.logevidence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.database.TransactionLocks;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules of {@link LogRule} as set-based SQL over a contract's lines of a period
 * (whole Tokyo days), joined with the {@link PeopleFacts}: one pass aggregates the lines
 * by user and hour, one pass picks out the lines of failed sign-ins and forbidden
 * operations; everything else works on those aggregates. A finding is one per rule and
 * subject (user and day, user and hour…), upserted, with up to 20 lines as evidence; an
 * open finding of the period that a run no longer finds is withdrawn. The clock rules are
 * judged while the lines are read ({@link Ingestion}).
 */
@Component
class LogChecks {

	static final int EVIDENCE_LINES = 20;

	private static final int SHIFT_GRACE_MINUTES = 30;

	/**
	 * Milliseconds of the last run on this thread: loading the facts, aggregating, the
	 * rules.
	 */
	static final ThreadLocal<long[]> PHASES = ThreadLocal.withInitial(() -> new long[3]);

	private static final String FAILURES = "('fail', 'failed', 'failure', 'ng', 'denied', 'error', 'rejected', 'reject', 'invalid')";

	private static final String LOGIN_ACTIONS = "'(log[ _-]?[io]n|sign[ _-]?in|auth)'";

	private final JdbcClient jdbc;

	private final TransactionLocks locks;

	private final PeopleFacts facts;

	LogChecks(JdbcClient jdbc, TransactionLocks locks, PeopleFacts facts) {
		this.jdbc = jdbc;
		this.locks = locks;
		this.facts = facts;
	}

	/**
	 * Runs every rule over a contract's lines of some days.
	 * @param contractId the contract
	 * @param firstDay the first day (Tokyo)
	 * @param lastDay the last day
	 * @param settings the contract's settings
	 * @param now the time of the run
	 * @return what changed
	 */
	CheckOutcome run(UUID contractId, LocalDate firstDay, LocalDate lastDay, LogSettings settings, Instant now) {
		return run(contractId, firstDay, lastDay, settings, now, null);
	}

	/**
	 * Runs every rule over a contract's lines of some days (a batch's), reading the
	 * lines' profile instead of scanning them when they are all in it. When the cached
	 * facts are stale, what their change concerns is re-checked first.
	 * @param profile the profile of every line of the contract in those days, or
	 * {@code null} to scan the lines
	 * @return what changed
	 */
	CheckOutcome run(UUID contractId, LocalDate firstDay, LocalDate lastDay, LogSettings settings, Instant now,
			Ingestion.@Nullable Profile profile) {
		// One run per contract at a time (an upload's and a background re-run's): they
		// write the same findings. The lock ends with the transaction.
		this.locks.lock("logchecks:" + contractId);
		long t0 = System.nanoTime();
		PeopleFacts.Facts facts = this.facts.ensure(contractId);
		Counter found = afterChange(contractId, facts, settings, now);
		PHASES.get()[0] = (System.nanoTime() - t0) / 1_000_000;
		found.add(period(contractId, firstDay, lastDay, settings, now, profile, facts.ids()));
		return found.outcome();
	}

	/**
	 * Runs every rule over all stored lines of a contract: after a change of rules, or on
	 * demand.
	 * @param contractId the contract
	 * @param settings the contract's settings
	 * @param now the time of the run
	 * @return what changed
	 */
	CheckOutcome recheckAll(UUID contractId, LogSettings settings, Instant now) {
		this.locks.lock("logchecks:" + contractId);
		PeopleFacts.Facts facts = this.facts.ensure(contractId);
		return all(contractId, settings, now, facts.ids()).outcome();
	}

	/**
	 * Re-checks what a change of roster, IDs or schedules concerns: the lines and days of
	 * the users whose facts changed, and every user's days of a month that gained or lost
	 * a schedule, from the per-user-day aggregates; nothing when another run (of any
	 * node) has already done it.
	 * @param contractId the contract
	 * @param settings the contract's settings
	 * @param now the time of the run
	 * @return what changed
	 */
	CheckOutcome recheckChanged(UUID contractId, LogSettings settings, Instant now) {
		this.locks.lock("logchecks:" + contractId);
		return afterChange(contractId, this.facts.ensure(contractId), settings, now).outcome();
	}

	private Counter afterChange(UUID contractId, PeopleFacts.Facts facts, LogSettings settings, Instant now) {
		return switch (facts.kind()) {
			case FRESH, FIRST -> new Counter();
			case ALL -> all(contractId, settings, now, facts.ids());
			case CHANGED ->
				(facts.users() + facts.months() == 0) ? new Counter() : changed(contractId, settings, now, facts.ids());
		};
	}

	/** The days of a contract's accepted batches, or {@code null} when it has none. */
	private LocalDate @Nullable [] range(UUID contractId) {
		var range = this.jdbc
			.sql("select min(first_at), max(last_at) from log_batch where contract_id = ? and status = 'ACCEPTED'")
			.param(contractId)
			.query((rs, n) -> new Timestamp[] { rs.getTimestamp(1), rs.getTimestamp(2) })
			.single();
		if (range[0] == null || range[1] == null) {
			return null;
		}
		return new LocalDate[] { range[0].toInstant().atZone(ItakuTime.ZONE).toLocalDate(),
				range[1].toInstant().atZone(ItakuTime.ZONE).toLocalDate() };
	}

	private Counter all(UUID contractId, LogSettings settings, Instant now, int ids) {
		LocalDate[] range = range(contractId);
		if (range == null) {
			return new Counter();
		}
		return period(contractId, range[0], range[1], settings, now, null, ids);
	}

	private Counter period(UUID contractId, LocalDate firstDay, LocalDate lastDay, LogSettings settings, Instant now,
			Ingestion.@Nullable Profile profile, int ids) {
		Instant from = firstDay.atStartOfDay(ItakuTime.ZONE).toInstant();
		Instant to = lastDay.plusDays(1).atStartOfDay(ItakuTime.ZONE).toInstant();
		long t0 = System.nanoTime();
		this.facts.loadEntries(contractId, from, to);
		PHASES.get()[0] += (System.nanoTime() - t0) / 1_000_000;
		t0 = System.nanoTime();
		String lines = (profile != null) ? loadProfile(profile)
				: "(select * from log_line where contract_id = :c and occurred_at >= :from and occurred_at < :to)";
		aggregate(contractId, from, to, settings, profile, ids > 0);
		// The per-user-day aggregates of these days are complete here: keep them, in
		// place of those kept before for the same users and days (a delete by each
		// user's range of days and a plain insert cost less than an upsert).
		this.jdbc
			.sql("delete from log_user_day k using (select distinct user_ref from lf_day) d"
					+ " where k.contract_id = :c and k.user_ref = d.user_ref and k.day between :f and :l")
			.param("c", contractId)
			.param("f", firstDay)
			.param("l", lastDay)
			.update();
		this.jdbc
			.sql("insert into log_user_day select :c, user_ref, day, n, first_at, last_at from lf_day"
					+ " where user_ref is not null")
			.param("c", contractId)
			.update();
		PHASES.get()[1] = (System.nanoTime() - t0) / 1_000_000;
		t0 = System.nanoTime();
		Timestamp at = Timestamp.from(now);
		Counter found = perDayRules(contractId, settings, ids, at);
		found.add(bulk(contractId, settings, at));
		found.add(failedLogins(contractId, from, to, settings, at, lines));
		found.add(forbidden(contractId, from, to, settings, at, lines));
		found.add(entryWithoutSchedule(contractId, at));
		found.withdrawn += this.jdbc
			.sql("delete from log_finding where contract_id = :c and status = 'OPEN' and occurred_on between :f and :l"
					+ " and rule not in ('CLOCK_FUTURE', 'CLOCK_ORDER') and checked_at < :now")
			.param("c", contractId)
			.param("f", firstDay)
			.param("l", lastDay)
			.param("now", at)
			.update();
		PHASES.get()[2] = (System.nanoTime() - t0) / 1_000_000;
		return found;
	}

	/**
	 * Re-checks the rules that depend on people for the users and months in
	 * {@code lf_changed_user} and {@code lf_changed_month}, over their days in
	 * {@code log_user_day}; the rules that depend only on lines (bulk access, failed
	 * sign-ins, forbidden operations) cannot change. The entry-without-schedule rule
	 * reads only the entry log, and is re-run as a full re-check would.
	 */
	private Counter changed(UUID contractId, LogSettings settings, Instant now, int ids) {
		LocalDate[] range = range(contractId);
		if (range == null) {
			return new Counter();
		}
		Instant from = range[0].atStartOfDay(ItakuTime.ZONE).toInstant();
		Instant to = range[1].plusDays(1).atStartOfDay(ItakuTime.ZONE).toInstant();
		this.facts.loadEntries(contractId, from, to);
		createAggregates();
		this.jdbc
			.sql("insert into lf_day select user_ref, day, n, first_at, last_at from log_user_day"
					+ " where contract_id = :c and day between :f and :l"
					+ " and (user_ref in (select user_ref from lf_changed_user)"
					+ " or date_trunc('month', day::timestamp)::date in (select month from lf_changed_month))")
			.param("c", contractId)
			.param("f", range[0])
			.param("l", range[1])
			.update();
		annotate(contractId, settings, ids > 0);
		Timestamp at = Timestamp.from(now);
		Counter found = perDayRules(contractId, settings, ids, at);
		found.add(entryWithoutSchedule(contractId, at));
		found.withdrawn += this.jdbc
			.sql("delete from log_finding f where contract_id = :c and status = 'OPEN' and checked_at < :now"
					+ " and ((rule in ('ID_UNKNOWN', 'ID_REVOKED', 'HOLDER_INACTIVE', 'NOT_SCHEDULED',"
					+ " 'ACTIVITY_WITHOUT_ENTRY', 'OUTSIDE_HOURS') and exists (select 1 from lf_ud u"
					+ " where u.user_ref = f.user_ref and u.day = f.occurred_on))"
					+ " or (rule = 'ENTRY_WITHOUT_SCHEDULE' and occurred_on between :f and :l))")
			.param("c", contractId)
			.param("f", range[0])
			.param("l", range[1])
			.param("now", at)
			.update();
		return found;
	}

	/** The rules over the (user, day) aggregates of {@code lf_ud}. */
	private Counter perDayRules(UUID contractId, LogSettings settings, int ids, Timestamp at) {
		Counter found = new Counter();
		if (ids > 0) {
			found.add(perDay(contractId, LogRule.ID_UNKNOWN, "not u.issued", null, at));
			found.add(perDay(contractId, LogRule.ID_REVOKED, "u.issued and u.member_id is null", null, at));
			found
				.add(perDay(contractId, LogRule.HOLDER_INACTIVE, "u.member_id is not null and not u.active", null, at));
			found.add(perDay(contractId, LogRule.NOT_SCHEDULED, "u.active and u.sched_month and u.starts is null", null,
					at));
			if (settings.requiresEntry()) {
				found.add(perDay(contractId, LogRule.ACTIVITY_WITHOUT_ENTRY, "u.active and not u.entered", null, at));
			}
		}
		String local = "(e.occurred_at at time zone 'Asia/Tokyo')::time";
		found.add(perDay(contractId, LogRule.OUTSIDE_HOURS,
				"(u.active or not u.has_ids) and ((u.lo is not null and (u.first_at at time zone 'Asia/Tokyo')::time < u.lo)"
						+ " or (u.hi is not null and (u.last_at at time zone 'Asia/Tokyo')::time > u.hi))",
				"((g.lo is not null and " + local + " < g.lo) or (g.hi is not null and " + local + " > g.hi))", at));
		return found;
	}

	/**
	 * Returns whether a line is one the line-level rules (failed sign-ins, forbidden
	 * operations) look at: the same predicates as their SQL.
	 * @param settings the contract's settings
	 * @return the predicate
	 */
	static Predicate<LogLine> candidates(LogSettings settings) {
		Pattern login = Pattern.compile(LOGIN_ACTIONS.replace("'", ""), Pattern.CASE_INSENSITIVE);
		Set<String> failures = Set.of(FAILURES.replaceAll("[()' ]", "").split(","));
		List<String[]> forbidden = settings.forbiddenList().stream().map((entry) -> {
			int colon = entry.indexOf(':');
			String action = ((colon < 0) ? entry : entry.substring(0, colon).strip()).toLowerCase(Locale.ROOT);
			String keyword = (colon < 0) ? "" : entry.substring(colon + 1).strip();
			return new String[] { action, keyword };
		}).toList();
		return (line) -> {
			if (line.result() != null && failures.contains(line.result().toLowerCase(Locale.ROOT))
					&& login.matcher(line.action()).find()) {
				return true;
			}
			if (forbidden.isEmpty()) {
				return false;
			}
			String action = line.action().toLowerCase(Locale.ROOT);
			for (String[] f : forbidden) {
				if (action.equals(f[0])
						&& (f[1].isEmpty() || (line.target() != null && line.target().contains(f[1])))) {
					return true;
				}
			}
			return false;
		};
	}

	private String loadProfile(Ingestion.Profile profile) {
		this.jdbc
			.sql("create temp table if not exists lf_candidate (user_ref varchar(200), occurred_at timestamptz,"
					+ " action varchar(200), target text, result varchar(100)) on commit drop")
			.update();
		this.jdbc.sql("truncate lf_candidate").update();
		StringBuilder rows = new StringBuilder();
		for (LogLine line : profile.candidates) {
			rows.append(CopyText.escapeAll(line.user())).append('\t').append(line.occurredAt()).append('\t');
			CopyText.value(rows, line.action());
			rows.append('\t');
			CopyText.value(rows, line.target());
			rows.append('\t');
			CopyText.value(rows, line.result());
			rows.append('\n');
		}
		this.facts.copy("lf_candidate", rows);
		return "lf_candidate";
	}

	private void createAggregates() {
		this.jdbc
			.sql("create temp table if not exists lf_uh (user_ref varchar(200), hour timestamptz, n bigint,"
					+ " first_at timestamptz, last_at timestamptz) on commit drop")
			.update();
		this.jdbc
			.sql("create temp table if not exists lf_day (user_ref varchar(200), day date, n bigint,"
					+ " first_at timestamptz, last_at timestamptz) on commit drop")
			.update();
		this.jdbc
			.sql("create temp table if not exists lf_ud (user_ref varchar(200), day date, n bigint,"
					+ " first_at timestamptz, last_at timestamptz, has_ids boolean not null, issued boolean not null,"
					+ " member_id uuid, active boolean not null, sched_month boolean not null, starts time, ends time,"
					+ " entered boolean not null, lo time, hi time) on commit drop")
			.update();
		this.jdbc.sql("truncate lf_uh, lf_day, lf_ud").update();
	}

	private void aggregate(UUID contractId, Instant from, Instant to, LogSettings settings,
			Ingestion.@Nullable Profile profile, boolean hasIds) {
		createAggregates();
		if (profile != null) {
			// From the batch's profile: only the hours above the threshold go to lf_uh
			// (the bulk
			// rule is all that reads it), and the days are summed here.
			StringBuilder hours = new StringBuilder();
			StringBuilder days = new StringBuilder();
			for (var byUser : profile.hours.entrySet()) {
				String user = CopyText.escapeAll(byUser.getKey());
				Map<LocalDate, long[]> byDay = new HashMap<>();
				TokyoDay current = new TokyoDay();
				byUser.getValue().forEach((hour, lines, first, last) -> {
					if (lines > settings.bulkPerHour()) {
						hours.append(user).append('\t');
						CopyText.instant(hours, Instant.ofEpochMilli(hour));
						hours.append('\t').append(lines).append('\t');
						CopyText.instant(hours, Instant.ofEpochMilli(first));
						hours.append('\t');
						CopyText.instant(hours, Instant.ofEpochMilli(last));
						hours.append('\n');
					}
					long[] d = current.of(hour, byDay);
					d[0] += lines;
					d[1] = Math.min(d[1], first);
					d[2] = Math.max(d[2], last);
				});
				for (var day : byDay.entrySet()) {
					long[] d = day.getValue();
					days.append(user).append('\t').append(day.getKey()).append('\t').append(d[0]).append('\t');
					CopyText.instant(days, Instant.ofEpochMilli(d[1]));
					days.append('\t');
					CopyText.instant(days, Instant.ofEpochMilli(d[2]));
					days.append('\n');
				}
			}
			this.facts.copy("lf_uh", hours);
			this.facts.copy("lf_day", days);
		}
		else {
			this.jdbc.sql("insert into lf_uh select user_ref, date_trunc('hour', occurred_at, 'Asia/Tokyo'), count(*),"
					+ " min(occurred_at), max(occurred_at) from log_line where contract_id = :c and occurred_at >= :from"
					+ " and occurred_at < :to group by 1, 2")
				.param("c", contractId)
				.param("from", Timestamp.from(from))
				.param("to", Timestamp.from(to))
				.update();
		}
		if (profile == null) {
			this.jdbc
				.sql("insert into lf_day select user_ref, (hour at time zone 'Asia/Tokyo')::date, sum(n),"
						+ " min(first_at), max(last_at) from lf_uh group by 1, 2")
				.update();
		}
		annotate(contractId, settings, hasIds);
	}

	/**
	 * Who held each ID value when, for the contract {@code :c}: one row per value and
	 * span of days ({@code value, from_day, to_day}, {@code to_day} exclusive and
	 * {@code null} for the last span) with the member whose ID it was ({@code member_id},
	 * {@code null} when the ID it resolves to was revoked by then). On a day of a span,
	 * of the IDs of that value issued by that day, the one still valid that day and
	 * issued last (then the lowest member id) is the one; a day before the value's first
	 * issue is in no span. The spans start at each ID's issue and the day after each
	 * revocation: between two such days no ID of the value is issued or revoked, so the
	 * choice made for a span's first day holds for all of it. The choice is thus made
	 * once per value and span (a few hundred rows) instead of once per user and day (tens
	 * of thousands in a year's batch), and the days are joined to their span by value.
	 */
	static final String HOLDERS = """
			select distinct on (s.value, s.from_day) s.value, s.from_day, s.to_day,
			  case when i.revoked_on is null or s.from_day <= i.revoked_on then i.member_id end as member_id
			from (select b.value, b.day as from_day, lead(b.day) over (partition by b.value order by b.day) as to_day
			  from (select value, issued_on as day from log_fact_id where contract_id = :c and issued_on is not null
			    union select value, revoked_on + 1 from log_fact_id where contract_id = :c and revoked_on is not null) b) s
			join log_fact_id i on i.contract_id = :c and i.value = s.value and i.issued_on <= s.from_day
			order by s.value, s.from_day, (i.revoked_on is null or s.from_day <= i.revoked_on) desc, i.issued_on desc,
			  i.member_id""";

	/**
	 * Joins the (user, day) aggregates of {@code lf_day} with the facts into
	 * {@code lf_ud}, in one statement that joins each fact once (each is at most one row
	 * a day: a member's period, a scheduled month, a shift, an entry) rather than probing
	 * for it day by day: the ID a user name was on that day ({@link #HOLDERS}; of the IDs
	 * still valid that day, the one issued last; {@code issued} when any ID of that value
	 * was issued by that day, revoked since or not), what follows from its holder
	 * (active, month scheduled, shift, entered), and the hours allowed. The month is
	 * truncated as a {@code timestamp}: as a {@code timestamptz} (a date's default cast)
	 * each day went through the session's time zone. {@code lf_day} is not analysed: the
	 * planner reads a temporary table never analysed by its size, and joins by hash
	 * either way (an {@code analyze} took a tenth of the checks of a year's batch).
	 */
	private void annotate(UUID contractId, LogSettings settings, boolean hasIds) {
		String grace = "interval '" + SHIFT_GRACE_MINUTES + " minutes'";
		this.jdbc
			.sql("""
					insert into lf_ud
					select d.user_ref, d.day, d.n, d.first_at, d.last_at, :has, h.value is not null, h.member_id,
					  coalesce(m.first_day <= d.day and (m.last_day is null or d.day <= m.last_day), false),
					  o.month is not null,
					  s.starts, s.ends,
					  e.member_id is not null,
					  greatest(cast(:af as time), case when s.starts is null then null
					    when s.starts < time '00:00' + %1$s then time '00:00' else s.starts - %1$s end),
					  least(cast(:at as time), case when s.ends is null then null
					    when s.ends > time '23:59:59' - %1$s then time '23:59:59' else s.ends + %1$s end)
					from lf_day d
					left join (%2$s) h
					  on h.value = d.user_ref and d.day >= h.from_day and (h.to_day is null or d.day < h.to_day)
					left join log_fact_shift s on s.contract_id = :c and s.member_id = h.member_id and s.day = d.day
					left join log_fact_member m on m.contract_id = :c and m.member_id = h.member_id
					left join log_fact_month o on o.contract_id = :c and o.month = date_trunc('month', d.day::timestamp)::date
					left join (select distinct member_id, day from lf_entry) e on e.member_id = h.member_id and e.day = d.day
					"""
				.formatted(grace, HOLDERS))
			.param("c", contractId)
			.param("has", hasIds)
			.param("af", settings.allowedFrom())
			.param("at", settings.allowedTo())
			.update();
	}

	/**
	 * A rule over the (user, day) aggregates.
	 * @param condition which aggregates are findings ({@code u.…})
	 * @param linePredicate which of the day's lines are evidence ({@code e.…},
	 * {@code g.…}), or {@code null} for all
	 */
	private Counter perDay(UUID contractId, LogRule rule, String condition, @Nullable String linePredicate,
			Timestamp now) {
		String predicate = (linePredicate != null) ? " and " + linePredicate : "";
		String count = (linePredicate != null)
				? "(select count(*) from log_line e where e.contract_id = :c and e.user_ref = g.user_ref"
						+ " and e.occurred_at >= g.first_at and e.occurred_at <= g.last_at" + predicate + ")"
				: "g.n";
		String sql = "insert into log_finding (id, contract_id, rule, clause_ref, severity, subject, user_ref,"
				+ " occurred_on, line_count, evidence, status, found_at, checked_at)"
				+ " select gen_random_uuid(), :c, :rule, :clause, :severity, g.user_ref || '|' || g.day, g.user_ref,"
				+ " g.day, " + count + ", "
				+ evidence("e.user_ref = g.user_ref and e.occurred_at >= g.first_at" + " and e.occurred_at <= g.last_at"
						+ predicate)
				+ ", 'OPEN', :now, :now from lf_ud g where " + condition.replace("u.", "g.") + upsert();
		return upsertCount(sql, contractId, rule, now);
	}

	private Counter bulk(UUID contractId, LogSettings settings, Timestamp now) {
		String sql = "insert into log_finding (id, contract_id, rule, clause_ref, severity, subject, user_ref,"
				+ " occurred_on, line_count, evidence, status, found_at, checked_at)"
				+ " select gen_random_uuid(), :c, :rule, :clause, :severity,"
				+ " g.user_ref || '|' || to_char(g.hour at time zone 'Asia/Tokyo', 'YYYY-MM-DD\"T\"HH24'), g.user_ref,"
				+ " (g.hour at time zone 'Asia/Tokyo')::date, g.n, "
				+ evidence("e.user_ref = g.user_ref and e.occurred_at >= g.first_at and e.occurred_at <= g.last_at")
				+ ", 'OPEN', :now, :now from lf_uh g where g.n > :limit" + upsert();
		return upsertCount(sql, contractId, LogRule.BULK_ACCESS, now, "limit", settings.bulkPerHour());
	}

	private Counter failedLogins(UUID contractId, Instant from, Instant to, LogSettings settings, Timestamp now,
			String lines) {
		this.jdbc
			.sql("create temp table if not exists lf_fail (user_ref varchar(200), bin timestamptz, n bigint,"
					+ " first_at timestamptz, last_at timestamptz) on commit drop")
			.update();
		this.jdbc.sql("truncate lf_fail").update();
		this.jdbc
			.sql("insert into lf_fail select user_ref, date_bin(make_interval(mins => :minutes), occurred_at,"
					+ " timestamptz '2000-01-01 00:00:00+09'), count(*), min(occurred_at), max(occurred_at)" + " from "
					+ lines + " l where true" + " and lower(result) in " + FAILURES + " and action ~* " + LOGIN_ACTIONS
					+ " group by 1, 2 having count(*) >= :burst")
			.param("minutes", settings.failedLoginMinutes())
			.param("c", contractId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("burst", settings.failedLoginBurst())
			.update();
		String sql = "insert into log_finding (id, contract_id, rule, clause_ref, severity, subject, user_ref,"
				+ " occurred_on, line_count, evidence, status, found_at, checked_at)"
				+ " select gen_random_uuid(), :c, :rule, :clause, :severity,"
				+ " g.user_ref || '|' || to_char(g.bin at time zone 'Asia/Tokyo', 'YYYY-MM-DD\"T\"HH24:MI'), g.user_ref,"
				+ " (g.bin at time zone 'Asia/Tokyo')::date, g.n, "
				+ evidence("e.user_ref = g.user_ref and e.occurred_at >= g.first_at and e.occurred_at <= g.last_at"
						+ " and lower(e.result) in " + FAILURES + " and e.action ~* " + LOGIN_ACTIONS)
				+ ", 'OPEN', :now, :now from lf_fail g" + upsert();
		return upsertCount(sql, contractId, LogRule.FAILED_LOGIN_BURST, now);
	}

	private Counter forbidden(UUID contractId, Instant from, Instant to, LogSettings settings, Timestamp now,
			String lines) {
		List<String> entries = settings.forbiddenList();
		if (entries.isEmpty()) {
			return new Counter();
		}
		this.jdbc
			.sql("create temp table if not exists lf_forbidden (entry text, action text, keyword text) on commit drop")
			.update();
		this.jdbc.sql("truncate lf_forbidden").update();
		for (String entry : entries) {
			int colon = entry.indexOf(':');
			String action = (colon < 0) ? entry : entry.substring(0, colon).strip();
			String keyword = (colon < 0) ? null : entry.substring(colon + 1).strip();
			this.jdbc.sql("insert into lf_forbidden values (:e, lower(:a), :k)")
				.param("e", entry)
				.param("a", action)
				.param("k", (keyword == null || keyword.isEmpty()) ? null : keyword)
				.update();
		}
		String match = "lower(e.action) = f.action and (f.keyword is null or strpos(e.target, f.keyword) > 0)";
		this.jdbc
			.sql("create temp table if not exists lf_forbidden_hit (user_ref varchar(200), day date, entry text,"
					+ " n bigint, first_at timestamptz, last_at timestamptz) on commit drop")
			.update();
		this.jdbc.sql("truncate lf_forbidden_hit").update();
		// Like the failed sign-ins, from the batch's candidate lines when there is a
		// profile (the parser kept every line that matches a forbidden entry), else from
		// the stored lines of the period.
		this.jdbc
			.sql("insert into lf_forbidden_hit select e.user_ref, (e.occurred_at at time zone 'Asia/Tokyo')::date,"
					+ " f.entry, count(*), min(e.occurred_at), max(e.occurred_at) from " + lines
					+ " e join lf_forbidden f on " + match + " group by 1, 2, 3")
			.param("c", contractId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.update();
		String sql = "insert into log_finding (id, contract_id, rule, clause_ref, severity, subject, user_ref,"
				+ " occurred_on, line_count, evidence, status, found_at, checked_at)"
				+ " select gen_random_uuid(), :c, :rule, :clause, :severity,"
				+ " g.user_ref || '|' || g.day || '|' || g.entry, g.user_ref, g.day, g.n, "
				+ evidence("e.user_ref = g.user_ref and e.occurred_at >= g.first_at and e.occurred_at <= g.last_at"
						+ " and exists (select 1 from lf_forbidden f where f.entry = g.entry and " + match + ")")
				+ ", 'OPEN', :now, :now from lf_forbidden_hit g" + upsert();
		return upsertCount(sql, contractId, LogRule.FORBIDDEN_OPERATION, now);
	}

	private Counter entryWithoutSchedule(UUID contractId, Timestamp now) {
		String sql = "insert into log_finding (id, contract_id, rule, clause_ref, severity, subject, user_ref,"
				+ " occurred_on, line_count, evidence, status, found_at, checked_at)"
				+ " select gen_random_uuid(), :c, :rule, :clause, :severity, g.member_id || '|' || g.day, g.name,"
				+ " g.day, count(*), jsonb_agg(jsonb_build_object('entry', g.name, 'at', to_char(g.entered_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD\"T\"HH24:MI:SS') || '+09:00')"
				+ " order by g.entered_at), 'OPEN', :now, :now from lf_entry g"
				+ " where exists (select 1 from log_fact_month s where s.contract_id = :c"
				+ " and s.month = date_trunc('month', g.day::timestamp)::date) and not exists (select 1 from log_fact_shift s"
				+ " where s.contract_id = :c and s.member_id = g.member_id and s.day = g.day)"
				+ " group by g.member_id, g.day, g.name" + upsert();
		return upsertCount(sql, contractId, LogRule.ENTRY_WITHOUT_SCHEDULE, now);
	}

	private static String evidence(String where) {
		return "(select coalesce(jsonb_agg(jsonb_build_object('batch', x.batch_id, 'line', x.line_no, 'at', to_char(x.occurred_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD\"T\"HH24:MI:SS') || '+09:00',"
				+ " 'user', x.user_ref, 'action', x.action, 'target', left(x.target, 200), 'result', x.result)"
				+ " order by x.occurred_at, x.line_no), '[]'::jsonb) from (select * from log_line e"
				+ " where e.contract_id = :c and " + where + " order by e.occurred_at, e.line_no limit "
				+ EVIDENCE_LINES + ") x)";
	}

	private static String upsert() {
		return " on conflict (contract_id, rule, subject) do update set line_count = excluded.line_count,"
				+ " evidence = excluded.evidence, checked_at = excluded.checked_at returning (xmax = 0)";
	}

	private Counter upsertCount(String sql, UUID contractId, LogRule rule, Timestamp now, Object... more) {
		var spec = this.jdbc.sql(sql)
			.param("c", contractId)
			.param("rule", rule.name())
			.param("clause", rule.clause())
			.param("severity", rule.severity().name())
			.param("now", now);
		for (int i = 0; i < more.length; i += 2) {
			spec = spec.param((String) more[i], more[i + 1]);
		}
		// A finding's evidence and line count read a few lines of one user and day: the
		// partitions' block-range index finds them, but the planner, without statistics
		// of partitions just written, would scan the whole month for each finding.
		this.jdbc.sql("set local enable_seqscan = off").update();
		List<Boolean> rows = spec.query(Boolean.class).list();
		this.jdbc.sql("reset enable_seqscan").update();
		Counter counter = new Counter();
		for (Boolean inserted : rows) {
			if (Boolean.TRUE.equals(inserted)) {
				counter.inserted++;
			}
			else {
				counter.updated++;
			}
		}
		return counter;
	}

	/**
	 * The Tokyo day of an hour and its aggregate ({@code lines, first, last}): a user's
	 * hours come mostly in order, so the day is worked out through the zone only when an
	 * hour falls outside the last one's.
	 */
	private static final class TokyoDay {

		private long start = Long.MAX_VALUE;

		private long end = Long.MIN_VALUE;

		private long[] aggregate = new long[3];

		long[] of(long hour, Map<LocalDate, long[]> byDay) {
			if (hour < this.start || hour >= this.end) {
				LocalDate day = Instant.ofEpochMilli(hour).atZone(ItakuTime.ZONE).toLocalDate();
				this.start = day.atStartOfDay(ItakuTime.ZONE).toInstant().toEpochMilli();
				this.end = day.plusDays(1).atStartOfDay(ItakuTime.ZONE).toInstant().toEpochMilli();
				this.aggregate = byDay.computeIfAbsent(day, (key) -> new long[] { 0, Long.MAX_VALUE, Long.MIN_VALUE });
			}
			return this.aggregate;
		}

	}

	private static final class Counter {

		int inserted;

		int updated;

		int withdrawn;

		void add(Counter other) {
			this.inserted += other.inserted;
			this.updated += other.updated;
			this.withdrawn += other.withdrawn;
		}

		CheckOutcome outcome() {
			return new CheckOutcome(this.inserted, this.updated, this.withdrawn);
		}

	}

}
