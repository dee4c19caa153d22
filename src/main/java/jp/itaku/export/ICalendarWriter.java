package jp.itaku.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an iCalendar stream (RFC 5545) line by line: TEXT values escaped (backslash,
 * {@code ;}, {@code ,} and line breaks), every content line folded at 75 octets of UTF-8
 * without splitting a character, lines ended by CRLF. Small on purpose: the feed needs a
 * handful of properties, all of which are written here.
 */
final class ICalendarWriter {

	/** The longest content line, in octets, excluding the CRLF (RFC 5545, 3.1). */
	static final int MAX_OCTETS = 75;

	private static final String CRLF = "\r\n";

	private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final StringBuilder out = new StringBuilder();

	/**
	 * Writes a property whose value is already in its iCalendar form (a date, a URI, a
	 * name).
	 * @param name the property's name with any parameters, e.g.
	 * {@code DTSTART;VALUE=DATE}
	 * @param value the value as it is to appear
	 * @return this writer
	 */
	ICalendarWriter raw(String name, String value) {
		this.out.append(fold(name + ":" + value)).append(CRLF);
		return this;
	}

	/**
	 * Writes a property of type TEXT, escaping its value.
	 * @param name the property's name
	 * @param value the text, may contain line breaks
	 * @return this writer
	 */
	ICalendarWriter text(String name, String value) {
		return raw(name, escape(value));
	}

	/**
	 * Writes an all-day date property.
	 * @param name the property's name, e.g. {@code DTSTART}
	 * @param date the date
	 * @return this writer
	 */
	ICalendarWriter date(String name, LocalDate date) {
		return raw(name + ";VALUE=DATE", DATE.format(date));
	}

	/**
	 * Writes a date-time property in UTC.
	 * @param name the property's name, e.g. {@code DTSTAMP}
	 * @param instant the instant
	 * @return this writer
	 */
	ICalendarWriter utc(String name, Instant instant) {
		return raw(name, UTC.format(instant));
	}

	/**
	 * Returns the stream written so far.
	 * @return the iCalendar text, CRLF line ends
	 */
	@Override
	public String toString() {
		return this.out.toString();
	}

	/**
	 * Escapes a TEXT value (RFC 5545, 3.3.11): a backslash, semicolon or comma gets a
	 * backslash before it, a line break becomes backslash and {@code n}; other control
	 * characters are dropped.
	 * @param value the text, may be {@code null}
	 * @return the escaped text
	 */
	static String escape(String value) {
		if (value == null) {
			return "";
		}
		String normalised = value.replace("\r\n", "\n").replace('\r', '\n');
		StringBuilder escaped = new StringBuilder(normalised.length() + 16);
		normalised.codePoints().forEach((cp) -> {
			switch (cp) {
				case '\\' -> escaped.append("\\\\");
				case ';' -> escaped.append("\\;");
				case ',' -> escaped.append("\\,");
				case '\n' -> escaped.append("\\n");
				default -> {
					if (cp == '\t' || !Character.isISOControl(cp)) {
						escaped.appendCodePoint(cp);
					}
				}
			}
		});
		return escaped.toString();
	}

	/**
	 * Folds a content line: no physical line longer than {@value #MAX_OCTETS} octets of
	 * UTF-8, each continuation starting with a space, never inside a character.
	 * @param line the unfolded line, without its CRLF
	 * @return the folded line, physical lines joined by CRLF
	 */
	static String fold(String line) {
		StringBuilder folded = new StringBuilder(line.length() + 16);
		int octets = 0;
		int offset = 0;
		while (offset < line.length()) {
			int cp = line.codePointAt(offset);
			int length = utf8Length(cp);
			if (octets + length > MAX_OCTETS) {
				folded.append(CRLF).append(' ');
				octets = 1;
			}
			folded.appendCodePoint(cp);
			octets += length;
			offset += Character.charCount(cp);
		}
		return folded.toString();
	}

	private static int utf8Length(int codePoint) {
		if (codePoint < 0x80) {
			return 1;
		}
		if (codePoint < 0x800) {
			return 2;
		}
		return (codePoint < 0x10000) ? 3 : 4;
	}

	/**
	 * Unfolds an iCalendar stream (for reading it back): removes every CRLF followed by a
	 * space or tab.
	 * @param text the stream
	 * @return the logical lines, still CRLF-separated
	 */
	static String unfold(String text) {
		return text.replace("\r\n ", "").replace("\r\n\t", "");
	}

}
