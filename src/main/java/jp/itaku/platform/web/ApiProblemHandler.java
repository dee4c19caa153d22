package jp.itaku.platform.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jp.itaku.platform.InputRules;
import jp.itaku.platform.ItakuProblem;
import jp.itaku.platform.database.DatabaseUnavailable;
import org.hibernate.StaleStateException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DatabindException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure of the REST API becomes {@code application/problem+json}: bad input names
 * the field, an unexpected failure gets a reference to the log entry and never a stack
 * trace.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	private final ProblemMessages messages;

	ApiProblemHandler(ProblemMessages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ItakuProblem.class)
	ResponseEntity<ProblemDetail> handleProblem(ItakuProblem problem) {
		return respond(this.messages.toProblemDetail(problem));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, PageProblemHandler.isInPath(ex)
				? this.messages.text("error.badUrl.api", ex.getName()) : this.messages.text("error.invalidInput"));
		InputRules.Violation violation = InputRulesJson.violationOf(ex);
		detail.setProperty("errors",
				List.of(Map.of("field", ex.getName(), "message",
						(violation != null) ? this.messages.text(violation.messageKey(), violation.arguments())
								: this.messages.text("error.field.malformed"))));
		return respond(detail);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException ex) {
		return respond(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, this.messages.text("error.forbidden")));
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ProblemDetail> handleAuthentication(AuthenticationException ex) {
		return respond(
				ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, this.messages.text("error.unauthorized")));
	}

	/**
	 * Someone else changed the record meanwhile: an optimistic-lock conflict, a unique
	 * key taken by a concurrent request, a serialization failure or a deadlock.
	 */
	@ExceptionHandler({ ConcurrencyFailureException.class, DuplicateKeyException.class, OptimisticLockException.class,
			PessimisticLockException.class, StaleStateException.class })
	ResponseEntity<ProblemDetail> handleConflict(Exception ex) {
		log.info("Concurrent change refused with 409: {}", ex.getClass().getSimpleName());
		return respond(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, this.messages.text("error.conflict")));
	}

	/**
	 * A unique key taken by a concurrent request is a conflict; any other integrity
	 * violation is unexpected.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> handleIntegrityViolation(DataIntegrityViolationException ex) {
		return Conflicts.isUniqueViolation(ex) ? handleConflict(ex) : handleUnexpected(ex);
	}

	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			TransientDataAccessResourceException.class, QueryTimeoutException.class })
	ResponseEntity<ProblemDetail> handleDatabaseUnavailable(Exception ex) {
		log.warn("The database is unavailable: answered 503 ({})", ex.toString());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, DatabaseUnavailableFilter.RETRY_AFTER)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					this.messages.text("error.unavailable")));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
		if (DatabaseUnavailable.isCause(ex)) {
			return handleDatabaseUnavailable(ex);
		}
		InputRules.Violation stored = StoredValues.violationOf(ex);
		if (stored != null) {
			log.warn("A value no input rule caught was refused by the database: {}", ex.getMessage());
			return respond(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					this.messages.text(stored.messageKey(), stored.arguments())));
		}
		String reference = UUID.randomUUID().toString();
		log.error("Unexpected API failure, reference {}", reference, ex);
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				this.messages.text("error.unexpected", reference));
		detail.setProperty("reference", reference);
		return respond(detail);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return asObject(this.messages.toProblemDetail(HttpStatus.BAD_REQUEST, ex.getBindingResult()));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		InputRules.Violation violation = InputRulesJson.violationOf(ex);
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.text((violation != null) ? "error.invalidInput" : "error.unreadable"));
		if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			String field = InputRulesJson.fieldOf(databind);
			String message = (violation != null) ? this.messages.text(violation.messageKey(), violation.arguments())
					: this.messages.text("error.field.malformed");
			detail.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		}
		log.warn("Unreadable request body: {}", ex.getMessage());
		return asObject(detail);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail detail && HttpStatus.resolve(statusCode.value()) != null) {
			// Spring's own refusals (405, 415, 413, …) carry English defaults: answer in
			// the
			// reader's language, as the error dispatch does for requests no handler took.
			detail.setDetail(this.messages.text(ErrorPages.messageKey(HttpStatus.valueOf(statusCode.value()))));
		}
		HttpHeaders problemHeaders = new HttpHeaders();
		problemHeaders.addAll(headers);
		problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(body, problemHeaders, statusCode);
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail detail) {
		return ResponseEntity.status(detail.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
	}

	private static ResponseEntity<Object> asObject(ProblemDetail detail) {
		return ResponseEntity.status(detail.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
	}

}
