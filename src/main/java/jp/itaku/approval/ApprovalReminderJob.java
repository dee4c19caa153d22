package jp.itaku.approval;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import jp.itaku.account.AccountSystemReads;
import jp.itaku.account.UserAccount;
import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.platform.BaseUrl;
import jp.itaku.platform.Dates;
import jp.itaku.platform.mail.Mailer;
import net.javacrumbs.shedlock.core.LockAssert;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the contractor's leads of approvals that end soon (within
 * {@code itaku.approvals.remind-days}, default 14), once per approval: claimed in the
 * database with the mail in one transaction (a mail that fails is retried at the next
 * run), on one node at a time, and audited. The same approvals are listed in the leads'
 * inbox.
 */
@Component
class ApprovalReminderJob {

	private static final Logger log = LoggerFactory.getLogger(ApprovalReminderJob.class);

	private final Approvals approvals;

	private final JdbcClient jdbc;

	private final AccountSystemReads accountReads;

	private final Mailer mailer;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final WorkingCalendar calendar;

	private final TransactionTemplate eachApproval;

	private final Clock clock;

	private final int remindDays;

	private final BaseUrl baseUrl;

	ApprovalReminderJob(Approvals approvals, JdbcClient jdbc, AccountSystemReads accountReads, Mailer mailer,
			MessageSource messages, AuditTrail audit, WorkingCalendar calendar, PlatformTransactionManager transactions,
			Clock clock, @Value("${itaku.approvals.remind-days:14}") int remindDays, BaseUrl baseUrl) {
		this.approvals = approvals;
		this.jdbc = jdbc;
		this.accountReads = accountReads;
		this.mailer = mailer;
		this.messages = messages;
		this.audit = audit;
		this.calendar = calendar;
		this.eachApproval = new TransactionTemplate(transactions);
		this.eachApproval.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.remindDays = remindDays;
		this.baseUrl = baseUrl;
	}

	/**
	 * Runs for today (Tokyo) unless another node is running; called by the scheduler.
	 */
	@Scheduled(cron = "${itaku.approvals.remind-cron:0 50 7 * * *}", zone = "Asia/Tokyo")
	@SchedulerLock(name = "itaku-approval-reminders", lockAtMostFor = "${itaku.scheduling.lock-at-most-for:PT2M}",
			lockAtLeastFor = "${itaku.reminders.lock-at-least-for:PT1M}")
	public void run() {
		LockAssert.assertLocked();
		runFor(this.calendar.today());
	}

	/**
	 * Sends the reminders not sent yet of approvals that end within the configured days.
	 * @param today the day, in Tokyo
	 * @return how many approvals were reminded of
	 */
	public int runFor(LocalDate today) {
		int reminded = 0;
		for (Approvals.Pending p : this.approvals.expiringUnscoped(this.remindDays)) {
			try {
				if (Boolean.TRUE.equals(this.eachApproval.execute((status) -> remind(p)))) {
					reminded++;
				}
			}
			catch (MailException | IllegalStateException ex) {
				log.warn("Reminder of approval {} not sent ({}); it is retried at the next run", p.approval().getId(),
						ex.getClass().getSimpleName());
			}
		}
		log.info("Approvals ending soon reminded of for {}: {}", today, reminded);
		return reminded;
	}

	private boolean remind(Approvals.Pending p) {
		Approval a = p.approval();
		int claimed = this.jdbc
			.sql("update approval set expiry_reminded_at = :at where id = :id and expiry_reminded_at is null")
			.param("at", Timestamp.from(Instant.now(this.clock)))
			.param("id", a.getId())
			.update();
		if (claimed == 0) {
			return false;
		}
		Contract contract = p.contract();
		int sent = 0;
		for (UserAccount lead : this.accountReads.enabledUsersUnscoped(contract.getContractorOrganisationId(),
				ContractRoles.CONTRACTOR_LEADS)) {
			Locale locale = Mailer.localeOf(lead.getPreferredLocale());
			LocalDate until = a.getValidUntil();
			String end = (until == null) ? "" : locale.equals(Locale.JAPANESE) ? Dates.wareki(until) : until.toString();
			this.mailer.send(lead.getId(), lead.getEmail(),
					text(locale, "approval.reminder.subject", a.number(), contract.getNumber()),
					text(locale, "approval.reminder.body", lead.getDisplayName(), contract.getNumber(),
							contract.getTitle(), a.number(), text(locale, "approval.action." + a.getAction().name()),
							a.getClauseRef(), end,
							this.baseUrl.of("/contracts/" + contract.getId() + "/approvals#" + a.number())));
			sent++;
		}
		this.audit.record(AuditRecord.of("APPROVAL_EXPIRY_REMINDED")
			.target("Approval", a.getId())
			.detail("contract", contract.getId())
			.detail("number", a.number())
			.detail("validUntil", a.getValidUntil())
			.detail("recipients", sent));
		return true;
	}

	private String text(Locale locale, String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
