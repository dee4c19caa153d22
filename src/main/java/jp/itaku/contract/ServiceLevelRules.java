package jp.itaku.contract;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/**
 * The rules of a contract's service-level targets: every used row has a name that no
 * other row of the contract has, a kind of measure, a measurement period and a target the
 * kind can measure — a percentage from 0 to 100, a positive ISO-8601 duration, or a whole
 * number of events. Full-width digits and a trailing {@code %} are accepted as officers
 * type them. Faults name the row's field as the form and the JSON body do, e.g.
 * {@code serviceLevelTargets[1].target}.
 */
public final class ServiceLevelRules {

	/** The most targets one contract carries. */
	public static final int MAX_TARGETS = 30;

	/** The field of a contract form (and of the API's JSON) that holds the rows. */
	public static final String FIELD = "serviceLevelTargets";

	static final int MAX_NAME = 100;

	static final int MAX_NOTES = 400;

	private static final Pattern PERCENT = Pattern.compile("\\d{1,3}(\\.\\d{1,3})?");

	private static final Pattern COUNT = Pattern.compile("\\d{1,6}");

	private static final Pattern DURATION = Pattern.compile("P(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?");

	private static final int MAX_DURATION_LENGTH = 20;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private ServiceLevelRules() {
	}

	/**
	 * Checks the rows an officer entered.
	 * @param rows the rows, blank ones included (they are ignored); may be {@code null}
	 * @return every fault, each naming its field; empty when the rows are valid
	 */
	public static List<FieldProblem> check(List<ServiceLevelTargetForm> rows) {
		return read(rows).problems().stream().map(RowProblem::toFieldProblem).toList();
	}

	/**
	 * Turns the rows an officer entered into targets, in their order, skipping blank
	 * rows.
	 * @param rows the rows; may be {@code null}
	 * @return the targets
	 * @throws InvalidInputProblem naming every field at fault
	 */
	static List<ServiceLevelTarget> targets(List<ServiceLevelTargetForm> rows) {
		Reading reading = read(rows);
		if (!reading.problems().isEmpty()) {
			throw new InvalidInputProblem(reading.problems().stream().map(RowProblem::toFieldProblem).toList());
		}
		return reading.targets();
	}

	/**
	 * Returns whether a row was left empty.
	 * @param row the row
	 * @return {@code true} when its name, target and notes are all blank
	 */
	public static boolean isBlank(ServiceLevelTargetForm row) {
		return row == null || (blank(row.getName()) && blank(row.getTarget()) && blank(row.getNotes()));
	}

	static Reading read(List<ServiceLevelTargetForm> rows) {
		List<ServiceLevelTarget> targets = new ArrayList<>();
		List<RowProblem> problems = new ArrayList<>();
		if (rows == null) {
			return new Reading(targets, problems);
		}
		Set<String> names = new HashSet<>();
		int used = 0;
		for (int i = 0; i < rows.size(); i++) {
			ServiceLevelTargetForm row = rows.get(i);
			if (isBlank(row)) {
				continue;
			}
			used++;
			int before = problems.size();
			String name = blank(row.getName()) ? null : row.getName().strip();
			if (name == null) {
				problems.add(new RowProblem(i, "name", "validation.required"));
			}
			else if (name.length() > MAX_NAME) {
				problems.add(new RowProblem(i, "name", "contract.serviceLevel.name.tooLong"));
			}
			else if (!names.add(normalise(name))) {
				problems.add(new RowProblem(i, "name", "contract.serviceLevel.name.duplicate"));
			}
			if (row.getMetric() == null) {
				problems.add(new RowProblem(i, "metric", "validation.required"));
			}
			BigDecimal number = null;
			String duration = null;
			if (blank(row.getTarget())) {
				problems.add(new RowProblem(i, "target", "validation.required"));
			}
			else if (row.getMetric() == ServiceLevelMetric.PERCENT_MIN) {
				number = percent(row.getTarget());
				if (number == null) {
					problems.add(new RowProblem(i, "target", "contract.serviceLevel.percent.invalid"));
				}
			}
			else if (row.getMetric() == ServiceLevelMetric.COUNT_MAX) {
				number = count(row.getTarget());
				if (number == null) {
					problems.add(new RowProblem(i, "target", "contract.serviceLevel.count.invalid"));
				}
			}
			else if (row.getMetric() == ServiceLevelMetric.DURATION_MAX) {
				duration = duration(row.getTarget());
				if (duration == null) {
					problems.add(new RowProblem(i, "target", "contract.serviceLevel.duration.invalid"));
				}
			}
			if (row.getMeasurementPeriod() == null) {
				problems.add(new RowProblem(i, "measurementPeriod", "validation.required"));
			}
			String notes = blank(row.getNotes()) ? null : row.getNotes().strip();
			if (notes != null && notes.length() > MAX_NOTES) {
				problems.add(new RowProblem(i, "notes", "contract.serviceLevel.notes.tooLong"));
			}
			if (problems.size() == before) {
				targets.add(new ServiceLevelTarget(name, row.getMetric(), number, duration, row.getMeasurementPeriod(),
						notes));
			}
		}
		if (used > MAX_TARGETS) {
			problems.add(new RowProblem(-1, null, "contract.serviceLevel.tooMany"));
		}
		return new Reading(targets, problems);
	}

