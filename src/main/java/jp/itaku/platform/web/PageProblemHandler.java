package jp.itaku.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.platform.ItakuProblem;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A domain problem raised while serving a page shows the error page with a Japanese (or
 * English) explanation and the right status; anything else falls through to the error
 * page without a stack trace.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class PageProblemHandler {

	private final ProblemMessages messages;

	PageProblemHandler(ProblemMessages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ItakuProblem.class)
	String handleProblem(ItakuProblem problem, Model model, HttpServletResponse response) {
		response.setStatus(problem.getStatus().value());
		model.addAttribute("status", problem.getStatus().value());
		model.addAttribute("problemMessage", this.messages.text(problem.getMessageKey(), problem.getArguments()));
		return "error";
	}

	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			TransientDataAccessResourceException.class, QueryTimeoutException.class })
	String handleDatabaseUnavailable(HttpServletResponse response) {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader("Retry-After", DatabaseUnavailableFilter.RETRY_AFTER);
		return "unavailable";
	}

}
