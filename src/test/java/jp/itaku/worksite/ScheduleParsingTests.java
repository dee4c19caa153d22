package jp.itaku.worksite;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Reading a work schedule as people write it: cells of the grid (named shifts, hours in
 * half- or full-width, days off), and imported files laid out as the grid, in UTF-8 or
 * Shift_JIS, with every faulty line named.
 */
class ScheduleParsingTests {

	private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

	@Test
	void cellsAreReadAsPeopleWriteThem() {
		assertThat(Shift.parse("日勤")).isEqualTo(new Shift(false, "日勤", LocalTime.of(9, 0), LocalTime.of(17, 45)));
		assertThat(Shift.parse(" 休 ")).isEqualTo(Shift.OFF);
		assertThat(Shift.parse("公休").off()).isTrue();
		assertThat(Shift.parse("9:00-17:45"))
			.isEqualTo(new Shift(false, null, LocalTime.of(9, 0), LocalTime.of(17, 45)));
		assertThat(Shift.parse("９：３０〜１６：００"))
			.isEqualTo(new Shift(false, null, LocalTime.of(9, 30), LocalTime.of(16, 0)));
		assertThat(Shift.parse("日勤 8:30～17:15"))
			.isEqualTo(new Shift(false, "日勤", LocalTime.of(8, 30), LocalTime.of(17, 15)));
		assertThat(Shift.parse("")).isNull();
		assertThat(Shift.parse(null)).isNull();
	}

	@Test
	void aCellIsWrittenBackAsItWasEntered() {
		assertThat(Shift.parse("日勤").toText()).isEqualTo("日勤");
		assertThat(Shift.parse("日勤").toLongText()).isEqualTo("日勤 9:00-17:45");
		assertThat(Shift.parse("09:00-12:00").toText()).isEqualTo("9:00-12:00");
		assertThat(Shift.OFF.toText()).isEqualTo("休");
	}

	@Test
	void aCellThatIsNotAShiftIsRefusedWithItsText() {
		Shift.ShiftException unknown = catchThrowableOfType(Shift.ShiftException.class, () -> Shift.parse("夜勤"));
		assertThat(unknown.problem().messageKey()).isEqualTo("worksite.shift.unknown");
		assertThat(unknown.problem().arguments()).containsExactly("夜勤");
		Shift.ShiftException backwards = catchThrowableOfType(Shift.ShiftException.class,
				() -> Shift.parse("17:00-9:00"));
		assertThat(backwards.problem().messageKey()).isEqualTo("worksite.shift.endNotAfterStart");
		assertThat(catchThrowableOfType(Shift.ShiftException.class, () -> Shift.parse("25:00-26:00"))).isNotNull();
	}

	@Test
	void csvIsReadAsUtf8OrShiftJis() {
		String text = "氏名,1,2\r\n山田 太郎,日勤,休\r\n\"髙橋, 一\",\"9:00-12:00\",\r\n";
		byte[] sjis = text.getBytes(TextTable.SHIFT_JIS);
		byte[] utf8Bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
		for (byte[] bytes : List.of(sjis, utf8Bom, text.getBytes(StandardCharsets.UTF_8))) {
			TextTable table = TextTable.read("schedule.csv", bytes);
			assertThat(table.rows()).hasSize(3);
			assertThat(table.rows().get(0).cells()).containsExactly("氏名", "1", "2");
			assertThat(table.rows().get(2).cell(0)).isEqualTo("髙橋, 一");
			assertThat(table.rows().get(2).line()).isEqualTo(3);
		}
	}

	@Test
	void aShiftJisScheduleIsImportedCellByCell() {
		String text = "氏名,1日,2日,3(木)\n山田 太郎,日勤,休,\n鈴木　花子,,9:00-12:00,日勤\n";
		List<ScheduleLine> lines = ScheduleImport.parse(TextTable.read("予定.csv", text.getBytes(TextTable.SHIFT_JIS)),
				DECEMBER);
		assertThat(lines).extracting(ScheduleLine::name, ScheduleLine::day, ScheduleLine::shift, ScheduleLine::row)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("山田 太郎", LocalDate.of(2026, 12, 1), "日勤", 2),
					org.assertj.core.groups.Tuple.tuple("山田 太郎", LocalDate.of(2026, 12, 2), "休", 2),
					org.assertj.core.groups.Tuple.tuple("鈴木　花子", LocalDate.of(2026, 12, 2), "9:00-12:00", 3),
					org.assertj.core.groups.Tuple.tuple("鈴木　花子", LocalDate.of(2026, 12, 3), "日勤", 3));
	}

	@Test
	void dayColumnsMayBeWrittenAsDates() {
		assertThat(ScheduleImport.day("12/5", DECEMBER)).isEqualTo(LocalDate.of(2026, 12, 5));
		assertThat(ScheduleImport.day("2026/12/31", DECEMBER)).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(ScheduleImport.day("５日", DECEMBER)).isEqualTo(LocalDate.of(2026, 12, 5));
		assertThat(ScheduleImport.day("11/5", DECEMBER)).isNull();
		assertThat(ScheduleImport.day("32", DECEMBER)).isNull();
		assertThat(ScheduleImport.day("備考", DECEMBER)).isNull();
	}

	@Test
	void everyFaultyLineIsNamedAndNothingIsTaken() {
		String text = "氏名,1,2,40\n山田 太郎,日勤,夜勤\n,日勤\n";
		InvalidInputProblem problem = catchThrowableOfType(InvalidInputProblem.class,
				() -> ScheduleImport.parse(TextTable.csv(text), DECEMBER));
		assertThat(problem.getFieldProblems()).extracting(FieldProblem::field).containsExactly("row1", "row3");
		assertThat(messages(problem)).containsExactly("1行目: 見出し「40」は12月の日付として読めません。", "3行目: 氏名がありません。");
	}

	@Test
	void aFileWithoutTheHeaderIsRefused() {
		InvalidInputProblem problem = catchThrowableOfType(InvalidInputProblem.class,
				() -> ScheduleImport.parse(TextTable.csv("山田 太郎,日勤\n"), DECEMBER));
		assertThat(messages(problem)).singleElement().asString().startsWith("1行目: 1行目は「氏名,1,2,3,…」");
	}

	@Test
	void anEmptyFileIsRefused() {
		assertThat(catchThrowableOfType(InvalidInputProblem.class, () -> TextTable.read("a.csv", new byte[0])))
			.isNotNull();
		assertThat(catchThrowableOfType(InvalidInputProblem.class,
				() -> TextTable.read("a.xlsx", "PK not a workbook".getBytes(StandardCharsets.UTF_8))))
			.satisfies((p) -> assertThat(p.getFieldProblems().get(0).messageKey())
				.isEqualTo("worksite.import.unreadable"));
	}

	static List<String> messages(InvalidInputProblem problem) {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("worksite-labels", "messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return problem.getFieldProblems()
			.stream()
			.map((p) -> source.getMessage(p.messageKey(), p.arguments(), Locale.JAPANESE))
			.toList();
	}

}
