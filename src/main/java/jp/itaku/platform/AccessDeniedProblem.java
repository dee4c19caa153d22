package jp.itaku.platform;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * The acting user may see the record but not perform the requested action on it.
 */
public class AccessDeniedProblem extends ItakuProblem {

	/**
	 * Creates the problem.
	 * @param messageKey the message key explaining what is not allowed
	 */
	public AccessDeniedProblem(String messageKey) {
		super(HttpStatus.FORBIDDEN, messageKey, List.of());
	}

	/**
	 * Creates the problem with the arguments its message names.
	 * @param messageKey the message key explaining what is not allowed
	 * @param arguments the message's arguments
	 */
	public AccessDeniedProblem(String messageKey, Object... arguments) {
		super(HttpStatus.FORBIDDEN, messageKey, List.of(), arguments);
	}

}
