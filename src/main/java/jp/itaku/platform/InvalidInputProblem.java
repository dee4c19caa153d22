package jp.itaku.platform;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Input broke a rule of the domain; names each field at fault.
 */
public class InvalidInputProblem extends ItakuProblem {

	/**
	 * Creates the problem for one field.
	 * @param field the field at fault
	 * @param messageKey the message key of the explanation
	 * @param arguments arguments of the message
	 */
	public InvalidInputProblem(String field, String messageKey, @Nullable Object... arguments) {
		this(List.of(new FieldProblem(field, messageKey, arguments)));
	}

	/**
	 * Creates the problem for several fields.
	 * @param problems the fields at fault, at least one
	 */
	public InvalidInputProblem(List<FieldProblem> problems) {
		super(HttpStatus.BAD_REQUEST, "error.invalidInput", problems);
	}

}
