package jp.itaku.inspection;

import jp.itaku.platform.InvalidInputProblem;

/**
 * Cleans and checks the free texts of this module.
 */
final class Texts {

	private Texts() {
	}

	static String clean(String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	static String required(String field, String value, int max) {
		String clean = clean(value);
		if (clean == null) {
			throw new InvalidInputProblem(field, "inspection.error.required." + field);
		}
		return optional(field, clean, max);
	}

	static String optional(String field, String value, int max) {
		String clean = clean(value);
		if (clean != null && clean.length() > max) {
			throw new InvalidInputProblem(field, "inspection.error.tooLong", String.valueOf(max));
		}
		return clean;
	}

}
