package jp.itaku.logevidence;

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

	static void value(StringBuilder out, String value) {
		if (value == null) {
			out.append("\\N");
		}
		else {
			escape(out, value);
		}
	}

}
