package jp.itaku.logevidence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * Reads the timestamps logs write: ISO 8601 / RFC 3339
 * ({@code 2026-04-01T09:00:00+09:00}, {@code …Z}, fractions of a second), also with a
 * space or slashes ({@code 2026/04/01 09:00:00}); without an offset the source's zone
 * applies. Hand-written for speed (a log may have ten million lines); anything else is a
 * malformed line.
 */
final class Timestamps {

	private static final int MIN_YEAR = 2000;

	private static final int MAX_YEAR = 2100;

	/** The largest offset {@code ZoneOffset} takes: 18 hours. */
	private static final int MAX_OFFSET_SECONDS = 18 * 3600;

	/** Leap days in the years 1 to 1969. */
	private static final int LEAP_DAYS_BEFORE_1970 = 1969 / 4 - 1969 / 100 + 1969 / 400;

	/** Days of a common year before each month. */
	private static final int[] DAYS_BEFORE_MONTH = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };

	private Timestamps() {
	}

	/**
	 * Parses a timestamp.
	 * @param text the text
	 * @param zone the zone of a timestamp without offset
	 * @return the instant
	 * @throws MalformedLine when the text is no timestamp
	 */
	static Instant parse(@Nullable String text, ZoneId zone) {
		if (text == null) {
			throw new MalformedLine("logevidence.malformed.timestamp", "");
		}
		String s = text.strip();
		int n = s.length();
		if (n < 19) {
			throw bad(s);
		}
		char d1 = s.charAt(4);
		char d2 = s.charAt(7);
		char t = s.charAt(10);
		if (!((d1 == '-' && d2 == '-') || (d1 == '/' && d2 == '/')) || (t != 'T' && t != ' ' && t != 't')
				|| s.charAt(13) != ':' || s.charAt(16) != ':') {
			throw bad(s);
		}
		int year = digits(s, 0, 4);
		int month = digits(s, 5, 7);
		int day = digits(s, 8, 10);
		int hour = digits(s, 11, 13);
		int minute = digits(s, 14, 16);
		int second = digits(s, 17, 19);
		int i = 19;
		int nanos = 0;
		if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
			i++;
			int start = i;
			int scale = 100_000_000;
			while (i < n && Character.isDigit(s.charAt(i))) {
				if (scale > 0) {
					nanos += (s.charAt(i) - '0') * scale;
					scale /= 10;
				}
				i++;
			}
			if (i == start) {
				throw bad(s);
			}
		}
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw new MalformedLine("logevidence.malformed.year", s);
		}
		if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year)) || hour > 23
				|| minute > 59 || second > 59) {
			throw bad(s);
		}
		if (i == n) {
			return LocalDateTime.of(year, month, day, hour, minute, second, nanos).atZone(zone).toInstant();
		}
		long local = epochDay(year, month, day) * 86_400L + hour * 3600 + minute * 60 + second;
		char sign = s.charAt(i);
		if ((sign == 'Z' || sign == 'z') && i + 1 == n) {
			return Instant.ofEpochSecond(local, nanos);
		}
		if (i < n && s.charAt(i) == ' ') {
			i++;
			sign = (i < n) ? s.charAt(i) : 'x';
		}
		if (sign != '+' && sign != '-') {
			throw bad(s);
		}
		int offHours;
		int offMinutes = 0;
		int rest = n - i - 1;
		if (rest == 2) {
			offHours = digits(s, i + 1, i + 3);
		}
		else if (rest == 4) {
			offHours = digits(s, i + 1, i + 3);
			offMinutes = digits(s, i + 3, i + 5);
		}
		else if (rest == 5 && s.charAt(i + 3) == ':') {
			offHours = digits(s, i + 1, i + 3);
			offMinutes = digits(s, i + 4, i + 6);
		}
		else {
			throw bad(s);
		}
		int offset = offHours * 3600 + offMinutes * 60;
		if (offset > MAX_OFFSET_SECONDS) {
			throw bad(s);
		}
		return Instant.ofEpochSecond(local - ((sign == '-') ? -offset : offset), nanos);
	}

	/**
	 * The day's number from 1970-01-01 ({@code LocalDate.toEpochDay()}), without building
	 * a date: the days of the whole years since 1970 and of their leap days, of the
	 * months before and of the days before in the month. The year is in the range checked
	 * above, the month and day valid.
	 */
	static long epochDay(int year, int month, int day) {
		int before = year - 1;
		long days = 365L * (year - 1970) + (before / 4 - before / 100 + before / 400) - LEAP_DAYS_BEFORE_1970;
		days += DAYS_BEFORE_MONTH[month - 1];
		if (month > 2 && Year.isLeap(year)) {
			days++;
		}
		return days + day - 1;
	}

	private static int digits(String s, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				throw bad(s);
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static MalformedLine bad(String text) {
		return new MalformedLine("logevidence.malformed.timestamp",
				(text.length() > 40) ? text.substring(0, 40) + "…" : text);
	}

}
