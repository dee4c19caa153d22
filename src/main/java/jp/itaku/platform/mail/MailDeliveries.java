package jp.itaku.platform.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the mails of one occasion (an incident reported, a step of a finding, a worker
 * leaving …) at most once to each recipient, however often the listener that sends them
 * is run again: each recipient is claimed in the database ({@code mail_delivery}), mailed
 * and recorded by the caller (its audit entry) in a transaction of its own, so that a
 * failed mail leaves nothing behind and the recipients already reached are skipped when
 * the event's publication is resubmitted. A failure does not keep the other recipients
 * from being mailed; once all were tried, {@link MailNotDelivered} leaves the publication
 * incomplete.
 */
@Component
public class MailDeliveries {

	private static final Logger log = LoggerFactory.getLogger(MailDeliveries.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate eachMail;

	private final Clock clock;

	MailDeliveries(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.eachMail = new TransactionTemplate(transactions);
		this.eachMail.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Mails each recipient of an occasion who has not had its mail yet.
	 * @param <R> the type of the recipients
	 * @param occasion what the mail is about, the same every time the listener runs for
	 * one event (e.g. {@code incident-reported:<id>}); at most 200 characters
	 * @param recipients the recipients (one without an e-mail address is told in the
	 * in-app mailbox, see {@link Mailer#send(UUID, String, String, String)})
	 * @param id a recipient's identity
	 * @param send sends the mail to one recipient and records it (its audit entry); it
	 * runs in the recipient's transaction
	 * @return how many mails were sent now
	 * @throws MailNotDelivered when any mail failed (after every recipient was tried)
	 */
	public <R> int deliver(String occasion, Collection<R> recipients, Function<R, UUID> id, Consumer<R> send) {
		int sent = 0;
		int failed = 0;
		for (R recipient : recipients) {
			try {
				Boolean now = this.eachMail.execute((status) -> {
					if (!claim(occasion, id.apply(recipient))) {
						return false;
					}
					send.accept(recipient);
					return true;
				});
				if (Boolean.TRUE.equals(now)) {
					sent++;
				}
			}
			catch (MailException | IllegalStateException ex) {
				failed++;
				log.warn("Mail of {} to user {} not sent ({}); it is sent again when the event is resubmitted",
						occasion, id.apply(recipient), ex.getClass().getSimpleName());
			}
		}
		if (failed > 0) {
			throw new MailNotDelivered(occasion, failed);
		}
		return sent;
	}

	private boolean claim(String occasion, UUID recipient) {
		return this.jdbc
			.sql("insert into mail_delivery (occasion, recipient_id, sent_at) values (:occasion, :recipient, :now)"
					+ " on conflict do nothing")
			.param("occasion", occasion)
			.param("recipient", recipient)
			.param("now", Timestamp.from(Instant.now(this.clock)))
			.update() == 1;
	}

	/**
	 * Some mails of an occasion could not be sent; the others were.
	 */
	public static class MailNotDelivered extends RuntimeException {

		private static final long serialVersionUID = 1L;

		MailNotDelivered(String occasion, int failed) {
			super(failed + " mail(s) of " + occasion + " not sent");
		}

	}

}
