package jp.itaku.audit.web;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import jp.itaku.audit.AuditEntry;
import jp.itaku.audit.AuditOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV for Excel: BOM, CRLF, quoting, and no formula injection.
 */
class AuditCsvTests {

	@Test
	void startsWithABomAndQuotesWhatNeedsIt() throws Exception {
		StringWriter out = new StringWriter();
		AuditEntry entry = new AuditEntry(7, Instant.parse("2026-04-01T00:00:00Z"), null, "=cmd|' /C calc'!A0", null,
				"SIGN_IN_FAILED", null, null, "127.0.0.1", AuditOutcome.FAILURE, "{\"reason\":\"bad, \\\"quoted\\\"\"}",
				"0".repeat(64), "a".repeat(64));
		AuditCsv.write(out, List.of("記録番号", "日時", "ユーザーID", "組織ID", "操作", "対象の種類", "対象ID", "接続元", "結果", "詳細", "ハッシュ値"),
				List.of(entry));
		String csv = out.toString();
		assertThat(csv).startsWith("\uFEFF記録番号,日時");
		assertThat(csv).contains("\r\n7,2026-04-01T09:00+09:00,'=cmd|' /C calc'!A0,");
		assertThat(csv).contains("\"{\"\"reason\"\":\"\"bad, \\\"\"quoted\\\"\"\"\"}\"");
	}

	@Test
	void neutralisesFormulaPrefixes() {
		assertThat(AuditCsv.cell("+1")).isEqualTo("'+1");
		assertThat(AuditCsv.cell("-1")).isEqualTo("'-1");
		assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(AuditCsv.cell("plain")).isEqualTo("plain");
	}

}
