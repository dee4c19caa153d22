package jp.itaku.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The municipality's working days: what is closed, what a deadline on a closed day
 * becomes under each rule, counting in open days, and settings that change the calendar.
 */
class WorkingCalendarTests {

	/**
	 * 15:30 UTC on 31 March 2026: already 1 April in Tokyo, still 31 March in New York.
	 */
	private final Clock clock = Clock.fixed(Instant.parse("2026-03-31T15:30:00Z"), ZoneOffset.UTC);

	private final WorkingCalendar calendar = new WorkingCalendar(CalendarProperties.defaults(), this.clock);

	@ParameterizedTest(name = "{0} is closed")
	@CsvSource({ "2026-06-13", "2026-06-14", // a Saturday and a Sunday
			"2026-09-22", // 国民の休日
			"2025-11-24", // 振替休日
			"2026-12-29", "2026-12-30", "2026-12-31", "2027-01-02", "2027-01-03", // 年末年始
			"2027-01-01" })
	void weekendsHolidaysAndTheYearEndClosingAreClosed(LocalDate date) {
		assertThat(this.calendar.isClosed(date)).isTrue();
	}

	@ParameterizedTest(name = "{0} is open")
	@CsvSource({ "2026-06-10", // an ordinary Wednesday
			"2026-12-28", "2027-01-04", // either side of the year-end closing
			"2026-12-23" // no longer the Emperor's birthday
	})
	void ordinaryWeekdaysAreOpen(LocalDate date) {
		assertThat(this.calendar.isClosed(date)).isFalse();
	}

	@Test
	void holidaysAreNamedInTheReadersLanguage() {
		LocalDate citizensHoliday = LocalDate.of(2026, 9, 22);
		assertThat(this.calendar.holidayName(citizensHoliday, Locale.JAPANESE)).contains("国民の休日");
		assertThat(this.calendar.holidayName(citizensHoliday, Locale.JAPAN)).contains("国民の休日");
		assertThat(this.calendar.holidayName(citizensHoliday, Locale.ENGLISH)).contains("Citizens' holiday");
		assertThat(this.calendar.holidayName(citizensHoliday, Locale.FRENCH)).contains("Citizens' holiday");
		assertThat(this.calendar.holidayName(LocalDate.of(2027, 3, 22), Locale.JAPANESE)).contains("振替休日");
		assertThat(this.calendar.holidayName(LocalDate.of(2026, 3, 20), Locale.JAPANESE)).contains("春分の日");
		assertThat(this.calendar.holidayName(LocalDate.of(2026, 2, 23), Locale.ENGLISH))
			.contains("The Emperor's Birthday");
	}

	@Test
	void theYearEndClosingIsNamedUnlessAHolidayFallsOnIt() {
		assertThat(this.calendar.holidayName(LocalDate.of(2026, 12, 30), Locale.JAPANESE)).contains("年末年始の閉庁日");
		assertThat(this.calendar.holidayName(LocalDate.of(2026, 12, 30), Locale.ENGLISH)).contains("Year-end closing");
		assertThat(this.calendar.holidayName(LocalDate.of(2027, 1, 1), Locale.JAPANESE)).contains("元日");
	}

	@Test
	void openDaysAndPlainWeekendsHaveNoName() {
		assertThat(this.calendar.holidayName(LocalDate.of(2026, 6, 10), Locale.JAPANESE)).isEmpty();
		assertThat(this.calendar.holidayName(LocalDate.of(2026, 6, 13), Locale.JAPANESE)).isEmpty();
	}

	@ParameterizedTest(name = "{0} under {1} is due {2}")
	@CsvSource({
			// An open day is due as it is, whatever the rule.
			"2026-06-10, PREVIOUS_OPEN_DAY, 2026-06-10", "2026-06-10, NEXT_OPEN_DAY, 2026-06-10",
			// A Saturday.
			"2026-06-13, PREVIOUS_OPEN_DAY, 2026-06-12", "2026-06-13, NEXT_OPEN_DAY, 2026-06-15",
			"2026-06-13, AS_IS, 2026-06-13",
			// A three-day weekend: Saturday 18 July to 海の日 Monday 20 July 2026.
			"2026-07-20, PREVIOUS_OPEN_DAY, 2026-07-17", "2026-07-20, NEXT_OPEN_DAY, 2026-07-21",
			"2026-07-20, AS_IS, 2026-07-20",
			// Silver Week: Saturday 19 to Wednesday 23 September 2026.
			"2026-09-22, PREVIOUS_OPEN_DAY, 2026-09-18", "2026-09-22, NEXT_OPEN_DAY, 2026-09-24",
			// Golden Week: Saturday 2 to Wednesday 6 May 2026.
			"2026-05-05, PREVIOUS_OPEN_DAY, 2026-05-01", "2026-05-05, NEXT_OPEN_DAY, 2026-05-07",
			// New Year's Eve: the closing runs from Tuesday 29 December; 4 January 2027
			// is a Monday.
			"2026-12-31, PREVIOUS_OPEN_DAY, 2026-12-28", "2026-12-31, NEXT_OPEN_DAY, 2027-01-04",
			"2026-12-31, AS_IS, 2026-12-31" })
	void aDeadlineOnAClosedDayMovesAsTheRuleSays(LocalDate nominal, ClosedDayRule rule, LocalDate due) {
		assertThat(this.calendar.dueDate(nominal, rule)).isEqualTo(due);
		CalendarProperties defaults = CalendarProperties.defaults();
		WorkingCalendar configured = new WorkingCalendar(
				new CalendarProperties(rule, defaults.closedWeekdays(), defaults.yearEndClosing()), this.clock);
		assertThat(configured.dueDate(nominal)).isEqualTo(due);
	}

