package jp.itaku.platform.web;

import java.sql.SQLException;

import jp.itaku.platform.InputRules;

import org.jspecify.annotations.Nullable;

/**
 * The last line of the input rules: a value that reached the database although no rule
 * caught it, and that the column cannot hold (too long, a NUL byte, a date PostgreSQL
 * cannot store), is bad input, not a failure of the server. The transaction has been
 * rolled back, so nothing is stored; the answer is 400 with the rule's message.
 */
final class StoredValues {

	/** Message of a value too long for where it is stored. */
	static final String TOO_LONG = "input.tooLongToStore";

	/** Message of a number too large or too small for where it is stored. */
	static final String NUMBER_OUT_OF_RANGE = "input.numberOutOfRange";

	private StoredValues() {
	}

	/**
	 * Returns the input rule a database refusal stands for.
	 * @param ex the failure
	 * @return the rule, or {@code null} when the failure is not about a value
	 */
	static InputRules.@Nullable Violation violationOf(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				switch (sql.getSQLState()) {
					case "22001":
						return new InputRules.Violation(TOO_LONG);
					case "22003":
						return new InputRules.Violation(NUMBER_OUT_OF_RANGE);
					case "22021", "22P05":
						return new InputRules.Violation(InputRules.CONTROL_CHARACTER);
					case "22007", "22008":
						return new InputRules.Violation(InputRules.DATE_OUT_OF_RANGE, InputRules.MIN_DATE.toString(),
								InputRules.MAX_DATE.toString());
					default:
						break;
				}
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

}
