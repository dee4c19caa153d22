package jp.itaku.calendar;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The municipality's working-day calendar: which weekdays it is closed, its year-end
 * closing, and what a deadline on a closed day becomes. Japanese public holidays are
 * always closed.
 *
 * <pre>
 * itaku.calendar.closed-day-rule=PREVIOUS_OPEN_DAY     # or NEXT_OPEN_DAY, AS_IS
 * itaku.calendar.closed-weekdays=SATURDAY,SUNDAY       # empty: open every weekday
 * itaku.calendar.year-end-closing=12-29..01-03         # comma-separated ranges; empty: none
 * </pre>
 *
 * @param closedDayRule what a calendar-fixed deadline (by the 20th, by the contract
 * start) that falls on a closed day becomes (default
 * {@link ClosedDayRule#PREVIOUS_OPEN_DAY}, 前開庁日); a deadline counted from an event never
 * moves before it ({@link DeadlineKind})
 * @param closedWeekdays the days of the week the municipality is closed (default Saturday
 * and Sunday); at least one day of the week must stay open
 * @param yearEndClosing the days closed every year besides public holidays, as ranges of
 * {@code MM-dd..MM-dd} that may wrap over the new year (default {@code 12-29..01-03}, the
 * 年末年始 of the municipal holiday ordinances under 地方自治法第4条の2)
 */
@ConfigurationProperties("itaku.calendar")
record CalendarProperties(@DefaultValue("PREVIOUS_OPEN_DAY") ClosedDayRule closedDayRule, @DefaultValue( {
		"SATURDAY", "SUNDAY" }) Set<DayOfWeek> closedWeekdays,
		@DefaultValue("12-29..01-03") List<MonthDayRange> yearEndClosing){

	/**
	 * Creates the calendar's settings; a {@code null} rule means the default,
	 * {@code null} collections mean none.
	 * @param closedDayRule what a deadline on a closed day becomes
	 * @param closedWeekdays the days of the week the municipality is closed
	 * @param yearEndClosing the ranges of days closed every year
	 * @throws IllegalArgumentException if every day of the week is closed
	 */
	public CalendarProperties {
		closedDayRule = (closedDayRule != null) ? closedDayRule : ClosedDayRule.PREVIOUS_OPEN_DAY;
		EnumSet<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
		if (closedWeekdays != null) {
			weekdays.addAll(closedWeekdays);
		}
		if (weekdays.size() == DayOfWeek.values().length) {
			throw new IllegalArgumentException(
					"itaku.calendar.closed-weekdays closes every day of the week; at least one must stay open");
		}
		closedWeekdays = Collections.unmodifiableSet(weekdays);
		yearEndClosing = (yearEndClosing != null) ? List.copyOf(yearEndClosing) : List.of();
	}

	/**
	 * Returns the defaults: 前開庁日, closed on Saturday and Sunday, year-end closing from 29
	 * December to 3 January.
	 * @return the default settings
	 */
	public static CalendarProperties defaults() {
		return new CalendarProperties(ClosedDayRule.PREVIOUS_OPEN_DAY, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
				List.of(MonthDayRange.valueOf("12-29..01-03")));
	}

}
