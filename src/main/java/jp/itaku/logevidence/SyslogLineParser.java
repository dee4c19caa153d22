package jp.itaku.logevidence;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Syslog messages as RFC 5424 writes them, one a line:
 * {@code <PRI>VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA [MSG]},
 * the nil value {@code -}, structured data {@code [id name="value" …]} with {@code \"},
 * {@code \\} and {@code \]} escaped. The mapping names structured-data parameters (by
 * name, or {@code id.name}) or the header's parts ({@code TIMESTAMP}, {@code HOSTNAME},
 * {@code APP-NAME}, {@code PROCID}, {@code MSGID}, {@code MSG}); unmapped, the timestamp
 * is the header's, the user the APP-NAME and the action the MSGID. Strict: anything else
 * is a malformed line.
 */
final class SyslogLineParser extends LineParser {

	SyslogLineParser(LogMapping mapping, ZoneId zone) {
		super(mapping, zone);
	}

	@Override
	LogLine parse(String line) {
		Map<String, String> values = read(line);
		Map<String, String> more = null;
		if (!this.mapping.extra().isEmpty()) {
			more = extraMap();
			for (String name : this.mapping.extra()) {
				more.put(name, values.get(name));
			}
		}
		return line(value(values, this.mapping.timestamp(), "TIMESTAMP"),
				value(values, this.mapping.user(), "APP-NAME"), value(values, this.mapping.action(), "MSGID"),
				value(values, this.mapping.target(), null), value(values, this.mapping.result(), null),
				value(values, this.mapping.address(), null), more);
	}

	private static @Nullable String value(Map<String, String> values, @Nullable String name,
			@Nullable String fallback) {
		String key = (name != null) ? name : fallback;
		return (key != null) ? values.get(key) : null;
	}

	/**
	 * Reads a message into its header parts and structured-data parameters.
	 * @param line the message
	 * @return the values by name ({@code TIMESTAMP}, …, each parameter by name and by
	 * {@code id.name}); nil values are absent
	 * @throws MalformedLine when it is no RFC 5424 message
	 */
	static Map<String, String> read(String line) {
		Map<String, String> values = new HashMap<>();
		int n = line.length();
		if (n < 4 || line.charAt(0) != '<') {
			throw new MalformedLine("logevidence.malformed.syslog", "PRI");
		}
		int close = line.indexOf('>');
		if (close < 2 || close > 4) {
			throw new MalformedLine("logevidence.malformed.syslog", "PRI");
		}
		int pri;
		try {
			pri = Integer.parseInt(line.substring(1, close));
		}
		catch (NumberFormatException ex) {
			throw new MalformedLine("logevidence.malformed.syslog", "PRI");
		}
		if (pri > 191) {
			throw new MalformedLine("logevidence.malformed.syslog", "PRI");
		}
		int[] pos = { close + 1 };
		String version = token(line, pos, "VERSION");
		if (!version.equals("1")) {
			throw new MalformedLine("logevidence.malformed.syslog", "VERSION");
		}
		put(values, "TIMESTAMP", token(line, pos, "TIMESTAMP"));
		put(values, "HOSTNAME", token(line, pos, "HOSTNAME"));
		put(values, "APP-NAME", token(line, pos, "APP-NAME"));
		put(values, "PROCID", token(line, pos, "PROCID"));
		put(values, "MSGID", token(line, pos, "MSGID"));
		int i = pos[0];
		if (i >= n) {
			throw new MalformedLine("logevidence.malformed.syslog", "STRUCTURED-DATA");
		}
		if (line.charAt(i) == '-') {
			i++;
		}
		else if (line.charAt(i) == '[') {
			while (i < n && line.charAt(i) == '[') {
				i = element(line, i + 1, values);
			}
		}
		else {
			throw new MalformedLine("logevidence.malformed.syslog", "STRUCTURED-DATA");
		}
		if (i < n) {
			if (line.charAt(i) != ' ') {
				throw new MalformedLine("logevidence.malformed.syslog", "STRUCTURED-DATA");
			}
			String msg = line.substring(i + 1);
			if (msg.startsWith("\uFEFF")) {
				msg = msg.substring(1);
			}
			put(values, "MSG", msg);
		}
		return values;
	}

	private static int element(String line, int i, Map<String, String> values) {
		int n = line.length();
		int start = i;
		while (i < n && line.charAt(i) != ' ' && line.charAt(i) != ']') {
			i++;
		}
		if (i == start || i >= n) {
			throw new MalformedLine("logevidence.malformed.syslog", "SD-ID");
		}
		String id = line.substring(start, i);
		while (i < n && line.charAt(i) == ' ') {
			i++;
			int nameStart = i;
			while (i < n && line.charAt(i) != '=') {
				char c = line.charAt(i);
				if (c == ' ' || c == ']' || c == '"') {
					throw new MalformedLine("logevidence.malformed.syslog", "SD-PARAM");
				}
				i++;
			}
			if (i == nameStart || i + 1 >= n || line.charAt(i + 1) != '"') {
				throw new MalformedLine("logevidence.malformed.syslog", "SD-PARAM");
			}
			String name = line.substring(nameStart, i);
			i += 2;
			StringBuilder value = new StringBuilder();
			while (true) {
				if (i >= n) {
					throw new MalformedLine("logevidence.malformed.syslog", "SD-PARAM");
				}
				char c = line.charAt(i);
				if (c == '\\' && i + 1 < n && "\"\\]".indexOf(line.charAt(i + 1)) >= 0) {
					value.append(line.charAt(i + 1));
					i += 2;
					continue;
				}
				if (c == '"') {
					i++;
					break;
				}
				value.append(c);
				i++;
			}
			values.putIfAbsent(name, value.toString());
			values.put(id + "." + name, value.toString());
		}
		if (i >= n || line.charAt(i) != ']') {
			throw new MalformedLine("logevidence.malformed.syslog", "SD-ELEMENT");
		}
		return i + 1;
	}

	private static String token(String line, int[] pos, String part) {
		int i = pos[0];
		int end = line.indexOf(' ', i);
		if (end < 0 || end == i) {
			throw new MalformedLine("logevidence.malformed.syslog", part);
		}
		pos[0] = end + 1;
		return line.substring(i, end);
	}

	private static void put(Map<String, String> values, String key, String value) {
		if (!value.equals("-")) {
			values.put(key, value);
		}
	}

}
