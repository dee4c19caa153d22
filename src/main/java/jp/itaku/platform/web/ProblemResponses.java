package jp.itaku.platform.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Writes a problem detail straight to a response, for failures that happen before a
 * controller is reached (authentication filters).
 */
@Component
public class ProblemResponses {

	private final ProblemMessages messages;

	private final JsonMapper json;

	private final LocaleResolver locales;

	ProblemResponses(ProblemMessages messages, JsonMapper json, LocaleResolver locales) {
		this.messages = messages;
		this.json = json;
		this.locales = locales;
	}

	/**
	 * Writes a 401 problem with a message of the user's locale, from a filter or a
	 * security handler outside any controller.
	 * @param request the request, for the reader's language
	 * @param response the response
	 * @param messageKey the message key of the detail
	 * @throws IOException when the response cannot be written
	 */
	public void unauthorized(HttpServletRequest request, HttpServletResponse response, String messageKey)
			throws IOException {
		write(request, response, HttpStatus.UNAUTHORIZED, messageKey);
	}

	/**
	 * Writes a 403 problem with a message of the user's locale, from a filter or a
	 * security handler outside any controller.
	 * @param request the request
	 * @param response the response
	 * @param messageKey the message key of the detail
	 * @throws IOException when the response cannot be written
	 */
	public void forbidden(HttpServletRequest request, HttpServletResponse response, String messageKey)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, messageKey);
	}

	/**
	 * Writes {@code application/problem+json} with a localized detail.
	 * @param request the request, for the reader's language
	 * @param response the response
	 * @param status the status
	 * @param messageKey the message key of the detail
	 * @throws IOException when the response cannot be written
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey)
			throws IOException {
		Locale locale = this.locales.resolveLocale(request);
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, this.messages.text(locale, messageKey));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(this.json.writeValueAsString(detail));
	}

}
