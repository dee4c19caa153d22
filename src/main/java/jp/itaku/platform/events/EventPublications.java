package jp.itaku.platform.events;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The event publication registry as the operators see it: how many publications are
 * incomplete, stale resubmissions given up, and completed publications (with the mails
 * their listeners recorded) removed once old. Incomplete publications are never removed
 * here: they wait for their listener.
 */
@Component
public class EventPublications {

	private final JdbcClient jdbc;

	EventPublications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Returns how many publications are not completed yet (waiting, running, failed or
	 * resubmitted).
	 * @return the count
	 */
	@Transactional(readOnly = true)
	public long incomplete() {
		return this.jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single();
	}

	/**
	 * Marks as failed the resubmissions that have not completed within the given time
	 * since they were resubmitted (their node stopped while the listener ran), so that
	 * the next resubmission takes them again.
	 * @param now the time now
	 * @param after how long a resubmission may run
	 * @return how many were marked failed
	 */
	@Transactional
	public int failStaleResubmissions(Instant now, Duration after) {
		return this.jdbc
			.sql("update event_publication set status = 'FAILED' where status = 'RESUBMITTED'"
					+ " and completion_date is null and last_resubmission_date < :before")
			.param("before", Timestamp.from(now.minus(after)))
			.update();
	}

	/**
	 * Removes the publications completed before a time, and the records of the mails sent
	 * before it.
	 * @param before the time
	 * @return how many publications were removed
	 */
	@Transactional
	public int removeCompletedBefore(Instant before) {
		this.jdbc.sql("delete from mail_delivery where sent_at < :before")
			.param("before", Timestamp.from(before))
			.update();
		return this.jdbc
			.sql("delete from event_publication where completion_date is not null and completion_date < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

}