	@Test
	void theDefaultRuleIsThePreviousOpenDay() {
		assertThat(this.calendar.dueDate(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2026, 12, 28));
	}

	@ParameterizedTest(name = "{2} from {0}, nominally {1}: due {3}")
	@CsvSource({
			// A monthly report due on the 20th: Sunday 20 December 2026 moves to Friday
			// the 18th, as before.
			"2026-12-20, 2026-12-20, CALENDAR_FIXED, 2026-12-18",
			// A roster change on Sunday 6 December 2026, 直ちに (1 hour): that Sunday.
			"2026-12-06, 2026-12-06, HOURS_AFTER_EVENT, 2026-12-06",
			// The same counted in days lands on the Sunday: the Monday after.
			"2026-12-03, 2026-12-06, DAYS_AFTER_EVENT, 2026-12-07",
			// 速やかに (3 days) from a Saturday incident: Tuesday, an open day, unchanged.
			"2026-12-05, 2026-12-08, DAYS_AFTER_EVENT, 2026-12-08",
			// 3 days from Monday 28 December 2026 is New Year's Eve: the first open day
			// after the year-end closing.
			"2026-12-28, 2026-12-31, DAYS_AFTER_EVENT, 2027-01-04",
			// Never before the event, whatever the nominal date says.
			"2026-12-06, 2026-12-04, HOURS_AFTER_EVENT, 2026-12-06",
			"2026-12-06, 2026-12-04, DAYS_AFTER_EVENT, 2026-12-07" })
	void aDeadlineIsSettledByItsKind(LocalDate event, LocalDate nominal, DeadlineKind kind, LocalDate due) {
		assertThat(this.calendar.dueDate(nominal, kind, event)).isEqualTo(due);
		if (kind != DeadlineKind.CALENDAR_FIXED) {
			assertThat(due).isAfterOrEqualTo(event);
		}
	}

	@Test
	void aDeadlineCountedFromAnEventIsNeverBeforeItWhateverTheClosedDayRule() {
		CalendarProperties defaults = CalendarProperties.defaults();
		for (ClosedDayRule rule : ClosedDayRule.values()) {
			WorkingCalendar configured = new WorkingCalendar(
					new CalendarProperties(rule, defaults.closedWeekdays(), defaults.yearEndClosing()), this.clock);
			for (LocalDate event = LocalDate.of(2026, 12, 1); event
				.isBefore(LocalDate.of(2027, 1, 10)); event = event.plusDays(1)) {
				for (DeadlineKind kind : List.of(DeadlineKind.HOURS_AFTER_EVENT, DeadlineKind.DAYS_AFTER_EVENT)) {
					assertThat(configured.dueDate(event, kind, event)).as(rule + " " + kind + " " + event)
						.isAfterOrEqualTo(event);
				}
			}
		}
	}

	@ParameterizedTest(name = "{0} counts in {1}")
	@CsvSource({ "P3D, DAYS_AFTER_EVENT", "P1W, DAYS_AFTER_EVENT", "P1M, DAYS_AFTER_EVENT", "P1DT2H, DAYS_AFTER_EVENT",
			"PT1H, HOURS_AFTER_EVENT", "PT48H, HOURS_AFTER_EVENT", "PT30M, HOURS_AFTER_EVENT",
			"'', HOURS_AFTER_EVENT" })
	void theKindOfADeadlineCountedFromAnEventFollowsItsUnit(String iso, DeadlineKind kind) {
		assertThat(DeadlineKind.countedFromEvent(iso)).isEqualTo(kind);
	}

	@Test
	void aDeadlineAtTheEventItselfIsKeptOnItsDay() {
		assertThat(DeadlineKind.countedFromEvent(null)).isEqualTo(DeadlineKind.HOURS_AFTER_EVENT);
	}

