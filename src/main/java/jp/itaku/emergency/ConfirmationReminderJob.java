package jp.itaku.emergency;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import jp.itaku.account.AccountSystemReads;
import jp.itaku.account.UserAccount;
import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.contract.ContractRoles;
import jp.itaku.platform.mail.Mailer;
import net.javacrumbs.shedlock.core.LockAssert;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily confirmation reminder (07:30 in Tokyo by default): for each active contract
 * whose emergency contact list was last submitted or confirmed longer ago than
 * {@code itaku.emergency.confirm-every}, e-mails the contractor's enabled leads (as an
 * in-app notice to a lead without an address) to confirm it or submit the change — once
 * per lead and due cycle (table {@code emergency_confirmation_reminder}; each mail
 * claimed, sent and audited in its own transaction, so a failed one is tried again at the
 * next run). It runs on one node at a time (ShedLock); without a mail server
 * ({@code spring.mail.host}) every reminder is an in-app notice.
 */
@Component
class ConfirmationReminderJob {

	private static final Logger log = LoggerFactory.getLogger(ConfirmationReminderJob.class);

	private final EmergencyContacts contacts;

	private final AccountSystemReads accountReads;

	private final ConfirmationMails mails;

	private final ConfirmationReminderLog sent;

	private final Mailer mailer;

	private final AuditTrail audit;

	private final WorkingCalendar calendar;

	private final TransactionTemplate eachMail;

	private final Clock clock;

	ConfirmationReminderJob(EmergencyContacts contacts, ConfirmationMails mails, ConfirmationReminderLog sent,
			Mailer mailer, AuditTrail audit, WorkingCalendar calendar, PlatformTransactionManager transactions,
			Clock clock, AccountSystemReads accountReads) {
		this.accountReads = accountReads;
		this.contacts = contacts;
		this.mails = mails;
		this.sent = sent;
		this.mailer = mailer;
		this.audit = audit;
		this.calendar = calendar;
		this.eachMail = new TransactionTemplate(transactions);
		this.eachMail.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Runs for today (Tokyo) unless another node is running; called by the scheduler.
	 */
	@Scheduled(cron = "${itaku.emergency.cron:0 30 7 * * *}", zone = "Asia/Tokyo")
	@SchedulerLock(name = "itaku-emergency-confirmations", lockAtMostFor = "${itaku.scheduling.lock-at-most-for:PT2M}",
			lockAtLeastFor = "${itaku.reminders.lock-at-least-for:PT1M}")
	public void run() {
		LockAssert.assertLocked();
		runFor(this.calendar.today());
	}

	/**
	 * Sends the confirmation reminders due on a day that were not sent yet.
	 * @param today the day, in Tokyo
	 * @return how many mails were sent
	 */
	public int runFor(LocalDate today) {
		int delivered = 0;
		int failed = 0;
		for (EmergencyContacts.Due due : this.contacts.dueUnscoped(today)) {
			for (UserAccount lead : this.accountReads.enabledUsersUnscoped(due.contract().getContractorOrganisationId(),
					ContractRoles.CONTRACTOR_LEADS)) {
				try {
					if (sendTo(due, lead)) {
						delivered++;
					}
				}
				catch (MailException ex) {
					log.warn("Emergency contact confirmation for contract {} not sent ({}); it is retried at the next "
							+ "run", due.contract().getId(), ex.getClass().getSimpleName());
					failed++;
				}
			}
		}
		log.info("Emergency contact confirmations for {}: {} sent, {} failed", today, delivered, failed);
		return delivered;
	}

	private boolean sendTo(EmergencyContacts.Due due, UserAccount lead) {
		ConfirmationMails.Mail mail = this.mails.compose(due, this.contacts.confirmEvery(), lead);
		Boolean delivered = this.eachMail.execute((status) -> {
			if (!this.sent.claim(due.contract().getId(), due.dueOn(), lead.getId(), Instant.now(this.clock))) {
				return false;
			}
			this.mailer.send(lead.getId(), lead.getEmail(), mail.subject(), mail.body());
			this.audit.record(AuditRecord.of("EMERGENCY_CONFIRMATION_REMINDER_SENT")
				.target("Contract", due.contract().getId())
				.detail("dueOn", due.dueOn().toString())
				.detail("recipient", lead.getId()));
			return true;
		});
		return Boolean.TRUE.equals(delivered);
	}

}
