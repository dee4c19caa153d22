package jp.itaku.selfinspection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jp.itaku.account.AccountSystemReads;
import jp.itaku.account.UserAccount;
import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.ContractSystemReads;
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
 * Follows up the corrective actions of self-inspections (Kadoma 11(1)): a "no" promised
 * an action by a date; while it is not marked done, the contractor's leads are mailed
 * when it falls due within {@code itaku.self-inspections.action-remind-days} (default 3)
 * and again once it is overdue. Each stage is sent once per action, claimed in the
 * database with the mail in one transaction (a mail that fails is retried at the next
 * run), and audited.
 */
@Component
class CorrectiveActionReminderJob {

	private static final Logger log = LoggerFactory.getLogger(CorrectiveActionReminderJob.class);

	private final JdbcClient jdbc;

	private final ContractSystemReads contractReads;

	private final AccountSystemReads accountReads;

	private final Mailer mailer;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final WorkingCalendar calendar;

	private final TransactionTemplate eachAction;

	private final Clock clock;

	private final int remindDays;

	private final BaseUrl baseUrl;

	CorrectiveActionReminderJob(JdbcClient jdbc, Mailer mailer, MessageSource messages, AuditTrail audit,
			WorkingCalendar calendar, PlatformTransactionManager transactions, Clock clock,
			@Value("${itaku.self-inspections.action-remind-days:3}") int remindDays, BaseUrl baseUrl,
			ContractSystemReads contractReads, AccountSystemReads accountReads) {
		this.jdbc = jdbc;
		this.mailer = mailer;
		this.messages = messages;
		this.audit = audit;
		this.calendar = calendar;
		this.eachAction = new TransactionTemplate(transactions);
		this.eachAction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.remindDays = remindDays;
		this.baseUrl = baseUrl;
		this.contractReads = contractReads;
		this.accountReads = accountReads;
	}

	/**
	 * Runs for today (Tokyo) unless another node is running; called by the scheduler.
	 */
	@Scheduled(cron = "${itaku.self-inspections.action-cron:0 45 7 * * *}", zone = "Asia/Tokyo")
	@SchedulerLock(name = "itaku-self-inspection-actions", lockAtMostFor = "${itaku.scheduling.lock-at-most-for:PT2M}",
			lockAtLeastFor = "${itaku.reminders.lock-at-least-for:PT1M}")
	public void run() {
		LockAssert.assertLocked();
		runFor(this.calendar.today());
	}

	/**
	 * Sends the reminders a day calls for that were not sent yet.
	 * @param today the day, in Tokyo
	 * @return how many actions were followed up
	 */
	public int runFor(LocalDate today) {
		int followedUp = 0;
		for (OpenAction action : openActions(today.plusDays(this.remindDays))) {
			Stage stage = action.due().isBefore(today) ? Stage.OVERDUE : Stage.DUE_SOON;
			try {
				if (Boolean.TRUE.equals(this.eachAction.execute((status) -> remind(action, stage)))) {
					followedUp++;
				}
			}
			catch (MailException | IllegalStateException ex) {
				log.warn("Corrective action reminder for answer {} not sent ({}); it is retried at the next run",
						action.answerId(), ex.getClass().getSimpleName());
			}
		}
		log.info("Corrective actions followed up for {}: {}", today, followedUp);
		return followedUp;
	}

	private List<OpenAction> openActions(LocalDate horizon) {
		return this.jdbc.sql("""
				select a.id, i.contract_id, i.month, a.clause_ref, a.question, a.corrective_action, a.action_due
				from self_inspection_answer a join self_inspection i on i.id = a.inspection_id
				where a.answer = 'NO' and a.action_done_on is null and a.action_due <= :horizon
				order by a.action_due, a.id
				""")
			.param("horizon", horizon)
			.query((rs, n) -> new OpenAction(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class)))
			.list();
	}

	/**
	 * Claims the stage and mails the leads in one transaction; false when sent before.
	 */
	private boolean remind(OpenAction action, Stage stage) {
		int claimed = this.jdbc.sql("""
				insert into self_inspection_action_reminder (answer_id, stage, sent_at) values (:answer, :stage, :at)
				on conflict do nothing
				""")
			.param("answer", action.answerId())
			.param("stage", stage.name())
			.param("at", Timestamp.from(Instant.now(this.clock)))
			.update();
		if (claimed == 0) {
			return false;
		}
		Contract contract = this.contractReads.findUnscoped(action.contractId()).orElseThrow();
		int sent = 0;
		for (UserAccount lead : this.accountReads.enabledUsersUnscoped(contract.getContractorOrganisationId(),
				ContractRoles.CONTRACTOR_LEADS)) {
			Locale locale = Mailer.localeOf(lead.getPreferredLocale());
			String due = locale.equals(Locale.JAPANESE) ? Dates.wareki(action.due()) : action.due().toString();
			this.mailer.send(lead.getId(), lead.getEmail(),
					text(locale, "selfinspection.action.mail.subject." + stage.name(), contract.getNumber(),
							action.month()),
					text(locale, "selfinspection.action.mail.body." + stage.name(), lead.getDisplayName(),
							contract.getNumber(), contract.getTitle(), action.month(), action.clauseRef(),
							action.question(), action.correctiveAction(), due,
							this.baseUrl.of("/contracts/" + contract.getId() + "/self-inspections/" + action.month())));
			sent++;
		}
		this.audit.record(AuditRecord.of("SELF_INSPECTION_ACTION_REMINDED")
			.target("SelfInspectionAnswer", action.answerId())
			.detail("contract", contract.getId())
			.detail("month", action.month())
			.detail("stage", stage.name())
			.detail("due", action.due())
			.detail("recipients", sent));
		return true;
	}

	private String text(Locale locale, String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	enum Stage {

		DUE_SOON, OVERDUE

	}

	record OpenAction(UUID answerId, UUID contractId, String month, String clauseRef, String question,
			String correctiveAction, LocalDate due) {
	}

}
