package jp.itaku.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import jp.itaku.platform.ItakuTime;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The municipality's working-day calendar in Asia/Tokyo: whether a day is closed (a
 * closed weekday, a Japanese public holiday, the year-end closing), what a deadline that
 * falls on a closed day becomes, and counting in open days. Dates are {@link LocalDate}s:
 * Tokyo dates, whatever the JVM's zone.
 * <p>
 * Public holidays are known for 1980–2099 (see {@code JapaneseHolidays}); a date outside
 * those years throws {@link IllegalArgumentException}.
 */
@Component
public class WorkingCalendar {

	/**
	 * No configuration closes more than a year on end (at least one weekday stays open);
	 * a search for an open day that goes further is a fault.
	 */
	private static final int LONGEST_CLOSURE = 366;

	private final CalendarProperties properties;

	private final Clock clock;

	private final MessageSource labels;

	/**
	 * Creates the calendar.
	 * @param properties the municipality's closed weekdays, year-end closing and
	 * closed-day rule
	 * @param clock the clock that tells {@link #today()}
	 */
	public WorkingCalendar(CalendarProperties properties, Clock clock) {
		this.properties = Objects.requireNonNull(properties, "properties");
		this.clock = Objects.requireNonNull(clock, "clock");
		ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
		bundle.setBasename("calendar-labels");
		bundle.setDefaultEncoding("UTF-8");
		bundle.setFallbackToSystemLocale(false);
		this.labels = bundle;
	}

	/**
	 * Returns today's date in Tokyo.
	 * @return today in Asia/Tokyo, from the injected clock
	 */
	public LocalDate today() {
		return ItakuTime.today(this.clock);
	}

	/**
	 * Returns whether the municipality is closed on a day: a closed weekday, a Japanese
	 * public holiday (including 振替休日 and 国民の休日) or a day of the year-end closing.
	 * @param date the day
	 * @return {@code true} when closed
	 * @throws IllegalArgumentException if the date lies outside 1980–2099
	 */
	public boolean isClosed(LocalDate date) {
		return this.properties.closedWeekdays().contains(date.getDayOfWeek()) || JapaneseHolidays.on(date).isPresent()
				|| isYearEndClosing(date);
	}

	/**
	 * Returns the name of the public holiday on a day, or the label of the year-end
	 * closing for a closing day that is not a public holiday.
	 * @param date the day
	 * @param locale the reader's locale: Japanese names for Japanese, English names
	 * otherwise
	 * @return e.g. {@code 春分の日}, {@code 振替休日} or {@code 年末年始の閉庁日}; empty on an open day
	 * and on a weekend that is neither
	 * @throws IllegalArgumentException if the date lies outside 1980–2099
	 */
	public Optional<String> holidayName(LocalDate date, Locale locale) {
		Locale bundleLocale = Locale.JAPANESE.getLanguage().equals(locale.getLanguage()) ? Locale.ROOT : Locale.ENGLISH;
		Optional<PublicHoliday> holiday = JapaneseHolidays.on(date);
		if (holiday.isPresent()) {
			return Optional.of(this.labels.getMessage(holiday.get().messageKey(), null, bundleLocale));
		}
		if (isYearEndClosing(date)) {
			return Optional.of(this.labels.getMessage("calendar.yearEndClosing", null, bundleLocale));
		}
		return Optional.empty();
	}

	/**
	 * Returns when a calendar-fixed deadline is really due, by the configured
	 * {@link ClosedDayRule}; for a deadline counted from an event see
	 * {@link #dueDate(LocalDate, DeadlineKind, LocalDate)}.
	 * @param nominal the deadline as the clause or contract states it
	 * @return the deadline itself when the day is open; otherwise the previous or next
	 * open day, or the closed day itself, as the rule says
	 * @throws IllegalArgumentException if a date lies outside 1980–2099
	 */
	public LocalDate dueDate(LocalDate nominal) {
		return dueDate(nominal, this.properties.closedDayRule());
	}

