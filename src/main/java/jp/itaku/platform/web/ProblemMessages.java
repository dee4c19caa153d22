package jp.itaku.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.itaku.platform.ItakuProblem;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Turns problems into text in the reader's language and into RFC 9457 problem details
 * naming each field at fault ({@code errors: [{field, message}]}).
 */
@Component
public class ProblemMessages {

	private final MessageSource messages;

	ProblemMessages(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Resolves a message in the current request's locale.
	 * @param key the message key
	 * @param arguments its arguments
	 * @return the message text
	 */
	public @Nullable String text(String key, Object... arguments) {
		return text(locale(), key, arguments);
	}

	/**
	 * Resolves a message in a given locale.
	 * @param locale the locale
	 * @param key the message key
	 * @param arguments its arguments
	 * @return the message text
	 */
	public String text(Locale locale, String key, Object... arguments) {
		String message = this.messages.getMessage(key, arguments, key, locale);
		// the default (the key) when the key is missing: never null
		return (message != null) ? message : key;
	}

	/**
	 * Returns a 400 problem whose detail is a message of the current locale, for an
	 * answer that adds its own properties (a file's errors by line).
	 * @param key the message key
	 * @param arguments the message's arguments
	 * @return the problem detail
	 */
	public ProblemDetail invalidInput(String key, @Nullable Object... arguments) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text(key, arguments));
	}

	/**
	 * Builds the problem detail of a domain problem.
	 * @param problem the problem
	 * @return the problem detail with a localized detail and field list
	 */
	public ProblemDetail toProblemDetail(ItakuProblem problem) {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.getStatus(),
				text(problem.getMessageKey(), problem.getArguments()));
		List<Map<String, String>> errors = new ArrayList<>();
		for (ItakuProblem.FieldProblem field : problem.getFieldProblems()) {
			errors.add(Map.of("field", field.field(), "message", text(field.messageKey(), field.arguments())));
		}
		if (!errors.isEmpty()) {
			detail.setProperty("errors", errors);
		}
		return detail;
	}

	/**
	 * Builds the problem detail of failed Bean Validation.
	 * @param status the status to answer with
	 * @param result the binding result
	 * @return the problem detail naming every field at fault
	 */
	public ProblemDetail toProblemDetail(HttpStatusCode status, BindingResult result) {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, text("error.invalidInput"));
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : result.getFieldErrors()) {
			errors.add(Map.of("field", error.getField(), "message", this.messages.getMessage(error, locale())));
		}
		result.getGlobalErrors()
			.forEach((error) -> errors
				.add(Map.of("field", error.getObjectName(), "message", this.messages.getMessage(error, locale()))));
		detail.setProperty("errors", errors);
		return detail;
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
