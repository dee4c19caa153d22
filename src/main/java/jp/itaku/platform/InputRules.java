package jp.itaku.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.chrono.ChronoLocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The rules every input obeys, whatever the endpoint: no control characters in text (tab
 * and line breaks excepted), at most {@link #DEFAULT_MAX_LENGTH} characters unless the
 * field declares another limit with {@link TextLimit}, and dates between
 * {@link #MIN_DATE} and {@link #MAX_DATE}. The web layer applies them to every JSON body,
 * form field, request parameter and uploaded file name before a controller runs
 * ({@code platform.web.InputRulesJson}, {@code InputRulesBinding},
 * {@code InputRulesInterceptor}); modules add the narrower rules of their domain (a
 * contract's period within {@link #CALENDAR_MIN_DATE}–{@link #CALENDAR_MAX_DATE}, a
 * roster member's within the contract's).
 */
public final class InputRules {

	/**
	 * The longest text a field takes unless it declares another limit: the size of the
	 * common long-text column ({@code varchar(2000)}: comments, reasons, remarks);
	 * shorter columns are guarded by their module's own rules, longer ones declare
	 * {@link TextLimit}, and a value a column still cannot hold is answered 400 all the
	 * same ({@code platform.web.StoredValues}).
	 */
	public static final int DEFAULT_MAX_LENGTH = 2000;

	/** The most rows a list in a form grows to while it is bound. */
	public static final int MAX_LIST_SIZE = 256;

	/** The longest uploaded file name. */
	public static final int FILE_NAME_MAX_LENGTH = 255;

	/** The earliest date any input may carry. */
	public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);

	/** The latest date any input may carry. */
	public static final LocalDate MAX_DATE = LocalDate.of(2200, 12, 31);

	/**
	 * The first day the holiday calendar knows (module {@code calendar}): dates that
	 * deadlines are computed from (a contract's period) must lie within it.
	 */
	public static final LocalDate CALENDAR_MIN_DATE = LocalDate.of(1980, 1, 1);

	/** The last day the holiday calendar knows. */
	public static final LocalDate CALENDAR_MAX_DATE = LocalDate.of(2099, 12, 31);

	/** Message of a control character. */
	public static final String CONTROL_CHARACTER = "input.controlCharacter";

	/** Message of a text over its limit; argument: the limit. */
	public static final String TOO_LONG = "input.tooLong";

	/** Message of a date out of range; arguments: the first and the last day. */
	public static final String DATE_OUT_OF_RANGE = "input.dateOutOfRange";

	private InputRules() {
	}

	/**
	 * Checks a text against the rules.
	 * @param value the text, may be {@code null}
	 * @param maxLength the most characters allowed
	 * @return the broken rule, or {@code null} when the text obeys them
	 */
	public static @Nullable Violation checkText(@Nullable String value, int maxLength) {
		if (value == null) {
			return null;
		}
		if (hasControlCharacter(value)) {
			return new Violation(CONTROL_CHARACTER);
		}
		if (value.length() > maxLength && value.codePointCount(0, value.length()) > maxLength) {
			return new Violation(TOO_LONG, maxLength);
		}
		return null;
	}

	/**
	 * Returns whether a text holds a character no input may carry: C0 controls other than
	 * tab, line feed and carriage return (NUL first of all, which PostgreSQL cannot
	 * store), DEL, C1 controls, unpaired surrogates and the non-characters U+FFFE/U+FFFF.
	 * @param value the text
	 * @return {@code true} when one is present
	 */
	public static boolean hasControlCharacter(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20) {
				if (c != '\t' && c != '\n' && c != '\r') {
					return true;
				}
			}
			else if (c >= 0x7f && c <= 0x9f) {
				return true;
			}
			else if (Character.isHighSurrogate(c)) {
				if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
					return true;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
				return true;
			}
		}
		return false;
	}

	/**
	 * Checks a date-like value against {@link #MIN_DATE}–{@link #MAX_DATE}; an instant is
	 * taken as its Tokyo date.
	 * @param value a {@link LocalDate}, {@link LocalDateTime}, {@link Instant},
	 * {@link OffsetDateTime}, {@link ZonedDateTime} or {@link YearMonth}; anything else
	 * passes
	 * @return the broken rule, or {@code null}
	 */
	public static @Nullable Violation checkDate(Object value) {
		return checkDate(value, MIN_DATE, MAX_DATE);
	}

	/**
	 * Checks a date-like value against a range.
	 * @param value the value (see {@link #checkDate(Object)})
	 * @param first the first day allowed
	 * @param last the last day allowed
	 * @return the broken rule, or {@code null}
	 */
	public static @Nullable Violation checkDate(Object value, LocalDate first, LocalDate last) {
		LocalDate day = dayOf(value);
		if (day == null) {
			return null;
		}
		LocalDate lastDay = (value instanceof YearMonth) ? YearMonth.from(last).atEndOfMonth() : last;
		LocalDate firstDay = (value instanceof YearMonth) ? YearMonth.from(first).atDay(1) : first;
		if (day.isBefore(firstDay) || day.isAfter(lastDay)) {
			return new Violation(DATE_OUT_OF_RANGE, first.toString(), last.toString());
		}
		return null;
	}

	private static @Nullable LocalDate dayOf(Object value) {
		if (value instanceof ChronoLocalDate date) {
			return LocalDate.from(date);
		}
		if (value instanceof LocalDateTime time) {
			return time.toLocalDate();
		}
		if (value instanceof Instant instant) {
			if (instant.isBefore(Instant.parse("-9999-01-01T00:00:00Z"))
					|| instant.isAfter(Instant.parse("+9999-12-31T00:00:00Z"))) {
				return (instant.isBefore(Instant.EPOCH)) ? LocalDate.MIN : LocalDate.MAX;
			}
			return ItakuTime.inTokyo(instant).toLocalDate();
		}
		if (value instanceof OffsetDateTime time) {
			return time.toLocalDate();
		}
		if (value instanceof ZonedDateTime time) {
			return time.toLocalDate();
		}
		if (value instanceof YearMonth month) {
			return month.atDay(1);
		}
		return null;
	}

	/**
	 * A broken rule: the message key and its arguments.
	 *
	 * @param messageKey the message key
	 * @param arguments its arguments
	 */
	public record Violation(String messageKey, Object... arguments) {

		/**
		 * Returns the problem naming the field at fault.
		 * @param field the field
		 * @return the problem
		 */
		public InvalidInputProblem problem(String field) {
			return new InvalidInputProblem(field, this.messageKey, this.arguments);
		}

	}

}
