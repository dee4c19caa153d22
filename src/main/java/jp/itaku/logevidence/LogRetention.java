package jp.itaku.logevidence;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.platform.ItakuTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention of log lines (Gunma 3ウ: at least three months; each contract's own
 * retention above that): a month's partition is dropped whole, and only once the longest
 * retention of every contract with lines in it has passed since the month ended. Nothing
 * is ever deleted line by line. Daily at 03:30 in Tokyo
 * ({@code itaku.logs.retention-cron}), on one node at a time (ShedLock), with the
 * reminders' scheduler.
 */
@Component
class LogRetention {

	private static final Logger log = LoggerFactory.getLogger(LogRetention.class);

	private final LogPartitions partitions;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	LogRetention(LogPartitions partitions, JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.partitions = partitions;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Runs the purge for today (Tokyo).
	 */
	@Scheduled(cron = "${itaku.logs.retention-cron:0 30 3 * * *}", zone = "Asia/Tokyo")
	@SchedulerLock(name = "itaku-log-retention", lockAtMostFor = "${itaku.scheduling.lock-at-most-for:PT2M}")
	public void run() {
		List<YearMonth> dropped = purge(ItakuTime.today(this.clock));
		if (!dropped.isEmpty()) {
			log.info("Log partitions dropped after retention: {}", dropped);
		}
	}

	/**
	 * Drops every month whose lines all contracts may let go of by a day.
	 * @param today the day (Tokyo)
	 * @return the months dropped
	 */
	@Transactional
	public List<YearMonth> purge(LocalDate today) {
		List<YearMonth> dropped = new ArrayList<>();
		for (YearMonth month : this.partitions.existing()) {
			LocalDate keepUntil = month.plusMonths(1).atDay(1).plusMonths(retentionMonths(month));
			if (today.isBefore(keepUntil)) {
				continue;
			}
			long lines = this.jdbc.sql("select coalesce(sum(lines), 0) from log_batch_month where month = ?")
				.param(Date.valueOf(month.atDay(1)))
				.query(Long.class)
				.single();
			this.partitions.drop(month);
			this.jdbc.sql("delete from log_batch_month where month = ?").param(Date.valueOf(month.atDay(1))).update();
			this.jdbc.sql("delete from log_user_day where day >= ? and day < ?")
				.params(Date.valueOf(month.atDay(1)), Date.valueOf(month.plusMonths(1).atDay(1)))
				.update();
			this.audit.record(AuditRecord.of("LOG_PARTITION_DROPPED")
				.target("LogPartition", LogPartitions.name(month))
				.detail("month", month.toString())
				.detail("lines", lines)
				.detail("keptUntil", keepUntil));
			dropped.add(month);
		}
		return dropped;
	}

	/**
	 * The longest retention of the contracts with lines in a month (the default for one
	 * that set none; the default for an empty partition too, as a batch may be writing to
	 * it).
	 */
	private int retentionMonths(YearMonth month) {
		return this.jdbc
			.sql("select coalesce(max(coalesce(s.retention_months, :default)), :default) from (select distinct contract_id"
					+ " from log_batch_month where month = :month) m left join log_settings s on s.contract_id = m.contract_id")
			.param("default", LogSettings.DEFAULTS.retentionMonths())
			.param("month", Date.valueOf(month.atDay(1)))
			.query(Integer.class)
			.single();
	}

}
