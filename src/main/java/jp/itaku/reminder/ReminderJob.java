package jp.itaku.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractStatus;
import jp.itaku.contract.ContractSystemReads;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.obligation.Obligations;
import jp.itaku.obligation.Submission;
import jp.itaku.platform.ItakuTime;
import net.javacrumbs.shedlock.core.LockAssert;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily reminder run (07:00 in Tokyo by default): reminds the contractor's leads of
 * open and returned obligations of active contracts the configured days before their due
 * date, reminds both sides on the day after it, and sends again any review outcome whose
 * mail failed. It runs on one node at a time (ShedLock), and a reminder already sent is
 * never sent again (table {@code reminder_sent}), so a second run the same day sends
 * nothing twice.
 */
@Component
public class ReminderJob {

	private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

	/** After this many failed reminders in a row the mail server is taken to be down. */
	private static final int FAILURES_TO_GIVE_UP = 3;

	private final Contracts contracts;

	private final ContractSystemReads contractReads;

	private final Obligations obligations;

	private final ObligationSystemReads obligationReads;

	private final Reminders reminders;

	private final ReviewOutcomes reviews;

	private final WorkingCalendar calendar;

	private final ReminderProperties properties;

	ReminderJob(Contracts contracts, Obligations obligations, Reminders reminders, ReviewOutcomes reviews,
			WorkingCalendar calendar, ReminderProperties properties, ContractSystemReads contractReads,
			ObligationSystemReads obligationReads) {
		this.obligationReads = obligationReads;
		this.contractReads = contractReads;
		this.contracts = contracts;
		this.obligations = obligations;
		this.reminders = reminders;
		this.reviews = reviews;
		this.calendar = calendar;
		this.properties = properties;
	}

	/**
	 * Says at start-up when no reminder will be sent for want of a mail server.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void tellWhetherMailIsSent() {
		if (!this.reminders.mailConfigured()) {
			log.info("No mail server is configured (spring.mail.host): reminders are shown in the app (お知らせ)");
		}
	}

	/**
	 * Runs the reminders for today (Tokyo) unless another node is running them; called by
	 * the scheduler.
	 */
	@Scheduled(cron = "${itaku.reminders.cron:0 0 7 * * *}", zone = "Asia/Tokyo")
	@SchedulerLock(name = "itaku-reminders", lockAtMostFor = "${itaku.scheduling.lock-at-most-for:PT2M}",
			lockAtLeastFor = "${itaku.reminders.lock-at-least-for:PT1M}")
	public void run() {
		LockAssert.assertLocked();
		runFor(this.calendar.today());
	}

	/**
	 * Sends the reminders due on a day that were not sent yet.
	 * @param today the day of the run, in Tokyo
	 * @return how many mails were sent
	 */
	public int runFor(LocalDate today) {
		List<Reminder> due = new ArrayList<>(dueReminders(today));
		due.addAll(reviewOutcomes(today));
		int sent = 0;
		int failed = 0;
		int failedInARow = 0;
		for (Reminder reminder : due) {
			Reminders.Delivery delivery;
			try {
				delivery = this.reminders.send(reminder);
			}
			catch (RuntimeException ex) {
				log.warn("Reminder {} for obligation {} not sent ({}); it is retried at the next run", reminder.kind(),
						reminder.obligation().getId(), ex.getClass().getSimpleName());
				delivery = new Reminders.Delivery(0, 0, 1);
			}
			sent += delivery.sent();
			failed += delivery.failed();
			// A message kept in a mailbox says nothing of the mail server.
			failedInARow = delivery.mailServerTookNone() ? failedInARow + 1 : 0;
			if (failedInARow >= FAILURES_TO_GIVE_UP) {
				log.warn("Reminders for {} stopped after {} failures in a row; the rest are sent at the next run",
						today, failedInARow);
				break;
			}
		}
		log.info("Reminders for {}: {} sent, {} failed", today, sent, failed);
		return sent;
	}

	// the obligations are read for the keys of active, so each finds its contract
	@SuppressWarnings("NullAway")
	private List<Reminder> dueReminders(LocalDate today) {
		Map<UUID, Contract> active = this.contractReads.allUnscoped()
			.stream()
			.filter((c) -> c.getStatus() == ContractStatus.ACTIVE)
			.collect(Collectors.toMap(Contract::getId, Function.identity()));
		List<Reminder> due = new ArrayList<>();
		for (Obligation obligation : this.obligationReads.pendingUnscoped(active.keySet())) {
			ReminderRules
				.occasion(obligation.getDueDate(), today, this.properties.daysBefore(), this.properties.catchUpDays())
				.ifPresent((o) -> due.add(new Reminder(o.kind(), o.date(), obligation,
						active.get(obligation.getContractId()), o.daysLeft(), null)));
		}
		return due;
	}

	/**
	 * Returns the review outcomes of the catch-up days; those whose mail went out when
	 * the review was made are skipped when sending.
	 */
	private List<Reminder> reviewOutcomes(LocalDate today) {
		Instant from = today.minusDays(this.properties.catchUpDays()).atStartOfDay(ItakuTime.ZONE).toInstant();
		Instant to = today.plusDays(1).atStartOfDay(ItakuTime.ZONE).toInstant();
		List<Reminder> outcomes = new ArrayList<>();
		for (Submission submission : this.obligationReads.reviewedUnscoped(from, to)) {
			this.reviews.reminderOf(submission).ifPresent(outcomes::add);
		}
		return outcomes;
	}

}
