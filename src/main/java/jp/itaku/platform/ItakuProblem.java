package jp.itaku.platform;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A failure the user can understand and act on: carries an HTTP status, a message key
 * from the message bundles and, for bad input, the fields at fault. The web layer turns
 * it into a page message or an {@code application/problem+json} answer; it never becomes
 * a 500.
 */
public class ItakuProblem extends RuntimeException {

	private final HttpStatus status;

	private final String messageKey;

	private final transient Object[] arguments;

	private final List<FieldProblem> fieldProblems;

	/**
	 * Creates a problem.
	 * @param status the HTTP status to answer with
	 * @param messageKey the message bundle key of the explanation
	 * @param fieldProblems the fields at fault, possibly empty
	 * @param arguments arguments of the message
	 */
	public ItakuProblem(HttpStatus status, String messageKey, List<FieldProblem> fieldProblems, Object... arguments) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.fieldProblems = List.copyOf(fieldProblems);
		this.arguments = arguments;
	}

	public HttpStatus getStatus() {
		return this.status;
	}

	public String getMessageKey() {
		return this.messageKey;
	}

	public Object[] getArguments() {
		return this.arguments.clone();
	}

	public List<FieldProblem> getFieldProblems() {
		return this.fieldProblems;
	}

	/**
	 * One field at fault.
	 *
	 * @param field the field's name as the form or JSON body names it
	 * @param messageKey the message bundle key of the explanation
	 * @param arguments arguments of the message
	 */
	public record FieldProblem(String field, String messageKey, @Nullable Object... arguments) {
	}

}