	/**
	 * Returns when a deadline is really due by a given rule, for a clause or contract
	 * that states its own.
	 * @param nominal the deadline as the clause or contract states it
	 * @param rule what a deadline on a closed day becomes
	 * @return the deadline itself when the day is open; otherwise as the rule says
	 * @throws IllegalArgumentException if a date lies outside 1980–2099
	 */
	public LocalDate dueDate(LocalDate nominal, ClosedDayRule rule) {
		return switch (rule) {
			case PREVIOUS_OPEN_DAY -> openDay(nominal, -1);
			case NEXT_OPEN_DAY -> openDay(nominal, 1);
			case AS_IS -> nominal;
		};
	}

	/**
	 * Returns when a deadline is really due, by its kind: a calendar-fixed date by the
	 * configured {@link ClosedDayRule}; a deadline counted from an event never before the
	 * event, moved to the next open day when counted in days, kept on its day when
	 * counted in hours.
	 * @param nominal the deadline as the clause or contract states it
	 * @param kind how the deadline is stated
	 * @param event the day of the event it is counted from, in Tokyo (for a
	 * calendar-fixed date, the day of what it belongs to; not used)
	 * @return the due date; for a deadline counted from an event, on or after the event
	 * @throws IllegalArgumentException if a date lies outside 1980–2099
	 */
	public LocalDate dueDate(LocalDate nominal, DeadlineKind kind, LocalDate event) {
		return switch (kind) {
			case CALENDAR_FIXED -> dueDate(nominal);
			case DAYS_AFTER_EVENT -> openDay(nominal.isBefore(event) ? event : nominal, 1);
			case HOURS_AFTER_EVENT -> nominal.isBefore(event) ? event : nominal;
		};
	}

	/**
	 * Counts open days from a day: the {@code days}-th open day after {@code from}
	 * (before it, for a negative count), not counting {@code from} itself, whether or not
	 * it is open. Zero returns {@code from} unchanged, even when it is closed: counting
	 * no days moves nowhere, and {@link #dueDate(LocalDate)} settles a deadline that
	 * lands on a closed day. For example, 3 open days from Friday 9 January 2026 is
	 * Thursday 15 January (Monday 12th is 成人の日).
	 * @param from the day to count from, e.g. the day of the triggering event
	 * @param days the number of open days, negative to count backwards
	 * @return an open day for a non-zero count; {@code from} for zero
	 * @throws IllegalArgumentException if a date lies outside 1980–2099
	 */
	public LocalDate addOpenDays(LocalDate from, int days) {
		int step = Integer.signum(days);
		LocalDate date = from;
		for (int counted = 0; counted != days; counted += step) {
			date = openDay(date.plusDays(step), step);
		}
		return date;
	}

	/**
	 * Lists the closed days of a period, for display.
	 * @param from the first day of the period
	 * @param to the last day of the period, included
	 * @return the closed days in date order; empty when every day is open
	 * @throws IllegalArgumentException if {@code to} is before {@code from}, or a date
	 * lies outside 1980–2099
	 */
	public List<LocalDate> closedDaysBetween(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("The period ends (" + to + ") before it starts (" + from + ")");
		}
		List<LocalDate> closed = new ArrayList<>();
		for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
			if (isClosed(date)) {
				closed.add(date);
			}
		}
		return closed;
	}

	private boolean isYearEndClosing(LocalDate date) {
		for (MonthDayRange range : this.properties.yearEndClosing()) {
			if (range.contains(date)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The first open day from {@code date} (included) in the direction of {@code step}.
	 */
	private LocalDate openDay(LocalDate date, int step) {
		LocalDate candidate = date;
		for (int tried = 0; tried <= LONGEST_CLOSURE; tried++) {
			if (!isClosed(candidate)) {
				return candidate;
			}
			candidate = candidate.plusDays(step);
		}
		throw new IllegalStateException("No open day within a year of " + date
				+ ": check itaku.calendar.closed-weekdays and itaku.calendar.year-end-closing");
	}

}
