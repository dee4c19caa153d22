package jp.itaku.worksite;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.itaku.platform.InputRules;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.jspecify.annotations.Nullable;

/**
 * Reads an imported work schedule for one month, laid out as the grid on the page: a
 * header row {@code 氏名,1,2,…,31} (a day column may also read {@code 1日}, {@code 12/1} or
 * {@code 2026/12/01}), then one row per person with a cell per day ({@code 日勤},
 * {@code 9:00-17:45}, {@code 休} or empty). Every fault is reported with its line, and
 * nothing is taken when there is one.
 */
final class ScheduleImport {

	private static final Pattern DAY = Pattern
		.compile("^(?:(?:(\\d{4})[/-])?(\\d{1,2})[/-])?(\\d{1,2})日?(?:\\s*\\(.\\))?$");

	private ScheduleImport() {
	}

	/**
	 * Reads the table's cells.
	 * @param table the imported table
	 * @param month the schedule's month
	 * @return one line per non-empty cell, in file order
	 * @throws InvalidInputProblem naming each line at fault
	 */
	static List<ScheduleLine> parse(TextTable table, YearMonth month) {
		if (table.rows().isEmpty()) {
			throw new InvalidInputProblem("file", "worksite.import.empty");
		}
		List<FieldProblem> problems = new ArrayList<>();
		TextTable.Row header = table.rows().get(0);
		String first = Normalizer.normalize(header.cell(0), Normalizer.Form.NFKC);
		if (!first.equals("氏名") && !first.equalsIgnoreCase("name")) {
			throw new InvalidInputProblem(List
				.of(Problems.atRow(header.line(), new FieldProblem("file", "worksite.import.schedule.header"))));
		}
		List<LocalDate> days = new ArrayList<>();
		for (int c = 1; c < header.cells().size(); c++) {
			String text = header.cell(c);
			if (text.isEmpty()) {
				days.add(null);
				continue;
			}
			LocalDate day = day(text, month);
			if (day == null) {
				problems.add(Problems.atRow(header.line(),
						new FieldProblem("file", "worksite.import.schedule.day", text, month.getMonthValue())));
			}
			else if (days.contains(day)) {
				problems.add(Problems.atRow(header.line(),
						new FieldProblem("file", "worksite.import.schedule.dayTwice", text)));
			}
			days.add(day);
		}
		List<ScheduleLine> lines = new ArrayList<>();
		for (TextTable.Row row : table.rows().subList(1, table.rows().size())) {
			String name = row.cell(0);
			if (name.isEmpty()) {
				problems.add(Problems.atRow(row.line(), new FieldProblem("file", "worksite.import.nameMissing")));
				continue;
			}
			if (InputRules.hasControlCharacter(name)) {
				// Found by ScheduleFileFuzzTests: a control character in a name is the
				// line's fault.
				problems.add(Problems.atRow(row.line(), new FieldProblem("file", InputRules.CONTROL_CHARACTER)));
				continue;
			}
			for (int c = 1; c < row.cells().size(); c++) {
				String cell = row.cell(c);
				if (cell.isEmpty()) {
					continue;
				}
				LocalDate day = (c - 1 < days.size()) ? days.get(c - 1) : null;
				if (day == null) {
					problems.add(Problems.atRow(row.line(),
							new FieldProblem("file", "worksite.import.schedule.noDayColumn", c + 1)));
					continue;
				}
				lines.add(new ScheduleLine(row.line(), "row" + row.line(), null, name, day, cell));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		return lines;
	}

	/**
	 * Reads a day column's header.
	 * @param text the header
	 * @param month the schedule's month
	 * @return the day, or {@code null} when it is not a day of the month
	 */
	static @Nullable LocalDate day(String text, YearMonth month) {
		Matcher matcher = DAY.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).strip());
		if (!matcher.matches()) {
			return null;
		}
		if (matcher.group(1) != null && Integer.parseInt(matcher.group(1)) != month.getYear()) {
			return null;
		}
		if (matcher.group(2) != null && Integer.parseInt(matcher.group(2)) != month.getMonthValue()) {
			return null;
		}
		int day = Integer.parseInt(matcher.group(3));
		return (day >= 1 && day <= month.lengthOfMonth()) ? month.atDay(day) : null;
	}

}
