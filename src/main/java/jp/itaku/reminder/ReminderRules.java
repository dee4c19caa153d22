package jp.itaku.reminder;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * When an obligation still to be submitted is due a reminder: the configured days before
 * its due date (to the contractor), and the day after it (overdue, to both sides). A
 * reminder the job could not send on its day is sent on a later run within the catch-up
 * days; of several due on a run only the latest is sent, so that nobody gets a "7 days"
 * and a "3 days" mail at once.
 */
final class ReminderRules {

	private ReminderRules() {
	}

	/**
	 * Returns the reminder an obligation is due on a day.
	 * @param dueDate the obligation's due date, may be {@code null} (nothing is due)
	 * @param today the day of the run, in Tokyo
	 * @param daysBefore the days before the due date on which to remind
	 * @param catchUpDays how many days late a reminder may still be sent
	 * @return the reminder's kind and date, if one is due
	 */
	static Optional<Occasion> occasion(@Nullable LocalDate dueDate, LocalDate today, List<Integer> daysBefore,
			int catchUpDays) {
		if (dueDate == null) {
			return Optional.empty();
		}
		List<Occasion> candidates = new ArrayList<>();
		int daysLeft = (int) ChronoUnit.DAYS.between(today, dueDate);
		for (int days : daysBefore) {
			candidates.add(new Occasion(ReminderKind.BEFORE_DUE, dueDate.minusDays(days), daysLeft));
		}
		candidates.add(new Occasion(ReminderKind.OVERDUE, dueDate.plusDays(1), daysLeft));
		return candidates.stream()
			.filter((o) -> !o.date().isAfter(today) && !today.isAfter(o.date().plusDays(catchUpDays)))
			.filter((o) -> o.kind() == ReminderKind.OVERDUE || !today.isAfter(dueDate))
			.max(Comparator.comparing(Occasion::date));
	}

	/**
	 * A reminder due for an obligation.
	 *
	 * @param kind before the due date, or overdue
	 * @param date the day the reminder is for (not necessarily today, when caught up)
	 * @param daysLeft days from today to the due date (negative once overdue)
	 */
	record Occasion(ReminderKind kind, LocalDate date, int daysLeft) {
	}

}
