package jp.itaku.worksite;

import java.text.Normalizer;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.jspecify.annotations.Nullable;

/**
 * One cell of a work schedule: a day off (休), a named shift (日勤 = 9:00–17:45), or the
 * hours of work. Cells are written as people write them in a spreadsheet: {@code 日勤},
 * {@code 休}, {@code 9:00-17:45} (also with {@code 〜}, full-width digits, or a label in
 * front: {@code 日勤 9:00-17:45}).
 *
 * @param off whether it is a day off
 * @param label the shift's name, if any
 * @param start when work starts (none for a day off)
 * @param end when work ends, after the start (none for a day off)
 */
public record Shift(boolean off, @Nullable String label, @Nullable LocalTime start, @Nullable LocalTime end) {

	/** Named shifts and their hours. */
	public static final Map<String, Shift> PRESETS = Map.of("日勤",
			new Shift(false, "日勤", LocalTime.of(9, 0), LocalTime.of(17, 45)), "早番",
			new Shift(false, "早番", LocalTime.of(8, 30), LocalTime.of(17, 15)), "遅番",
			new Shift(false, "遅番", LocalTime.of(10, 0), LocalTime.of(18, 45)));

	/** A day off. */
	public static final Shift OFF = new Shift(true, "休", null, null);

	private static final Set<String> OFF_WORDS = Set.of("休", "休み", "公休", "休日", "OFF");

	private static final Pattern HOURS = Pattern
		.compile("^(?:([^\\d\\s]\\S*?)\\s*)?(\\d{1,2}):(\\d{2})\\s*[-~〜–—ー−]\\s*(\\d{1,2}):(\\d{2})$");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm", Locale.ROOT);

	/**
	 * Reads a cell.
	 * @param text what was written
	 * @return the shift, or {@code null} for an empty cell
	 * @throws ShiftException naming the problem when the text is not a shift
	 */
	public static @Nullable Shift parse(String text) {
		if (text == null) {
			return null;
		}
		String cell = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
		if (cell.isEmpty()) {
			return null;
		}
		if (OFF_WORDS.contains(cell.toUpperCase(Locale.ROOT))) {
			return OFF;
		}
		Shift preset = PRESETS.get(cell);
		if (preset != null) {
			return preset;
		}
		Matcher matcher = HOURS.matcher(cell);
		if (!matcher.matches()) {
			throw new ShiftException(new FieldProblem("shift", "worksite.shift.unknown", text.strip()));
		}
		LocalTime start = time(matcher.group(2), matcher.group(3), text);
		LocalTime end = time(matcher.group(4), matcher.group(5), text);
		if (!end.isAfter(start)) {
			throw new ShiftException(new FieldProblem("shift", "worksite.shift.endNotAfterStart", text.strip()));
		}
		return new Shift(false, matcher.group(1), start, end);
	}

	/**
	 * Builds a working shift from its hours.
	 * @param start when work starts
	 * @param end when work ends
	 * @return the shift
	 * @throws ShiftException when the end is not after the start
	 */
	public static Shift hours(LocalTime start, LocalTime end) {
		if (start == null || end == null || !end.isAfter(start)) {
			throw new ShiftException(new FieldProblem("shift", "worksite.shift.endNotAfterStart",
					String.valueOf(start) + "-" + String.valueOf(end)));
		}
		return new Shift(false, null, start, end);
	}

	private static LocalTime time(String hours, String minutes, String text) {
		int h = Integer.parseInt(hours);
		int m = Integer.parseInt(minutes);
		if (h > 23 || m > 59) {
			throw new ShiftException(new FieldProblem("shift", "worksite.shift.unknown", text.strip()));
		}
		return LocalTime.of(h, m);
	}

	/**
	 * Returns the cell as it is written back into the grid: the label of a preset or a
	 * day off, else the hours.
	 * @return the text
	 */
	public @Nullable String toText() {
		if (this.off) {
			return "休";
		}
		Shift preset = (this.label != null) ? PRESETS.get(this.label) : null;
		if (preset != null && preset.equals(this)) {
			return this.label;
		}
		return ((this.label != null) ? this.label + " " : "") + hoursText();
	}

	/**
	 * Returns the shift as the written form prints it: {@code 日勤 9:00-17:45}, or 休.
	 * @return the text
	 */
	public String toLongText() {
		if (this.off) {
			return "休";
		}
		return ((this.label != null) ? this.label + " " : "") + hoursText();
	}

	private String hoursText() {
		return TIME.format(this.start) + "-" + TIME.format(this.end);
	}

	/**
	 * A cell that is not a shift.
	 */
	public static final class ShiftException extends RuntimeException {

		private final transient FieldProblem problem;

		ShiftException(FieldProblem problem) {
			super(problem.messageKey());
			this.problem = problem;
		}

		/**
		 * Returns what is wrong.
		 * @return the problem
		 */
		public FieldProblem problem() {
			return this.problem;
		}

	}

}
