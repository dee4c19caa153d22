package jp.itaku.emergency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The confirmation reminders sent ({@code emergency_confirmation_reminder}): one is
 * claimed for a recipient in the transaction that sends it, so that each lead gets it at
 * most once per due cycle even when two nodes try at the same moment.
 */
@Repository
class ConfirmationReminderLog {

	private final JdbcClient jdbc;

	ConfirmationReminderLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims a reminder in the current transaction.
	 * @param contractId the contract
	 * @param dueOn the day the confirmation fell due (names the cycle)
	 * @param recipientId the recipient
	 * @param now the current instant
	 * @return {@code true} when it was not sent before
	 */
	boolean claim(UUID contractId, @Nullable LocalDate dueOn, UUID recipientId, Instant now) {
		return this.jdbc.sql("""
				insert into emergency_confirmation_reminder (id, contract_id, due_on, recipient_id, sent_at)
				values (:id, :contract, :due, :recipient, :now)
				on conflict on constraint emergency_confirmation_reminder_once do nothing
				""")
			.param("id", UUID.randomUUID())
			.param("contract", contractId)
			.param("due", dueOn)
			.param("recipient", recipientId)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update() == 1;
	}

}