	/**
	 * Reads a percentage: 0 to 100 with at most three decimals, e.g. {@code 99.5},
	 * {@code ９９．５％}.
	 * @param text the text entered
	 * @return the percentage, or {@code null} when it is not one
	 */
	static @Nullable BigDecimal percent(@Nullable String text) {
		String value = normalise(text);
		if (value.endsWith("%")) {
			value = value.substring(0, value.length() - 1).strip();
		}
		if (!PERCENT.matcher(value).matches()) {
			return null;
		}
		BigDecimal percent = new BigDecimal(value);
		return (percent.compareTo(HUNDRED) <= 0) ? percent : null;
	}

	/**
	 * Reads a count of events: a whole number from 0 to 999999.
	 * @param text the text entered
	 * @return the count, or {@code null} when it is not one
	 */
	static @Nullable BigDecimal count(@Nullable String text) {
		String value = normalise(text);
		return COUNT.matcher(value).matches() ? new BigDecimal(value) : null;
	}

	/**
	 * Reads a time target: a positive ISO-8601 duration in days, hours, minutes and whole
	 * seconds, e.g. {@code PT30M}, {@code PT4H}, {@code P2D}, {@code P1DT12H}.
	 * @param text the text entered
	 * @return the duration in upper case as written, or {@code null} when it is not one
	 */
	static @Nullable String duration(@Nullable String text) {
		String value = normalise(text).toUpperCase(Locale.ROOT);
		if (value.length() > MAX_DURATION_LENGTH || !DURATION.matcher(value).matches() || value.equals("P")) {
			return null;
		}
		try {
			Duration duration = Duration.parse(value);
			return (duration.isZero() || duration.isNegative()) ? null : value;
		}
		catch (DateTimeParseException | ArithmeticException ex) {
			return null;
		}
	}

	private static String normalise(@Nullable String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
	}

	@Contract("null -> true")
	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	/**
	 * The targets read from the rows, and the faults found.
	 *
	 * @param targets the valid rows' targets, in order
	 * @param problems the faults
	 */
	record Reading(List<ServiceLevelTarget> targets, List<RowProblem> problems) {
	}

	/**
	 * A fault of one row's field, or of the rows as a whole.
	 *
	 * @param row the row's index in the rows as entered, {@code -1} for the whole list
	 * @param property the row's field, {@code null} for the whole list
	 * @param messageKey the explanation
	 */
	record RowProblem(int row, @Nullable String property, String messageKey) {

		String field() {
			return (this.row < 0) ? FIELD : FIELD + "[" + this.row + "]." + this.property;
		}

		FieldProblem toFieldProblem() {
			return new FieldProblem(field(), this.messageKey);
		}

	}

}
