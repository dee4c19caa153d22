package jp.itaku.platform;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request whose credentials were refused or missing: answered with 401 and the named
 * message, without saying which part was wrong.
 */
public class UnauthorizedProblem extends ItakuProblem {

	/**
	 * Creates the refusal.
	 * @param messageKey the message key of the detail
	 */
	public UnauthorizedProblem(String messageKey) {
		super(HttpStatus.UNAUTHORIZED, messageKey, List.of());
	}

}
