package jp.itaku.reminder;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a reminder is due: the configured days before the due date, the day after it
 * (overdue), a missed one caught up within the catch-up days, and only the latest of
 * several.
 */
class ReminderRulesTests {

	private static final LocalDate DUE = LocalDate.of(2026, 6, 15);

	private static final List<Integer> DAYS = List.of(7, 3, 1);

	private static ReminderRules.Occasion on(LocalDate today) {
		return ReminderRules.occasion(DUE, today, DAYS, 3).orElse(null);
	}

	@Test
	void remindsSevenThreeAndOneDayBeforeTheDueDate() {
		assertThat(on(DUE.minusDays(8))).isNull();
		assertThat(on(DUE.minusDays(7)))
			.isEqualTo(new ReminderRules.Occasion(ReminderKind.BEFORE_DUE, DUE.minusDays(7), 7));
		assertThat(on(DUE.minusDays(3)))
			.isEqualTo(new ReminderRules.Occasion(ReminderKind.BEFORE_DUE, DUE.minusDays(3), 3));
		assertThat(on(DUE.minusDays(1)))
			.isEqualTo(new ReminderRules.Occasion(ReminderKind.BEFORE_DUE, DUE.minusDays(1), 1));
	}

	@Test
	void remindsOfTheOverdueObligationTheDayAfterTheDueDate() {
		assertThat(on(DUE.plusDays(1)))
			.isEqualTo(new ReminderRules.Occasion(ReminderKind.OVERDUE, DUE.plusDays(1), -1));
	}

	@Test
	void aMissedReminderIsCaughtUpWithinTheCatchUpDaysSayingTheDaysReallyLeft() {
		assertThat(on(DUE.minusDays(6)))
			.isEqualTo(new ReminderRules.Occasion(ReminderKind.BEFORE_DUE, DUE.minusDays(7), 6));
		assertThat(on(DUE)).isEqualTo(new ReminderRules.Occasion(ReminderKind.BEFORE_DUE, DUE.minusDays(1), 0));
		assertThat(on(DUE.plusDays(4)))
			.isEqualTo(new ReminderRules.Occasion(ReminderKind.OVERDUE, DUE.plusDays(1), -4));
		assertThat(on(DUE.plusDays(5))).isNull();
		assertThat(ReminderRules.occasion(DUE, DUE.minusDays(6), DAYS, 0)).isEmpty();
	}

	@Test
	void onlyTheLatestOfSeveralDueRemindersIsSent() {
		assertThat(ReminderRules.occasion(DUE, DUE.minusDays(2), DAYS, 10))
			.contains(new ReminderRules.Occasion(ReminderKind.BEFORE_DUE, DUE.minusDays(3), 2));
	}

	@Test
	void anObligationWithoutADueDateIsNeverReminded() {
		assertThat(ReminderRules.occasion(null, DUE, DAYS, 3)).isEmpty();
	}

	@Test
	void theJobTakesTheMailServerToBeDownOnlyWhenItTookNoMailOfAReminder() {
		// delivered, of which kept in a mailbox, failed
		assertThat(new Reminders.Delivery(0, 0, 2).mailServerTookNone()).isTrue();
		// a lead without an address was told in the mailbox: still no mail went out
		assertThat(new Reminders.Delivery(1, 1, 2).mailServerTookNone()).isTrue();
		assertThat(new Reminders.Delivery(2, 1, 1).mailServerTookNone()).isFalse();
		assertThat(new Reminders.Delivery(1, 1, 0).mailServerTookNone()).isFalse();
		assertThat(new Reminders.Delivery(0, 0, 0).mailServerTookNone()).isFalse();
	}

}
