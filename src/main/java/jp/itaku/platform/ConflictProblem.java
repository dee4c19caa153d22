package jp.itaku.platform;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * The record is no longer in the state the request was made for, typically because
 * someone else changed it meanwhile (a second reviewer of the same submission, a second
 * submission to the same obligation). Answers 409; a page shows it as a notice above the
 * record as it now stands, so the user can reload and decide again.
 */
public class ConflictProblem extends ItakuProblem {

	/**
	 * Creates the problem.
	 * @param field the field whose state is in the way, usually {@code status}
	 * @param messageKey the message key saying what the state now allows
	 * @param arguments arguments of the message
	 */
	public ConflictProblem(String field, String messageKey, Object... arguments) {
		super(HttpStatus.CONFLICT, "error.conflict.state", List.of(new FieldProblem(field, messageKey, arguments)));
	}

}
