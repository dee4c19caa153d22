package jp.itaku.platform.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The in-app mailbox (お知らせ): when no mail server is configured, or the user has no e-mail
 * address, the mails Itaku would send to a user are kept here for that user
 * ({@link Mailer#send(UUID, String, String, String)}), so that a demo, a closed network
 * without SMTP or a worker without an address is still told. Each user reads only their
 * own messages; opening one marks it read.
 */
@Component
public class Mailbox {

	/** The most messages a list shows. */
	static final int LIST_LIMIT = 200;

	private static final int SUBJECT_MAX = 500;

	private final JdbcClient jdbc;

	private final Clock clock;

	Mailbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Keeps a message for a user.
	 * @param recipientId the user
	 * @param subject the mail's subject
	 * @param body the mail's text
	 */
	void keep(UUID recipientId, String subject, String body) {
		String cut = (subject.length() > SUBJECT_MAX) ? subject.substring(0, SUBJECT_MAX) : subject;
		this.jdbc.sql("""
				insert into mailbox_message (id, recipient_id, subject, body, created_at)
				values (:id, :recipient, :subject, :body, :now)
				""")
			.param("id", UUID.randomUUID())
			.param("recipient", recipientId)
			.param("subject", cut)
			.param("body", body)
			.param("now", Timestamp.from(Instant.now(this.clock)))
			.update();
	}

	/**
	 * Counts a user's unread messages.
	 * @param userId the user
	 * @return the count
	 */
	public int unread(UUID userId) {
		return this.jdbc.sql("select count(*) from mailbox_message where recipient_id = :user and read_at is null")
			.param("user", userId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Lists a user's messages, newest first.
	 * @param userId the user
	 * @return at most {@value #LIST_LIMIT} messages
	 */
	public List<Message> list(UUID userId) {
		return this.jdbc.sql("""
				select * from mailbox_message where recipient_id = :user order by created_at desc, id limit :limit
				""").param("user", userId).param("limit", LIST_LIMIT).query(Mailbox::message).list();
	}

	/**
	 * Opens one of a user's messages and marks it read.
	 * @param userId the user
	 * @param id the message
	 * @return the message, empty when it is not the user's
	 */
	public Optional<Message> open(UUID userId, UUID id) {
		this.jdbc.sql("""
				update mailbox_message set read_at = :now where id = :id and recipient_id = :user and read_at is null
				""")
			.param("now", Timestamp.from(Instant.now(this.clock)))
			.param("id", id)
			.param("user", userId)
			.update();
		return this.jdbc.sql("select * from mailbox_message where id = :id and recipient_id = :user")
			.param("id", id)
			.param("user", userId)
			.query(Mailbox::message)
			.optional();
	}

	/**
	 * Marks all of a user's messages read.
	 * @param userId the user
	 * @return how many were unread
	 */
	public int markAllRead(UUID userId) {
		return this.jdbc.sql("update mailbox_message set read_at = :now where recipient_id = :user and read_at is null")
			.param("now", Timestamp.from(Instant.now(this.clock)))
			.param("user", userId)
			.update();
	}

	private static Message message(ResultSet rs, int n) throws SQLException {
		Timestamp read = rs.getTimestamp("read_at");
		return new Message(rs.getObject("id", UUID.class), rs.getString("subject"), rs.getString("body"),
				rs.getTimestamp("created_at").toInstant(), (read != null) ? read.toInstant() : null);
	}

	/**
	 * A message kept for a user.
	 *
	 * @param id its id
	 * @param subject the mail's subject
	 * @param body the mail's text
	 * @param createdAt when it was kept
	 * @param readAt when the user opened it, or {@code null} while unread
	 */
	public record Message(UUID id, String subject, String body, Instant createdAt, @Nullable Instant readAt) {

		/**
		 * Returns whether the user has not opened it yet.
		 * @return {@code true} while unread
		 */
		public boolean unread() {
			return this.readAt == null;
		}

	}

}
