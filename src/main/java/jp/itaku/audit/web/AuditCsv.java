package jp.itaku.audit.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import jp.itaku.audit.AuditEntry;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.SpreadsheetCells;

import org.jspecify.annotations.Nullable;

/**
 * Writes audit entries as CSV that Excel opens correctly: UTF-8 with a byte-order mark,
 * CRLF line ends, RFC 4180 quoting, and cells that a spreadsheet would run as a formula
 * neutralised.
 */
final class AuditCsv {

	static final String BOM = "\uFEFF";

	private AuditCsv() {
	}

	static void write(Writer out, List<String> header, List<AuditEntry> entries) throws IOException {
		out.write(BOM);
		line(out, header);
		for (AuditEntry e : entries) {
			line(out,
					List.of(Long.toString(e.seq()), ItakuTime.inTokyo(e.occurredAt()).toOffsetDateTime().toString(),
							text(e.username()), text(e.organisationId()), e.action(), text(e.targetType()),
							text(e.targetId()), text(e.clientIp()), e.outcome().name(), e.details(), e.entryHash()));
		}
		out.flush();
	}

	private static void line(Writer out, List<String> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(cell(cells.get(i)));
		}
		out.write("\r\n");
	}

	static String cell(String value) {
		return SpreadsheetCells.csvField(value);
	}

	private static String text(@Nullable Object value) {
		return (value != null) ? value.toString() : "";
	}

}
