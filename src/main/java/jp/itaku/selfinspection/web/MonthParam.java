package jp.itaku.selfinspection.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import jp.itaku.platform.InvalidInputProblem;

/**
 * Reads a month from a path ({@code 2026-11}).
 */
final class MonthParam {

	private MonthParam() {
	}

	static YearMonth parse(String text) {
		try {
			if (text != null && text.matches("\\d{4}-\\d{2}")) {
				return YearMonth.parse(text);
			}
		}
		catch (DateTimeParseException ex) {
			// answered below
		}
		throw new InvalidInputProblem("month", "selfinspection.month");
	}

}
