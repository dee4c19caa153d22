package jp.itaku.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.itaku.account.AccountSystemReads;
import jp.itaku.account.UserAccount;
import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.platform.Role;
import jp.itaku.platform.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a reminder to each of its recipients — the contractor's enabled leads, and for an
 * overdue obligation the client's enabled officers — at most once per recipient: each
 * mail is claimed, sent and audited in its own transaction, so a failed send leaves
 * nothing behind and is tried again at the next run. Without a mail server
 * ({@code spring.mail.host}), or for a recipient without an e-mail address, the reminder
 * is kept as an in-app notice ({@link Mailer}).
 */
@Service
class Reminders {

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	private final Mailer mailer;

	private final ReminderMails mails;

	private final ReminderLog sent;

	private final AccountSystemReads accountReads;

	private final AuditTrail audit;

	private final TransactionTemplate eachMail;

	private final Clock clock;

	Reminders(Mailer mailer, ReminderMails mails, ReminderLog sent, AuditTrail audit,
			PlatformTransactionManager transactions, Clock clock, AccountSystemReads accountReads) {
		this.accountReads = accountReads;
		this.mailer = mailer;
		this.mails = mails;
		this.sent = sent;
		this.audit = audit;
		this.eachMail = new TransactionTemplate(transactions);
		this.eachMail.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Returns whether a mail server is configured; without one reminders are kept as
	 * in-app notices (お知らせ) instead of mailed.
	 * @return {@code true} when {@code spring.mail.host} is set
	 */
	boolean mailConfigured() {
		return this.mailer.configured();
	}

	/**
	 * Sends a reminder to every recipient who has not had it yet.
	 * @param reminder the reminder
	 * @return how many mails were sent and how many failed
	 */
	Delivery send(Reminder reminder) {
		int delivered = 0;
		int kept = 0;
		int failed = 0;
		for (UserAccount recipient : recipients(reminder)) {
			try {
				if (sendTo(reminder, recipient)) {
					delivered++;
					if (!this.mailer.mails(recipient.getEmail())) {
						kept++;
					}
				}
			}
			catch (MailException ex) {
				// Neither the address nor the message (which may quote it) goes into the
				// log.
				log.warn("Reminder {} for obligation {} not sent ({}); it is retried at the next run", reminder.kind(),
						reminder.obligation().getId(), ex.getClass().getSimpleName());
				failed++;
			}
		}
		return new Delivery(delivered, kept, failed);
	}

	private List<UserAccount> recipients(Reminder reminder) {
		// An obligation a subcontractor owes reminds that subcontractor's leads.
		UUID owing = reminder.obligation().getOwedBy();
		List<UserAccount> recipients = new ArrayList<>(
				reachable((owing != null) ? owing : reminder.contract().getContractorOrganisationId(),
						reminder.contractorRoles()));
		recipients.addAll(reachable(reminder.contract().getClientOrganisationId(), reminder.clientRoles()));
		return recipients;
	}

	private List<UserAccount> reachable(UUID organisationId, Set<Role> roles) {
		if (roles.isEmpty()) {
			return List.of();
		}
		return this.accountReads.enabledUsersUnscoped(organisationId, roles);
	}

	private boolean sendTo(Reminder reminder, UserAccount recipient) {
		ReminderMails.Mail mail = this.mails.compose(reminder, recipient);
		Boolean delivered = this.eachMail.execute((status) -> {
			if (!this.sent.claim(reminder, recipient.getId(), Instant.now(this.clock))) {
				return false;
			}
			this.mailer.send(recipient.getId(), recipient.getEmail(), mail.subject(), mail.body());
			AuditRecord record = AuditRecord.of("REMINDER_SENT")
				.target("Obligation", reminder.obligation().getId())
				.detail("kind", reminder.kind().name())
				.detail("date", reminder.date().toString())
				.detail("recipient", recipient.getId());
			if (reminder.submission() != null) {
				record.detail("submission", reminder.submission().getId());
			}
			this.audit.record(record);
			return true;
		});
		return Boolean.TRUE.equals(delivered);
	}

	/**
	 * What became of one reminder.
	 *
	 * @param sent reminders delivered: mails handed to the mail server, and messages kept
	 * in the in-app mailbox (without a mail server, or for a recipient without an
	 * address)
	 * @param kept of those, the messages kept in the mailbox
	 * @param failed mails the mail server did not take
	 */
	record Delivery(int sent, int kept, int failed) {

		/** Whether mails were tried and the mail server took none of them. */
		boolean mailServerTookNone() {
			return this.failed > 0 && this.sent == this.kept;
		}

	}

}
