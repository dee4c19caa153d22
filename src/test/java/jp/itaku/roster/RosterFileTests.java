package jp.itaku.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading roster files as municipalities keep them: Shift_JIS and UTF-8 CSV, Excel
 * workbooks, Japanese role names, あり/なし and ○/×, Western and Japanese-era dates, and
 * every unreadable value reported with its line and column.
 */
class RosterFileTests {

	private static final Charset SJIS = Charset.forName("windows-31j");

	private static final String HEADER = "氏名,所属,役割,担当業務,作業場所,個人情報の取扱い,授受,専門性,実績,従事開始日,従事終了予定日\r\n";

	@Test
	void aShiftJisCsvWithJapaneseLabelsIsRead() {
		String csv = HEADER + "山田 太郎,データ入力課,業務責任者,進行管理,本社 5階,あり,○,PM,自治体案件 3件,2026/4/1,令和9年3月31日\r\n"
				+ "鈴木 花子,データ入力課,従事者,入力,\"本社 5階, 入力室\",○,×,,,2026-04-01,\r\n";
		RosterFile.Parsed parsed = RosterFile.read(csv.getBytes(SJIS));

		assertThat(parsed.encoding()).isEqualTo("Shift_JIS");
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.headerLine()).isEqualTo(1);
		assertThat(parsed.rows()).hasSize(2);
		RosterMemberForm yamada = parsed.rows().get(0).form();
		assertThat(yamada.getName()).isEqualTo("山田 太郎");
		assertThat(yamada.getRole()).isEqualTo(WorkerRole.WORK_LEAD);
		assertThat(yamada.isHandlesPersonalInformation()).isTrue();
		assertThat(yamada.isHandoverPerson()).isTrue();
		assertThat(yamada.getPeriodStart()).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(yamada.getPlannedEnd()).isEqualTo(LocalDate.of(2027, 3, 31));
		assertThat(yamada.getTrackRecord()).isEqualTo("自治体案件 3件");
		RosterMemberForm suzuki = parsed.rows().get(1).form();
		assertThat(suzuki.getRole()).isEqualTo(WorkerRole.WORKER);
		assertThat(suzuki.getWorkLocation()).isEqualTo("本社 5階, 入力室");
		assertThat(suzuki.isHandoverPerson()).isFalse();
		assertThat(suzuki.getExpertise()).isNull();
		assertThat(suzuki.getPlannedEnd()).isNull();
		assertThat(parsed.rows()).extracting(RosterFile.Entry::line).containsExactly(2, 3);
	}

	@Test
	void utf8WithAndWithoutBomIsRecognisedAndShiftJisIsNotMistakenForIt() {
		String csv = HEADER + "髙橋 一郎,所属,統括責任者,,,,,,,2026/4/1,\n";
		byte[] utf8 = csv.getBytes(StandardCharsets.UTF_8);
		byte[] bom = new byte[utf8.length + 3];
		bom[0] = (byte) 0xEF;
		bom[1] = (byte) 0xBB;
		bom[2] = (byte) 0xBF;
		System.arraycopy(utf8, 0, bom, 3, utf8.length);

		assertThat(RosterFile.read(utf8).encoding()).isEqualTo("UTF-8");
		RosterFile.Parsed withBom = RosterFile.read(bom);
		assertThat(withBom.encoding()).isEqualTo("UTF-8 (BOM)");
		assertThat(withBom.problems()).isEmpty();
		// 髙 is a windows-31j (IBM extension) character that plain Shift_JIS lacks.
		assertThat(withBom.rows().get(0).form().getName()).isEqualTo("髙橋 一郎");
		assertThat(RosterFile.read(csv.getBytes(SJIS)).rows().get(0).form().getName()).isEqualTo("髙橋 一郎");
		assertThat(RosterFile.decode(new byte[] { (byte) 0xFF, (byte) 0xFE, 'A', 0 })).isNull();
	}

	@Test
	void everyUnreadableValueIsReportedWithItsLineAndColumnAndBlankLinesAreCounted() {
		String csv = HEADER + "山田 太郎,課,従事者,,,あり,なし,,,2026/4/1,\r\n" + "佐藤 次郎,課,従事者,,,あり,なし,,,2026/13/45,\r\n"
				+ ",,,,,,,,,,\r\n" + "\r\n" + "田中 三郎,課,部長,,,たぶん,なし,,,R8.4.1,\r\n";
		RosterFile.Parsed parsed = RosterFile.read(csv.getBytes(SJIS));

		assertThat(parsed.rows()).extracting(RosterFile.Entry::line).containsExactly(2, 3, 6);
		assertThat(parsed.blankLines()).isEqualTo(2);
		assertThat(parsed.problems())
			.extracting(RosterFile.Problem::line, RosterFile.Problem::field, RosterFile.Problem::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "periodStart", "roster.import.badDate"),
					org.assertj.core.groups.Tuple.tuple(6, "role", "roster.import.badRole"),
					org.assertj.core.groups.Tuple.tuple(6, "handlesPersonalInformation", "roster.import.badYesNo"));
		assertThat(parsed.rows().get(1).unreadable()).containsExactly("periodStart");
		assertThat(parsed.rows().get(2).form().getPeriodStart()).isEqualTo(LocalDate.of(2026, 4, 1));
	}

	@Test
	void aFileWithoutARequiredColumnOrHeaderIsRefusedAsAWhole() {
		RosterFile.Parsed noRole = RosterFile.read("氏名,所属,従事開始日\n山田,課,2026/4/1\n".getBytes(SJIS));
		assertThat(noRole.rows()).isEmpty();
		assertThat(noRole.problems()).singleElement().satisfies((p) -> {
			assertThat(p.field()).isEqualTo("role");
			assertThat(p.messageKey()).isEqualTo("roster.import.missingColumn");
		});
		assertThat(RosterFile.read("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)).problems())
			.extracting(RosterFile.Problem::messageKey)
			.containsExactly("roster.import.noHeader");
		assertThat(RosterFile.read(new byte[0]).problems()).extracting(RosterFile.Problem::messageKey)
			.containsExactly("roster.import.emptyFile");
	}

	@Test
	void titleLinesAboveTheHeaderAndUnknownColumnsAreShownNotRead() {
		String csv = "従事者名簿,,,\r\n\r\nNo.,氏名,所属,役割,従事開始日,備考\r\n1,山田 太郎,課,従事者,2026/4/1,\r\n";
		RosterFile.Parsed parsed = RosterFile.read(csv.getBytes(SJIS));
		assertThat(parsed.headerLine()).isEqualTo(3);
		assertThat(parsed.ignoredColumns()).containsExactly("No.", "備考");
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.rows()).singleElement().satisfies((r) -> assertThat(r.line()).isEqualTo(4));
	}

	@Test
	void datesAsJapaneseOfficesWriteThem() {
		assertThat(RosterFile.date("2026/4/1")).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(RosterFile.date("2026-04-01")).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(RosterFile.date("２０２６年４月１日")).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(RosterFile.date("令和8年4月1日")).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(RosterFile.date("令和元年5月1日")).isEqualTo(LocalDate.of(2019, 5, 1));
		assertThat(RosterFile.date("R8.4.1")).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(RosterFile.date("平成31年4月30日")).isEqualTo(LocalDate.of(2019, 4, 30));
		assertThat(RosterFile.date("46113")).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(RosterFile.date("令和元年4月30日")).isNull();
		assertThat(RosterFile.date("2026/2/30")).isNull();
		assertThat(RosterFile.date("4月1日")).isNull();
	}

	@Test
	void yesAndNoInTheirJapaneseForms() {
		for (String yes : new String[] { "あり", "○", "〇", "有", "はい", "TRUE", "1" }) {
			assertThat(RosterFile.yesNo(yes)).as(yes).isTrue();
		}
		for (String no : new String[] { "なし", "×", "無", "いいえ", "false", "0", "" }) {
			assertThat(RosterFile.yesNo(no)).as(no).isFalse();
		}
		assertThat(RosterFile.yesNo("たぶん")).isNull();
	}

	@Test
	void anExcelWorkbookIsReadWithItsDateCells() throws IOException {
		byte[] xlsx;
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet("名簿");
			String[] header = { "氏名", "所属", "役割", "個人情報の取扱い", "国籍", "従事開始日", "従事終了予定日" };
			Row head = sheet.createRow(0);
			for (int c = 0; c < header.length; c++) {
				head.createCell(c).setCellValue(header[c]);
			}
			CellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy/mm/dd"));
			Row row = sheet.createRow(2);
			row.createCell(0).setCellValue("王 明");
			row.createCell(1).setCellValue("入力課");
			row.createCell(2).setCellValue("管理責任者");
			row.createCell(3).setCellValue(true);
			row.createCell(4).setCellValue("中国");
			Cell start = row.createCell(5);
			start.setCellValue(LocalDate.of(2026, 6, 1));
			start.setCellStyle(dateStyle);
			row.createCell(6).setCellValue("令和9年5月31日");
			workbook.write(out);
			xlsx = out.toByteArray();
		}
		RosterFile.Parsed parsed = RosterFile.read(xlsx);
		assertThat(parsed.encoding()).isNull();
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.blankLines()).isEqualTo(1);
		assertThat(parsed.rows()).singleElement().satisfies((entry) -> {
			assertThat(entry.line()).isEqualTo(3);
			assertThat(entry.form().getRole()).isEqualTo(WorkerRole.DATA_CUSTODIAN);
			assertThat(entry.form().isHandlesPersonalInformation()).isTrue();
			assertThat(entry.form().getNationality()).isEqualTo("中国");
			assertThat(entry.form().getPeriodStart()).isEqualTo(LocalDate.of(2026, 6, 1));
			assertThat(entry.form().getPlannedEnd()).isEqualTo(LocalDate.of(2027, 5, 31));
		});
	}

	@Test
	void aDamagedWorkbookIsReportedNotThrown() {
		byte[] broken = { 'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8 };
		assertThat(RosterFile.read(broken).problems()).extracting(RosterFile.Problem::messageKey)
			.containsExactly("roster.import.unreadable");
	}

}
