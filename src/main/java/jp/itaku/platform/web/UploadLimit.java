package jp.itaku.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the multipart limit is refused before any controller is chosen, so the
 * controller advices of the API and the pages never see it: 413 with problem details on
 * {@code /api/**}, the Japanese error page elsewhere.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice
class UploadLimit {

	private final ProblemMessages messages;

	UploadLimit(ProblemMessages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(HttpServletRequest request, HttpServletResponse response, Model model) {
		String message = this.messages.text("error.status.413");
		if (ErrorPages.isApi(request.getRequestURI(), request.getContextPath())) {
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, message));
		}
		response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
		ModelAndView page = new ModelAndView("error");
		page.addObject("status", HttpStatus.PAYLOAD_TOO_LARGE.value());
		page.addObject("problemMessage", message);
		return page;
	}

}
