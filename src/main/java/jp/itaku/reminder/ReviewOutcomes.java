package jp.itaku.reminder;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jp.itaku.contract.ContractSystemReads;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.obligation.Submission;
import jp.itaku.obligation.SubmissionReviewed;
import jp.itaku.platform.ItakuTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Tells the contractor's leads of each review outcome — accepted, or returned with the
 * client's comment — once the review is committed, asynchronously, each mail in a
 * transaction of its own. A mail that fails leaves the event's publication incomplete and
 * is sent when the publication is resubmitted (or by the next daily run,
 * {@link ReminderJob}, whichever comes first); one already sent never is again
 * ({@link Reminders}).
 */
@Component
class ReviewOutcomes {

	private static final Logger log = LoggerFactory.getLogger(ReviewOutcomes.class);

	private final ObligationSystemReads obligationReads;

	private final ContractSystemReads contractReads;

	private final Reminders reminders;

	ReviewOutcomes(Reminders reminders, ContractSystemReads contractReads, ObligationSystemReads obligationReads) {
		this.obligationReads = obligationReads;
		this.contractReads = contractReads;
		this.reminders = reminders;
	}

	/**
	 * Sends the outcome of a review after its transaction committed.
	 * @param event the review
	 * @throws OutcomeNotSent when a mail failed, so that the publication stays incomplete
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SubmissionReviewed event) {
		Reminders.Delivery delivery = this.obligationReads.findSubmissionUnscoped(event.submissionId())
			.flatMap(this::reminderOf)
			.map(this.reminders::send)
			.orElse(null);
		if (delivery != null && delivery.failed() > 0) {
			log.warn("Review outcome for obligation {}: {} mail(s) not sent; sent when the event is resubmitted",
					event.obligationId(), delivery.failed());
			throw new OutcomeNotSent(event.obligationId(), delivery.failed());
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
		return this.obligationReads.findUnscoped(submission.getObligationId())
			.flatMap((obligation) -> this.contractReads.findUnscoped(obligation.getContractId())
				.map((contract) -> new Reminder(kind, day, obligation, contract, 0, submission)));
	}

	/**
	 * Some mails of a review outcome could not be sent; the others were.
	 */
	static class OutcomeNotSent extends RuntimeException {

		private static final long serialVersionUID = 1L;

		OutcomeNotSent(UUID obligationId, int failed) {
			super(failed + " review outcome mail(s) of obligation " + obligationId + " not sent");
		}

	}

}
