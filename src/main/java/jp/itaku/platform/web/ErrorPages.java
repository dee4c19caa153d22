package jp.itaku.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What the server answers when no controller did: the servlet container's error dispatch
 * for Spring's and Tomcat's own refusals (an unknown address 404, a method not allowed
 * 405, an upload over the limit 413, an unsupported body 415, a malformed request 400)
 * and for anything that escaped. {@code /api/**} gets {@code application/problem+json}
 * with a Japanese (or English) detail, every other address the error page. Replaces
 * Spring Boot's default error controller, whose English JSON and empty bodies the API
 * must never answer with.
 */
@Controller
class ErrorPages implements ErrorController {

	private final ProblemMessages messages;

	ErrorPages(ProblemMessages messages) {
		this.messages = messages;
	}

	@RequestMapping("/error")
	Object error(HttpServletRequest request, HttpServletResponse response, Model model) {
		HttpStatus status = statusOf(request);
		String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri == null) {
			uri = request.getRequestURI();
		}
		String message = this.messages.text(messageKey(status));
		if (isApi(uri, request.getContextPath())) {
			ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, message);
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
		}
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		model.addAttribute("problemMessage", message);
		return "error";
	}

	static boolean isApi(String uri, String contextPath) {
		String path = (contextPath != null && uri.startsWith(contextPath)) ? uri.substring(contextPath.length()) : uri;
		return path.startsWith("/api/") || path.equals("/api");
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code == null) {
			// Asked for directly rather than dispatched to: there is no error to tell.
			return HttpStatus.NOT_FOUND;
		}
		if (code instanceof Integer value) {
			HttpStatus status = HttpStatus.resolve(value);
			if (status != null && status.isError()) {
				return status;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	/**
	 * Returns the message key of a status the server answers by itself.
	 * @param status the status
	 * @return {@code error.status.NNN} for the known ones, else the general failure
	 */
	static String messageKey(HttpStatus status) {
		return switch (status.value()) {
			case 400, 401, 403, 404, 405, 406, 408, 409, 413, 414, 415, 429, 431, 503 ->
				"error.status." + status.value();
			default -> status.is4xxClientError() ? "error.status.400" : "error.page.other";
		};
	}

}
