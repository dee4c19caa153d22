package jp.itaku.logevidence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL's COPY text format: tab-separated values, {@code \N} for null, backslash,
 * tab, newline and carriage return escaped.
 */
final class CopyText {

	private CopyText() {
	}

	static void escape(StringBuilder out, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\0' -> {
					// PostgreSQL text cannot hold NUL: dropped.
				}
				default -> out.append(c);
			}
		}
	}

	/**
	 * Writes an instant as PostgreSQL reads a timestamptz, in UTC
	 * ({@code 2026-04-01 00:00:00.250+00}); faster than {@code Instant.toString()}.
	 */
	static void instant(StringBuilder out, Instant instant) {
		LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
		out.append(t.getYear()).append('-');
		two(out, t.getMonthValue());
		out.append('-');
		two(out, t.getDayOfMonth());
		out.append(' ');
		two(out, t.getHour());
		out.append(':');
		two(out, t.getMinute());
		out.append(':');
		two(out, t.getSecond());
		int micros = t.getNano() / 1000;
		if (micros != 0) {
			out.append('.');
			String digits = Integer.toString(micros + 1_000_000);
			out.append(digits, 1, 7);
		}
		out.append("+00");
	}

	private static void two(StringBuilder out, int value) {
		out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
	}

	static String escapeAll(String value) {
		StringBuilder out = new StringBuilder(value.length() + 8);
		escape(out, value);
		return out.toString();
	}

	static void value(StringBuilder out, @Nullable String value) {
		if (value == null) {
			out.append("\\N");
		}
		else {
			escape(out, value);
		}
	}

}
