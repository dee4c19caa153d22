package jp.itaku.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A range of days that recurs every year, both ends included, such as the year-end
 * closing {@code 12-29..01-03}; a range whose last day comes before its first wraps over
 * the new year.
 *
 * @param first the first day of the range
 * @param last the last day of the range
 */
record MonthDayRange(MonthDay first, MonthDay last) {

	private static final String SEPARATOR = "..";

	/**
	 * Creates a range.
	 * @param first the first day of the range
	 * @param last the last day of the range
	 * @throws NullPointerException if either is {@code null}
	 */
	public MonthDayRange {
		Objects.requireNonNull(first, "first");
		Objects.requireNonNull(last, "last");
	}

	/**
	 * Parses a range written as {@code MM-dd..MM-dd} (e.g. {@code 12-29..01-03}), or a
	 * single day as {@code MM-dd}. Spring Boot uses this to bind configuration
	 * properties.
	 * @param text the range
	 * @return the range
	 * @throws IllegalArgumentException if the text is not such a range
	 */
	public static MonthDayRange valueOf(String text) {
		String trimmed = text.strip();
		int separator = trimmed.indexOf(SEPARATOR);
		if (separator < 0) {
			MonthDay day = monthDay(trimmed, text);
			return new MonthDayRange(day, day);
		}
		return new MonthDayRange(monthDay(trimmed.substring(0, separator), text),
				monthDay(trimmed.substring(separator + SEPARATOR.length()), text));
	}

	/**
	 * Returns whether a date lies in this range, in whatever year.
	 * @param date the date
	 * @return {@code true} when the date's month and day lie in the range
	 */
	public boolean contains(LocalDate date) {
		MonthDay day = MonthDay.from(date);
		if (this.first.isAfter(this.last)) {
			return !day.isBefore(this.first) || !day.isAfter(this.last);
		}
		return !day.isBefore(this.first) && !day.isAfter(this.last);
	}

	/**
	 * Returns the range as written in configuration.
	 * @return e.g. {@code 12-29..01-03}
	 */
	@Override
	public String toString() {
		return format(this.first) + SEPARATOR + format(this.last);
	}

	private static MonthDay monthDay(String part, String text) {
		try {
			return MonthDay.parse("--" + part.strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"Not a range of days MM-dd..MM-dd (e.g. 12-29..01-03) or a day MM-dd: '" + text + "'", ex);
		}
	}

	private static String format(MonthDay day) {
		return day.toString().substring(2);
	}

}
