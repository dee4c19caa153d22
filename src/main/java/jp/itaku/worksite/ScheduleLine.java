package jp.itaku.worksite;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One cell of a schedule as entered: in the grid (by roster member), in a row of an
 * imported file, or in the API's list (by name).
 *
 * @param row the line of the imported file, or 0 when not imported
 * @param field where it was entered, for error messages (a grid cell, {@code entries[3]})
 * @param memberId the roster member, when entered in the grid
 * @param name the name written, when not entered in the grid
 * @param day the day
 * @param shift what was written in the cell
 */
public record ScheduleLine(int row, String field, @Nullable UUID memberId, @Nullable String name, LocalDate day,
		String shift) {

	/**
	 * A cell of the grid.
	 * @param memberId the roster member of the row
	 * @param day the day of the column
	 * @param shift what was written
	 * @return the line
	 */
	public static ScheduleLine grid(UUID memberId, LocalDate day, String shift) {
		return new ScheduleLine(0, "cell." + memberId + "." + day.getDayOfMonth(), memberId, null, day, shift);
	}

	/**
	 * An entry of the API, by name.
	 * @param index its place in the list, from 0
	 * @param name the name
	 * @param day the day
	 * @param shift the shift as written in a cell
	 * @return the line
	 */
	public static ScheduleLine named(int index, String name, LocalDate day, String shift) {
		return new ScheduleLine(0, "entries[" + index + "]", null, name, day, shift);
	}

}
