package jp.itaku.reminder;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reminders sent ({@code reminder_sent}): a reminder is claimed for a recipient in
 * the transaction that sends it, so that it is sent at most once even when two nodes try
 * at the same moment (the second waits for the first's transaction and then finds the
 * row).
 */
@Repository
class ReminderLog {

	private final JdbcClient jdbc;

	ReminderLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims a reminder for a recipient in the current transaction.
	 * @param reminder the reminder
	 * @param recipientId the recipient
	 * @param now the current instant
	 * @return {@code true} when it was not sent before (the caller sends it and commits,
	 * or rolls back when sending fails); {@code false} when it was already sent
	 */
	boolean claim(Reminder reminder, UUID recipientId, Instant now) {
		int inserted = this.jdbc.sql("""
				insert into reminder_sent (id, obligation_id, kind, reminder_date, submission_id, recipient_id, sent_at)
				values (:id, :obligation, :kind, :date, :submission, :recipient, :now)
				on conflict on constraint reminder_sent_once do nothing
				""")
			.param("id", UUID.randomUUID())
			.param("obligation", reminder.obligation().getId())
			.param("kind", reminder.kind().name())
			.param("date", reminder.date())
			.param("submission", (reminder.submission() != null) ? reminder.submission().getId() : null, Types.OTHER)
			.param("recipient", recipientId)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
		return inserted == 1;
	}

}
