package jp.itaku.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.platform.InputRules;
import jp.itaku.platform.ItakuProblem;

import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

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
		model.addAttribute("fieldMessages",
				problem.getFieldProblems()
					.stream()
					.map((field) -> field.field() + ": " + this.messages.text(field.messageKey(), field.arguments()))
					.toList());
		return "error";
	}

	/**
	 * A request parameter that broke an input rule or could not be read (a page's form
	 * outside a binding result), or a value the database could not store: 400 with the
	 * message naming the parameter.
	 */
	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, DataAccessException.class })
	String handleBadValue(Exception ex, Model model, HttpServletResponse response) throws Exception {
		InputRules.Violation violation = (ex instanceof MethodArgumentTypeMismatchException)
				? InputRulesJson.violationOf(ex) : StoredValues.violationOf(ex);
		if (violation == null && !(ex instanceof MethodArgumentTypeMismatchException)) {
			throw ex;
		}
		String message = (violation != null) ? this.messages.text(violation.messageKey(), violation.arguments())
				: this.messages.text("error.field.malformed");
		response.setStatus(400);
		model.addAttribute("status", 400);
		model.addAttribute("problemMessage", this.messages.text("error.invalidInput"));
		model.addAttribute("fieldMessages",
				java.util.List.of((ex instanceof MethodArgumentTypeMismatchException mismatch)
						? mismatch.getName() + ": " + message : message));
		return "error";
	}

}
