package jp.itaku.platform;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * The record does not exist or lies outside what the acting user's organisation may see;
 * the two are deliberately indistinguishable.
 */
public class NotFoundProblem extends ItakuProblem {

	/**
	 * Creates the problem.
	 * @param what the message key naming the kind of record
	 */
	public NotFoundProblem(String what) {
		super(HttpStatus.NOT_FOUND, "error.notFound", List.of(), new MessageKey(what));
	}

}
