package jp.itaku.inspection;

import java.util.List;
import java.util.function.Supplier;

import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.jspecify.annotations.Nullable;

/**
 * Cleans and checks the free texts of this module.
 */
final class Texts {

	private Texts() {
	}

	static @Nullable String clean(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	static String required(String field, @Nullable String value, int max) {
		String clean = clean(value);
		if (clean == null) {
			throw new InvalidInputProblem(field, "inspection.error.required." + field);
		}
		optional(field, clean, max);
		return clean;
	}

	static @Nullable String optional(String field, @Nullable String value, int max) {
		String clean = clean(value);
		if (clean != null && clean.length() > max) {
			throw new InvalidInputProblem(field, "inspection.error.tooLong", String.valueOf(max));
		}
		return clean;
	}

	/**
	 * Runs a check of one field, collecting its problems instead of throwing, so that a
	 * form is refused naming every field at fault.
	 * @param problems where the problems go
	 * @param check the check
	 * @return the checked value, or {@code null} when it was refused
	 */
	static @Nullable String collect(List<FieldProblem> problems, Supplier<String> check) {
		try {
			return check.get();
		}
		catch (InvalidInputProblem problem) {
			problems.addAll(problem.getFieldProblems());
			return null;
		}
	}

}
