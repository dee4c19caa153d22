package jp.itaku.worksite;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.jspecify.annotations.Nullable;

/**
 * Reads an imported entry log: a header row naming the columns, in any order — {@code 氏名}
 * (required), {@code 所属}, {@code 目的}, {@code 入室} (required), {@code 退室}, {@code 場所},
 * {@code 来訪者} — then one row per entry. Times are Tokyo wall-clock times written
 * {@code 2026/12/01 9:00} (or {@code 2026-12-01 09:00}); with a {@code 日付} column the
 * time columns may hold just {@code 9:00}. The visitor column marks a declared visitor
 * with {@code ○}, {@code 1}, {@code はい} or {@code 来訪者}. Every fault is reported with its
 * line, and nothing is taken when there is one.
 */
final class EntryImport {

	private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("氏名", "name"), Map.entry("名前", "name"),
			Map.entry("name", "name"), Map.entry("所属", "affiliation"), Map.entry("affiliation", "affiliation"),
			Map.entry("目的", "purpose"), Map.entry("purpose", "purpose"), Map.entry("日付", "date"),
			Map.entry("date", "date"), Map.entry("入室", "in"), Map.entry("入室日時", "in"), Map.entry("入室時刻", "in"),
			Map.entry("in", "in"), Map.entry("退室", "out"), Map.entry("退室日時", "out"), Map.entry("退室時刻", "out"),
			Map.entry("out", "out"), Map.entry("場所", "area"), Map.entry("区域", "area"), Map.entry("area", "area"),
			Map.entry("来訪者", "visitor"), Map.entry("区分", "visitor"), Map.entry("visitor", "visitor"));

	private static final Set<String> YES = Set.of("○", "〇", "◯", "1", "はい", "来訪者", "yes", "true", "visitor", "y");

	private static final Pattern DATE_TIME = Pattern
		.compile("^(\\d{4})[/-](\\d{1,2})[/-](\\d{1,2})(?:[ T]+(\\d{1,2}):(\\d{2})(?::\\d{2})?)?$");

	private static final Pattern TIME = Pattern.compile("^(\\d{1,2}):(\\d{2})(?::\\d{2})?$");

	private EntryImport() {
	}

	/**
	 * An imported row.
	 *
	 * @param line its line
	 * @param form the entry
	 */
	record Line(int line, EntryForm form) {
	}

	/**
	 * Reads the table.
	 * @param table the imported table
	 * @return one entry per row, in file order
	 * @throws InvalidInputProblem naming each line at fault
	 */
	static List<Line> parse(TextTable table) {
		if (table.rows().isEmpty()) {
			throw new InvalidInputProblem("file", "worksite.import.empty");
		}
		TextTable.Row header = table.rows().get(0);
		Map<String, Integer> index = new HashMap<>();
		for (int c = 0; c < header.cells().size(); c++) {
			String column = COLUMNS.get(normal(header.cell(c)).toLowerCase(Locale.ROOT));
			if (column != null) {
				index.putIfAbsent(column, c);
			}
		}
		if (!index.containsKey("name") || !index.containsKey("in")) {
			throw new InvalidInputProblem(
					List.of(Problems.atRow(header.line(), new FieldProblem("file", "worksite.import.entry.header"))));
		}
		List<FieldProblem> problems = new ArrayList<>();
		List<Line> lines = new ArrayList<>();
		for (TextTable.Row row : table.rows().subList(1, table.rows().size())) {
			List<FieldProblem> rowProblems = new ArrayList<>();
			LocalDate date = null;
			if (index.containsKey("date") && !cell(row, index, "date").isEmpty()) {
				LocalDateTime parsed = dateTime(cell(row, index, "date"), null);
				if (parsed == null) {
					rowProblems.add(new FieldProblem("date", "worksite.import.entry.date", cell(row, index, "date")));
				}
				else {
					date = parsed.toLocalDate();
				}
			}
			EntryForm form = new EntryForm();
			form.setName(cell(row, index, "name"));
			form.setAffiliation(cell(row, index, "affiliation"));
			form.setPurpose(cell(row, index, "purpose"));
			form.setArea(cell(row, index, "area"));
			form.setVisitor(YES.contains(normal(cell(row, index, "visitor")).toLowerCase(Locale.ROOT)));
			String in = cell(row, index, "in");
			if (!in.isEmpty()) {
				form.setEnteredAt(dateTime(in, date));
				if (form.getEnteredAt() == null) {
					rowProblems.add(new FieldProblem("enteredAt", "worksite.import.entry.time", in));
				}
			}
			String out = cell(row, index, "out");
			if (!out.isEmpty()) {
				form.setLeftAt(dateTime(out, (date != null) ? date
						: (form.getEnteredAt() != null) ? form.getEnteredAt().toLocalDate() : null));
				if (form.getLeftAt() == null) {
					rowProblems.add(new FieldProblem("leftAt", "worksite.import.entry.time", out));
				}
			}
			if (rowProblems.isEmpty()) {
				rowProblems.addAll(form.problems());
			}
			rowProblems.forEach((p) -> problems.add(Problems.atRow(row.line(), p)));
			lines.add(new Line(row.line(), form));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		return lines;
	}

	/**
	 * Reads a date-time, or a time on a given day.
	 * @param text the text
	 * @param day the day a bare time is on, or {@code null}
	 * @return the date-time, or {@code null} when it cannot be read
	 */
	static @Nullable LocalDateTime dateTime(String text, @Nullable LocalDate day) {
		String value = normal(text);
		try {
			Matcher full = DATE_TIME.matcher(value);
			if (full.matches()) {
				LocalDate date = LocalDate.of(Integer.parseInt(full.group(1)), Integer.parseInt(full.group(2)),
						Integer.parseInt(full.group(3)));
				LocalTime time = (full.group(4) != null)
						? LocalTime.of(Integer.parseInt(full.group(4)), Integer.parseInt(full.group(5)))
						: LocalTime.MIDNIGHT;
				return date.atTime(time);
			}
			Matcher time = TIME.matcher(value);
			if (time.matches() && day != null) {
				return day.atTime(LocalTime.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2))));
			}
		}
		catch (DateTimeException ex) {
			return null;
		}
		return null;
	}

	private static String cell(TextTable.Row row, Map<String, Integer> index, String column) {
		Integer c = index.get(column);
		return (c != null) ? row.cell(c) : "";
	}

	private static String normal(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
	}

}
