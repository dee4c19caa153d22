package jp.itaku.platform.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.platform.ConflictProblem;
import jp.itaku.platform.InputRules;
import jp.itaku.platform.ItakuProblem;
import org.hibernate.StaleStateException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A domain problem raised while serving a page shows the error page with a Japanese (or
 * English) explanation and the right status; anything else falls through to the error
 * page without a stack trace. A change that lost to someone else's (a conflict) is no
 * error: the user is taken back to the page they came from, which shows the record as it
 * now stands with a notice that someone else changed it.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class PageProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(PageProblemHandler.class);

	/** The flash attribute the layout shows as a warning notice. */
	static final String CONFLICT_NOTICE = "conflict";

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
		if (ex instanceof MethodArgumentTypeMismatchException mismatch && isInPath(mismatch)) {
			// A record id in the address that is no id: a link cut short or mistyped.
			model.addAttribute("problemMessage", this.messages.text("error.badUrl"));
			model.addAttribute("fieldMessages",
					List.of(this.messages.text("error.badUrl.parameter", mismatch.getName())));
			return "error";
		}
		model.addAttribute("problemMessage", this.messages.text("error.invalidInput"));
		model.addAttribute("fieldMessages", List.of((ex instanceof MethodArgumentTypeMismatchException mismatch)
				? mismatch.getName() + ": " + message : message));
		return "error";
	}

	@ExceptionHandler(ConflictProblem.class)
	String handleConflictProblem(ConflictProblem problem, HttpServletRequest request) {
		List<String> texts = new ArrayList<>();
		texts.add(this.messages.text(problem.getMessageKey(), problem.getArguments()));
		problem.getFieldProblems()
			.forEach((field) -> texts.add(this.messages.text(field.messageKey(), field.arguments())));
		return backWithNotice(request, String.join(" ", texts));
	}

	@ExceptionHandler({ ConcurrencyFailureException.class, DuplicateKeyException.class, OptimisticLockException.class,
			PessimisticLockException.class, StaleStateException.class })
	String handleConflict(Exception ex, HttpServletRequest request) {
		log.info("Concurrent change on {} refused: {}", request.getRequestURI(), ex.getClass().getSimpleName());
		return backWithNotice(request, this.messages.text("error.conflict"));
	}

	/**
	 * A unique key taken by a concurrent request is a conflict; any other integrity
	 * violation falls through to the error page.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	String handleIntegrityViolation(DataIntegrityViolationException ex, HttpServletRequest request) {
		if (!Conflicts.isUniqueViolation(ex)) {
			throw ex;
		}
		return handleConflict(ex, request);
	}

	/**
	 * Returns whether a value that could not be read came from the address's path (a
	 * record id), not from a query or a form.
	 * @param mismatch the refused value
	 * @return {@code true} for a path variable
	 */
	static boolean isInPath(MethodArgumentTypeMismatchException mismatch) {
		return mismatch.getParameter().hasParameterAnnotation(PathVariable.class);
	}

	/**
	 * Redirects to the page the request came from (a path of this application only), with
	 * the notice as a flash attribute.
	 */
	private static String backWithNotice(HttpServletRequest request, @Nullable String notice) {
		RequestContextUtils.getOutputFlashMap(request).put(CONFLICT_NOTICE, notice);
		return "redirect:" + pageCameFrom(request);
	}

	static String pageCameFrom(HttpServletRequest request) {
		String referer = request.getHeader(HttpHeaders.REFERER);
		if (referer == null) {
			return "/";
		}
		try {
			URI uri = new URI(referer);
			String path = uri.getRawPath();
			if (path == null || !path.startsWith("/") || path.startsWith("//")) {
				return "/";
			}
			return (uri.getRawQuery() != null) ? path + "?" + uri.getRawQuery() : path;
		}
		catch (URISyntaxException ex) {
			return "/";
		}
	}

	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			TransientDataAccessResourceException.class, QueryTimeoutException.class })
	String handleDatabaseUnavailable(HttpServletResponse response) {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader("Retry-After", DatabaseUnavailableFilter.RETRY_AFTER);
		return "unavailable";
	}

}
