package jp.itaku.calendar;

import org.jspecify.annotations.Nullable;

/**
 * How a deadline is stated, which decides what it becomes when it lands on a closed day
 * ({@link WorkingCalendar#dueDate(java.time.LocalDate, DeadlineKind, java.time.LocalDate)}).
 * <ul>
 * <li>A date the calendar fixes (by the 20th of the previous month, by the contract
 * start, by a day the client names) follows the configured {@link ClosedDayRule}: by
 * default the open day before (前開庁日), so that it is met before the office closes.</li>
 * <li>A deadline counted from an event (直ちに, 速やかに, 遅滞なく, N days after a roster change, an
 * incident…) is never earlier than the event: it cannot fall due before what starts
 * it.</li>
 * </ul>
 */
public enum DeadlineKind {

	/**
	 * A date the clause or the contract fixes on the calendar: the configured closed-day
	 * rule ({@code itaku.calendar.closed-day-rule}, 前開庁日 by default) applies.
	 */
	CALENDAR_FIXED,

	/**
	 * Counted in days, weeks, months or years from an event (速やかに as {@code P3D}, "within
	 * 7 days"): never before the event, and when it ends on a closed day it moves to the
	 * next open day (翌開庁日), as the Civil Code (民法第142条) and the Local Autonomy Act (地方自治法
	 * 第4条の2第4項) treat periods counted in days.
	 */
	DAYS_AFTER_EVENT,

	/**
	 * Counted in hours or minutes from an event (直ちに as {@code PT1H}), or due at the
	 * event itself (before an action): the time runs by the clock, closed days included
	 * (民法第139条), so the day it ends is kept even when the office is closed — an incident
	 * on a Saturday is reported on the Saturday. Never before the event.
	 */
	HOURS_AFTER_EVENT;

	/**
	 * Returns the kind of a deadline counted from an event by the contract's or clause's
	 * ISO-8601 duration.
	 * @param iso the duration, e.g. {@code P3D} or {@code PT1H}; {@code null} or blank
	 * for a deadline at the event itself
	 * @return {@link #DAYS_AFTER_EVENT} when the duration has a date part (days, weeks,
	 * months, years), {@link #HOURS_AFTER_EVENT} otherwise
	 */
	public static DeadlineKind countedFromEvent(@Nullable String iso) {
		if (iso == null) {
			return HOURS_AFTER_EVENT;
		}
		String stripped = iso.strip();
		int time = stripped.indexOf('T');
		String datePart = (time >= 0) ? stripped.substring(0, time) : stripped;
		return (datePart.length() > 1) ? DAYS_AFTER_EVENT : HOURS_AFTER_EVENT;
	}

}
