package jp.itaku.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats dates as officers expect them, in one format on every page: in Japanese with
 * the era and the weekday (令和8年12月7日（月）), with the Western year beside the era where both
 * are expected ({@link #dateBoth}: 令和8年（2026年）12月7日（月）), in English as
 * {@code Mon 7 Dec 2026}; instants are shown in Asia/Tokyo. Available in templates as
 * {@code @dates}. Documents (PDF forms, mails) keep the plain era date {@link #wareki}.
 */
@Component("dates")
public class Dates {

	private static final DateTimeFormatter ERA = DateTimeFormatter.ofPattern("GGGG", Locale.JAPAN)
		.withChronology(JapaneseChronology.INSTANCE);

	/**
	 * Dates already written with their era: a page shows hundreds of dates, mostly the
	 * same few, and converting to the Japanese calendar is costly. A date's text never
	 * changes, so the cache cannot go stale; it is emptied when it grows large.
	 */
	private static final Map<LocalDate, String> WAREKI = new ConcurrentHashMap<>();

	private static final int WAREKI_CACHE_SIZE = 10_000;

	private static final LocalDate MEIJI_6 = LocalDate.of(1873, 1, 1);

	private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);

	private static final String[] WEEKDAYS = { "月", "火", "水", "木", "金", "土", "日" };

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final Clock clock;

	Dates(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Formats today's Tokyo date in the reader's locale.
	 * @return today, e.g. {@code 令和8年11月22日}
	 */
	public String today() {
		return date(ItakuTime.today(this.clock));
	}

	/**
	 * Returns today's Tokyo date.
	 * @return today
	 */
	public LocalDate todayDate() {
		return ItakuTime.today(this.clock);
	}

	/**
	 * Returns whether an instant lies in the future (e.g. a lockout that still lasts).
	 * @param instant the instant, may be {@code null}
	 * @return {@code true} when set and after now
	 */
	public boolean isFuture(Instant instant) {
		return instant != null && instant.isAfter(this.clock.instant());
	}

	/**
	 * Formats a date in the reader's locale, with its weekday.
	 * @param date the date, may be {@code null}
	 * @return e.g. {@code 令和7年4月1日（火）} or {@code Tue 1 Apr 2025}; empty for {@code null}
	 */
	public String date(@Nullable LocalDate date) {
		if (date == null) {
			return "";
		}
		return isJapanese() ? wareki(date) + weekday(date) : ENGLISH.format(date);
	}

	/**
	 * Formats a date with both the era and the Western year, where officers expect both
	 * (a contract's period, a due date they write into a letter).
	 * @param date the date, may be {@code null}
	 * @return e.g. {@code 令和8年（2026年）12月7日（月）} or {@code Mon 7 Dec 2026}; empty for
	 * {@code null}
	 */
	public String dateBoth(@Nullable LocalDate date) {
		if (date == null) {
			return "";
		}
		if (!isJapanese()) {
			return ENGLISH.format(date);
		}
		String wareki = wareki(date);
		int year = wareki.indexOf('年');
		if (date.isBefore(MEIJI_6) || year < 0) {
			return wareki + weekday(date);
		}
		return wareki.substring(0, year + 1) + "（" + date.getYear() + "年）" + wareki.substring(year + 1) + weekday(date);
	}

	/**
	 * Writes a date's weekday as Japanese documents do.
	 * @param date the date
	 * @return e.g. {@code （月）}
	 */
	public static String weekday(LocalDate date) {
		return "（" + WEEKDAYS[date.getDayOfWeek().getValue() - 1] + "）";
	}

	/**
	 * Formats an instant as a Tokyo date and time in the reader's locale.
	 * @param instant the instant, may be {@code null}
	 * @return e.g. {@code 令和7年4月1日（火） 09:30} or {@code Tue 1 Apr 2025 09:30 JST}
	 */
	public String dateTime(@Nullable Instant instant) {
		if (instant == null) {
			return "";
		}
		var tokyo = ItakuTime.inTokyo(instant);
		String time = TIME.format(tokyo);
		return date(tokyo.toLocalDate()) + " " + time + (isJapanese() ? "" : " JST");
	}

	/**
	 * Formats a date with the Japanese era, writing the first year of an era as 元年.
	 * @param date the date
	 * @return e.g. {@code 令和元年5月1日}
	 */
	public static String wareki(LocalDate date) {
		String cached = WAREKI.get(date);
		if (cached != null) {
			return cached;
		}
		if (WAREKI.size() >= WAREKI_CACHE_SIZE) {
			WAREKI.clear();
		}
		if (date.isBefore(MEIJI_6)) {
			// The Japanese calendar starts with Meiji 6; an earlier date (one the old
			// input
			// checks let through) is written in the Western calendar instead of failing.
			return "西暦" + date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
		}
		JapaneseDate japanese = JapaneseDate.from(date);
		int yearOfEra = japanese.get(ChronoField.YEAR_OF_ERA);
		String year = (yearOfEra == 1) ? "元" : Integer.toString(yearOfEra);
		String text = ERA.format(japanese) + year + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
		WAREKI.put(date, text);
		return text;
	}

	private static boolean isJapanese() {
		return Locale.JAPANESE.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
	}

}
