package jp.itaku.logevidence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import jp.itaku.platform.InputRules;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the lines of one source into {@link LogLine}s by the source's mapping. One parser
 * reads one batch (a CSV parser remembers the batch's header).
 */
abstract class LineParser {

	static final int USER_MAX = 200;

	static final int ACTION_MAX = 200;

	static final int RESULT_MAX = 100;

	static final int ADDRESS_MAX = 100;

	static final int TARGET_MAX = 2000;

	final LogMapping mapping;

	final ZoneId zone;

	LineParser(LogMapping mapping, ZoneId zone) {
		this.mapping = mapping;
		this.zone = zone;
	}

	/**
	 * Returns the parser for a source's batch.
	 * @param format the source's format
	 * @param mapping its mapping
	 * @param zone the zone of timestamps without offset
	 * @param json the JSON mapper (JSON Lines)
	 * @return a new parser
	 */
	static LineParser of(LogFormat format, LogMapping mapping, ZoneId zone, JsonMapper json) {
		return switch (format) {
			case CSV -> new CsvLineParser(mapping, zone);
			case JSONL -> new JsonLineParser(mapping, zone, json);
			case SYSLOG -> new SyslogLineParser(mapping, zone);
		};
	}

	/**
	 * Takes the line as the batch's header if this format has one and it is the first.
	 * @param line the first non-blank line
	 * @return {@code true} when the line was the header (it is no log line)
	 * @throws MalformedLine when the header lacks a mapped column
	 */
	boolean header(String line) {
		return false;
	}

	/**
	 * Reads one line.
	 * @param line the line, not blank
	 * @return the log line
	 * @throws MalformedLine when it cannot be read
	 */
	abstract LogLine parse(String line);

	/**
	 * Reads one line from its UTF-8 bytes; by default decodes it and reads the text.
	 * @param bytes the bytes that hold the line
	 * @param from where the line starts
	 * @param to where it ends (its terminator excluded)
	 * @return the log line
	 * @throws MalformedLine when it cannot be read
	 */
	LogLine parse(byte[] bytes, int from, int to) {
		return parse(new String(bytes, from, to - from, StandardCharsets.UTF_8));
	}

	/**
	 * Builds the line from the mapped values, checking what is required and the lengths.
	 */
	LogLine line(@Nullable String timestamp, @Nullable String user, @Nullable String action, @Nullable String target,
			@Nullable String result, @Nullable String address, @Nullable Map<String, String> extra) {
		Instant at = Timestamps.parse(timestamp, this.zone);
		return new LogLine(at, required("user", user, USER_MAX), required("action", action, ACTION_MAX),
				optional("target", target, TARGET_MAX), optional("result", result, RESULT_MAX),
				optional("address", address, ADDRESS_MAX), json(extra));
	}

	static String required(String field, @Nullable String value, int max) {
		if (value == null || value.isBlank() || value.equals("-")) {
			throw new MalformedLine("logevidence.malformed.missing", field);
		}
		// optional returns null only for a null or blank value, refused above
		return Objects.requireNonNull(optional(field, value, max));
	}

	static @Nullable String optional(String field, @Nullable String value, int max) {
		if (value == null) {
			return null;
		}
		String v = value.strip();
		if (v.isEmpty()) {
			return null;
		}
		if (v.length() > max) {
			throw new MalformedLine("logevidence.malformed.tooLong", field);
		}
		if (InputRules.hasControlCharacter(v)) {
			// NUL cannot be stored, and other controls garble the export and the
			// evidence.
			throw new MalformedLine("logevidence.malformed.control", field);
		}
		return v;
	}

	static @Nullable String json(@Nullable Map<String, String> extra) {
		if (extra == null || extra.isEmpty()) {
			return null;
		}
		// The extra fields follow the rule of the others: a control character (also DEL,
		// C1, an unpaired surrogate) makes the line malformed, naming the field.
		extra.forEach((name, value) -> {
			if (value != null && InputRules.hasControlCharacter(value)) {
				throw new MalformedLine("logevidence.malformed.control", name);
			}
		});
		StringBuilder out = new StringBuilder("{");
		for (Map.Entry<String, String> e : extra.entrySet()) {
			if (out.length() > 1) {
				out.append(',');
			}
			quote(out, e.getKey());
			out.append(':');
			if (e.getValue() == null) {
				out.append("null");
			}
			else {
				quote(out, e.getValue());
			}
		}
		return out.append('}').toString();
	}

	private static void quote(StringBuilder out, String s) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	static Map<String, String> extraMap() {
		return new LinkedHashMap<>();
	}

}
