package jp.itaku.platform.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.platform.database.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Answers a request that failed because the database is away with 503 and
 * {@code Retry-After}, wherever it failed (a controller, a view, the sign-in filters):
 * {@code application/problem+json} under {@code /api/}, the "temporarily unavailable"
 * page elsewhere. It wraps every other filter, so that a failure before the controller
 * (an API token looked up, a session loaded) never becomes a blank 500; the transaction
 * it happened in was rolled back, and the next request that finds the database back
 * succeeds.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	/** What clients are told to wait before they try again, in seconds. */
	static final String RETRY_AFTER = "10";

	private final ProblemResponses problems;

	private final ViewResolver views;

	private final LocaleResolver locales;

	DatabaseUnavailableFilter(ProblemResponses problems, ViewResolver views, LocaleResolver locales) {
		this.problems = problems;
		this.views = views;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!DatabaseUnavailable.isCause(ex)) {
				throw ex;
			}
			log.warn("The database is unavailable: {} {} answered 503 ({})", request.getMethod(),
					request.getRequestURI(), rootMessage(ex));
			if (response.isCommitted()) {
				return;
			}
			response.reset();
			write(request, response);
		}
	}

	/**
	 * Writes the 503 answer.
	 * @param request the request
	 * @param response the response, not committed
	 * @throws IOException when it cannot be written
	 */
	void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader("Retry-After", RETRY_AFTER);
		response.setHeader("Cache-Control", "no-store");
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
			this.problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable");
			return;
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		try {
			request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, this.locales);
			Locale locale = this.locales.resolveLocale(request);
			View view = this.views.resolveViewName("unavailable", locale);
			if (view == null) {
				throw new IllegalStateException("No view 'unavailable'");
			}
			response.setContentType("text/html;charset=UTF-8");
			view.render(Map.of("status", 503), request, response);
		}
		catch (Exception ex) {
			log.warn("Cannot render the unavailable page", ex);
			if (!response.isCommitted()) {
				response.resetBuffer();
				response.setContentType("text/plain;charset=UTF-8");
				response.getWriter().write("503 Service Unavailable");
			}
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
