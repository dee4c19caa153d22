package jp.itaku.worksite;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;

/**
 * Checks a month's schedule against the roster (Kadoma 2(2) with 2(4)–(5): nobody off the
 * roster may work): every working shift must name a roster member who works on that day;
 * a day off may name any member of the roster. Reports every fault with the day and the
 * name, and accepts nothing when there is one.
 */
final class ScheduleCheck {

	private ScheduleCheck() {
	}

	/**
	 * A checked cell.
	 *
	 * @param person the roster member
	 * @param day the day
	 * @param shift the shift
	 */
	record Cell(RosterMatch.Person person, LocalDate day, Shift shift) {
	}

	/**
	 * Checks the lines.
	 * @param month the schedule's month
	 * @param lines the cells as entered
	 * @param roster the contract's roster
	 * @return the checked cells (empty cells dropped)
	 * @throws InvalidInputProblem naming every cell at fault
	 */
	static List<Cell> check(YearMonth month, List<ScheduleLine> lines, List<RosterMatch.Person> roster) {
		List<FieldProblem> problems = new ArrayList<>();
		List<Cell> cells = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (ScheduleLine line : lines) {
			FieldProblem problem = null;
			Cell cell = null;
			Shift shift = null;
			try {
				shift = Shift.parse(line.shift());
			}
			catch (Shift.ShiftException ex) {
				problem = new FieldProblem(line.field(), ex.problem().messageKey(), ex.problem().arguments());
			}
			if (problem == null && shift != null) {
				if (line.day() == null || !YearMonth.from(line.day()).equals(month)) {
					problem = new FieldProblem(line.field(), "worksite.schedule.dayOutsideMonth",
							String.valueOf(line.day()), String.valueOf(month.getYear()), month.getMonthValue());
				}
				else {
					Optional<RosterMatch.Person> person = person(line, shift, roster);
					if (person.isEmpty()) {
						problem = new FieldProblem(line.field(), "worksite.schedule.offRoster",
								line.day().getMonthValue(), line.day().getDayOfMonth(), displayName(line, roster));
					}
					else if (!seen.add(person.get().id() + "@" + line.day())) {
						problem = new FieldProblem(line.field(), "worksite.schedule.twice", line.day().getMonthValue(),
								line.day().getDayOfMonth(), person.get().name());
					}
					else {
						cell = new Cell(person.get(), line.day(), shift);
					}
				}
			}
			if (problem != null) {
				problems.add((line.row() > 0) ? Problems.atRow(line.row(), problem) : problem);
			}
			else if (cell != null) {
				cells.add(cell);
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		return cells;
	}

	private static Optional<RosterMatch.Person> person(ScheduleLine line, Shift shift,
			List<RosterMatch.Person> roster) {
		if (line.memberId() != null) {
			return roster.stream()
				.filter((p) -> p.id().equals(line.memberId()))
				.filter((p) -> shift.off() || p.worksOn().test(line.day()))
				.findFirst();
		}
		return shift.off() ? RosterMatch.named(roster, line.name())
				: RosterMatch.working(roster, line.name(), line.day());
	}

	private static String displayName(ScheduleLine line, List<RosterMatch.Person> roster) {
		if (line.name() != null) {
			return line.name().strip();
		}
		UUID id = line.memberId();
		return roster.stream().filter((p) -> p.id().equals(id)).map(RosterMatch.Person::name).findFirst().orElse("?");
	}

}
