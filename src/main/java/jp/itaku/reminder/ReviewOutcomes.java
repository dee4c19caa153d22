package jp.itaku.reminder;

import java.time.LocalDate;
import java.util.Optional;

import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligations;
import jp.itaku.obligation.Submission;
import jp.itaku.obligation.SubmissionReviewed;
import jp.itaku.platform.ItakuTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the contractor's leads of each review outcome — accepted, or returned with the
 * client's comment — once the review is committed. A mail that fails is sent again by the
 * next daily run ({@link ReminderJob}); one already sent never is.
 */
@Component
class ReviewOutcomes {

	private static final Logger log = LoggerFactory.getLogger(ReviewOutcomes.class);

	private final Obligations obligations;

	private final Contracts contracts;

	private final Reminders reminders;

	ReviewOutcomes(Obligations obligations, Contracts contracts, Reminders reminders) {
		this.obligations = obligations;
		this.contracts = contracts;
		this.reminders = reminders;
	}

	/**
	 * Sends the outcome of a review after its transaction committed. Nothing here may
	 * fail the review, which is already committed: a failure is logged and left to the
	 * next run.
	 * @param event the review
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void on(SubmissionReviewed event) {
		try {
			this.obligations.findSubmissionUnscoped(event.submissionId())
				.flatMap(this::reminderOf)
				.ifPresent(this.reminders::send);
		}
		catch (RuntimeException ex) {
			log.warn("Review outcome for obligation {} not sent ({}); it is retried at the next run",
					event.obligationId(), ex.getClass().getSimpleName());
		}
	}

	/**
	 * Returns the reminder of a reviewed submission: accepted or returned, for the day of
	 * the review in Tokyo.
	 * @param submission the submission
	 * @return the reminder, unless the submission is not reviewed yet
	 */
	Optional<Reminder> reminderOf(Submission submission) {
		ReminderKind kind = switch (submission.getReviewStatus()) {
			case ACCEPTED -> ReminderKind.ACCEPTED;
			case RETURNED -> ReminderKind.RETURNED;
			default -> null;
		};
		if (kind == null || submission.getReviewedAt() == null) {
			return Optional.empty();
		}
		LocalDate day = ItakuTime.inTokyo(submission.getReviewedAt()).toLocalDate();
		return this.obligations.findUnscoped(submission.getObligationId())
			.flatMap((obligation) -> this.contracts.findUnscoped(obligation.getContractId())
				.map((contract) -> new Reminder(kind, day, obligation, contract, 0, submission)));
	}

}
