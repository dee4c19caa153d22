package jp.itaku.logevidence;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * CSV as RFC 4180 writes it, one record a line: comma-separated fields, optionally in
 * double quotes (a quote inside doubled); the first line names the columns the mapping
 * refers to. A record spread over several lines is malformed (a log line is one line).
 */
final class CsvLineParser extends LineParser {

	private int timestamp = -1;

	private int user = -1;

	private int action = -1;

	private int target = -1;

	private int result = -1;

	private int address = -1;

	private final Map<String, Integer> extra = new LinkedHashMap<>();

	private int columns;

	/** Where each field of the line being read starts, and one past the end. */
	private int[] starts = new int[1];

	CsvLineParser(LogMapping mapping, ZoneId zone) {
		super(mapping, zone);
	}

	@Override
	boolean header(String line) {
		String text = (line.startsWith("\uFEFF")) ? line.substring(1) : line;
		List<String> names = split(text);
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			index.putIfAbsent(names.get(i).strip(), i);
		}
		this.columns = names.size();
		this.starts = new int[this.columns + 1];
		this.timestamp = column(index, this.mapping.timestamp(), true);
		this.user = column(index, this.mapping.user(), true);
		this.action = column(index, this.mapping.action(), true);
		this.target = column(index, this.mapping.target(), false);
		this.result = column(index, this.mapping.result(), false);
		this.address = column(index, this.mapping.address(), false);
		for (String name : this.mapping.extra()) {
			this.extra.put(name, column(index, name, true));
		}
		return true;
	}

	private static int column(Map<String, Integer> index, @Nullable String name, boolean required) {
		if (name == null) {
			if (required) {
				throw new MalformedLine("logevidence.malformed.header", "");
			}
			return -1;
		}
		Integer i = index.get(name);
		if (i == null) {
			throw new MalformedLine("logevidence.malformed.header", name);
		}
		return i;
	}

	@Override
	LogLine parse(String line) {
		List<String> fields = split(line);
		if (fields.size() != this.columns) {
			throw new MalformedLine("logevidence.malformed.columns", fields.size() + "/" + this.columns);
		}
		Map<String, String> more = null;
		if (!this.extra.isEmpty()) {
			more = extraMap();
			for (Map.Entry<String, Integer> e : this.extra.entrySet()) {
				more.put(e.getKey(), fields.get(e.getValue()));
			}
		}
		return line(fields.get(this.timestamp), fields.get(this.user), fields.get(this.action),
				get(fields, this.target), get(fields, this.result), get(fields, this.address), more);
	}

	/**
	 * Reads a line without a quote from its bytes: split at its commas, only the mapped
	 * fields decoded. A line with a quote is decoded whole and read as text.
	 */
	@Override
	LogLine parse(byte[] bytes, int from, int to) {
		int[] starts = this.starts;
		int commas = 0;
		starts[0] = from;
		for (int i = from; i < to; i++) {
			byte b = bytes[i];
			if (b == '"') {
				return parse(new String(bytes, from, to - from, StandardCharsets.UTF_8));
			}
			if (b == ',') {
				commas++;
				if (commas < this.columns) {
					starts[commas] = i + 1;
				}
			}
		}
		if (commas + 1 != this.columns) {
			throw new MalformedLine("logevidence.malformed.columns", (commas + 1) + "/" + this.columns);
		}
		// The field after the last: where a field ends is where the next starts, less its
		// comma.
		starts[this.columns] = to + 1;
		Map<String, String> more = null;
		if (!this.extra.isEmpty()) {
			more = extraMap();
			for (Map.Entry<String, Integer> e : this.extra.entrySet()) {
				more.put(e.getKey(), field(bytes, e.getValue()));
			}
		}
		return line(field(bytes, this.timestamp), field(bytes, this.user), field(bytes, this.action),
				field(bytes, this.target), field(bytes, this.result), field(bytes, this.address), more);
	}

	private @Nullable String field(byte[] bytes, int i) {
		if (i < 0) {
			return null;
		}
		int from = this.starts[i];
		return new String(bytes, from, this.starts[i + 1] - 1 - from, StandardCharsets.UTF_8);
	}

	private static @Nullable String get(List<String> fields, int i) {
		return (i < 0) ? null : fields.get(i);
	}

	/**
	 * Splits one CSV record.
	 * @param line the line
	 * @return its fields
	 * @throws MalformedLine on a quote left open or text after a closing quote
	 */
	static List<String> split(String line) {
		List<String> fields = new ArrayList<>();
		int n = line.length();
		int i = 0;
		while (true) {
			if (i < n && line.charAt(i) == '"') {
				StringBuilder value = new StringBuilder();
				i++;
				while (true) {
					if (i >= n) {
						throw new MalformedLine("logevidence.malformed.quote");
					}
					char c = line.charAt(i);
					if (c == '"') {
						if (i + 1 < n && line.charAt(i + 1) == '"') {
							value.append('"');
							i += 2;
							continue;
						}
						i++;
						break;
					}
					value.append(c);
					i++;
				}
				fields.add(value.toString());
				if (i == n) {
					return fields;
				}
				if (line.charAt(i) != ',') {
					throw new MalformedLine("logevidence.malformed.quote");
				}
				i++;
			}
			else {
				int comma = line.indexOf(',', i);
				int end = (comma < 0) ? n : comma;
				String value = line.substring(i, end);
				if (value.indexOf('"') >= 0) {
					throw new MalformedLine("logevidence.malformed.quote");
				}
				fields.add(value);
				if (comma < 0) {
					return fields;
				}
				i = comma + 1;
			}
		}
	}

}
