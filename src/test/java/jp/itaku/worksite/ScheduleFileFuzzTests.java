package jp.itaku.worksite;

import java.time.YearMonth;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jp.itaku.platform.InputRules;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the work schedule's file reading (CSV in UTF-8 or Shift_JIS, xlsx, the grid's
 * layout) and the entry log's CSV import. Their contract: a file is read into lines or
 * refused with {@link InvalidInputProblem} whose every problem names a field (the file,
 * or a day and line) with a message — never another exception; a line read carries no
 * control character; no line of people is dropped silently.
 */
class ScheduleFileFuzzTests {

	@FuzzTest(maxDuration = "10s")
	void readsAnyScheduleFile(FuzzedDataProvider data) {
		boolean workbook = data.consumeBoolean();
		byte[] content = data.consumeRemainingAsBytes();
		try {
			TextTable table = TextTable.read(workbook ? "予定.xlsx" : "予定.csv", content);
			List<ScheduleLine> lines = ScheduleImport.parse(table, YearMonth.of(2026, 12));
			for (ScheduleLine line : lines) {
				assertThat(line.name()).isNotBlank();
				assertThat(InputRules.hasControlCharacter(line.name())).as(line.name()).isFalse();
			}
		}
		catch (InvalidInputProblem problem) {
			assertNamed(problem);
		}
	}

	@FuzzTest(maxDuration = "10s")
	void readsAnyEntryLogFile(byte[] content) {
		try {
			List<EntryImport.Line> lines = EntryImport.parse(TextTable.read("入退室.csv", content));
			for (EntryImport.Line line : lines) {
				assertThat(line.line()).isPositive();
			}
		}
		catch (InvalidInputProblem problem) {
			assertNamed(problem);
		}
	}

	private static void assertNamed(InvalidInputProblem problem) {
		assertThat(problem.getFieldProblems()).isNotEmpty();
		for (ItakuProblem.FieldProblem field : problem.getFieldProblems()) {
			assertThat(field.field()).isNotBlank();
			assertThat(field.messageKey()).isNotBlank();
		}
	}

}