	@ParameterizedTest(name = "{1} open days from {0} is {2}")
	@CsvSource({
			// Monday 12 January 2026 is 成人の日.
			"2026-01-09, 3, 2026-01-15",
			// Across Golden Week 2026.
			"2026-04-28, 3, 2026-05-07", "2026-05-07, -1, 2026-05-01", "2026-05-07, -4, 2026-04-27",
			// Across the year-end closing.
			"2026-12-25, 2, 2027-01-04",
			// Counting from a closed day: the first open day after it is the first
			// counted.
			"2026-06-13, 1, 2026-06-15", "2026-06-13, -1, 2026-06-12",
			// Zero moves nowhere, even from a closed day.
			"2026-06-10, 0, 2026-06-10", "2026-06-13, 0, 2026-06-13" })
	void countingInOpenDaysSkipsClosedDays(LocalDate from, int days, LocalDate expected) {
		assertThat(this.calendar.addOpenDays(from, days)).isEqualTo(expected);
	}

	@Test
	void closedDaysOfAPeriodInOrder() {
		assertThat(this.calendar.closedDaysBetween(LocalDate.of(2026, 4, 27), LocalDate.of(2026, 5, 10)))
			.containsExactly(LocalDate.of(2026, 4, 29), LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 3),
					LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 5), LocalDate.of(2026, 5, 6),
					LocalDate.of(2026, 5, 9), LocalDate.of(2026, 5, 10));
		assertThat(this.calendar.closedDaysBetween(LocalDate.of(2026, 6, 10), LocalDate.of(2026, 6, 10))).isEmpty();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.calendar.closedDaysBetween(LocalDate.of(2026, 6, 10), LocalDate.of(2026, 6, 9)));
	}

	@Test
	void withoutAYearEndClosingOnlyTheHolidaysOfTheNewYearAreClosed() {
		WorkingCalendar noClosing = new WorkingCalendar(new CalendarProperties(ClosedDayRule.PREVIOUS_OPEN_DAY,
				CalendarProperties.defaults().closedWeekdays(), List.of()), this.clock);
		assertThat(noClosing.isClosed(LocalDate.of(2026, 12, 29))).isFalse();
		assertThat(noClosing.isClosed(LocalDate.of(2026, 12, 31))).isFalse();
		assertThat(noClosing.isClosed(LocalDate.of(2027, 1, 1))).isTrue();
		assertThat(noClosing.holidayName(LocalDate.of(2026, 12, 30), Locale.JAPANESE)).isEmpty();
		assertThat(noClosing.dueDate(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2026, 12, 31));
	}

	@Test
	void anotherClosingCanBeAdded() {
		WorkingCalendar obon = new WorkingCalendar(
				new CalendarProperties(ClosedDayRule.PREVIOUS_OPEN_DAY, CalendarProperties.defaults().closedWeekdays(),
						List.of(MonthDayRange.valueOf("12-29..01-03"), MonthDayRange.valueOf("08-13..08-14"))),
				this.clock);
		assertThat(obon.isClosed(LocalDate.of(2026, 8, 13))).isTrue();
		assertThat(obon.isClosed(LocalDate.of(2026, 8, 12))).isFalse();
		assertThat(obon.dueDate(LocalDate.of(2026, 8, 14))).isEqualTo(LocalDate.of(2026, 8, 12));
	}

	@Test
	void openOnSaturdays() {
		WorkingCalendar saturdays = new WorkingCalendar(new CalendarProperties(ClosedDayRule.PREVIOUS_OPEN_DAY,
				EnumSet.of(DayOfWeek.SUNDAY), CalendarProperties.defaults().yearEndClosing()), this.clock);
		assertThat(saturdays.isClosed(LocalDate.of(2026, 6, 13))).isFalse();
		assertThat(saturdays.dueDate(LocalDate.of(2026, 6, 14))).isEqualTo(LocalDate.of(2026, 6, 13));
		assertThat(saturdays.addOpenDays(LocalDate.of(2026, 6, 12), 1)).isEqualTo(LocalDate.of(2026, 6, 13));
		// Holidays stay closed on a Saturday.
		assertThat(saturdays.isClosed(LocalDate.of(2030, 2, 23))).isTrue();
	}

	@Test
	void todayIsTokyosDateWhateverTheJvmZone() {
		TimeZone jvmZone = TimeZone.getDefault();
		try {
			TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Pago_Pago"));
			assertThat(this.calendar.today()).isEqualTo(LocalDate.of(2026, 4, 1));
		}
		finally {
			TimeZone.setDefault(jvmZone);
		}
		assertThat(this.calendar.today()).isEqualTo(LocalDate.of(2026, 4, 1));
	}

	@Test
	void datesOutsideTheKnownYearsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.calendar.isClosed(LocalDate.of(2100, 1, 4)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.calendar.dueDate(LocalDate.of(2099, 12, 31), ClosedDayRule.NEXT_OPEN_DAY));
	}

	@Test
	void aCalendarClosedEveryWeekdayIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CalendarProperties(ClosedDayRule.AS_IS, Set.of(DayOfWeek.values()), List.of()));
	}

}
