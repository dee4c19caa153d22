package jp.itaku.platform.web;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Keeps a half-written form across a session that ended while it was being written (issue
 * 20, item 8). When a form is posted after the session ended, the post is refused (it is
 * never replayed: a state-changing request is made only by the user, knowingly) and its
 * text fields are kept in the new, not yet signed-in session together with the page the
 * form was on. After the user signed in again (password and, where required, the second
 * factor) they are sent back to that page, and the values are put into its form
 * ({@code …Form} model attributes) for them to check and send again, with a notice saying
 * so.
 * <p>
 * What is never kept: files (a multipart request's files are not parameters), the CSRF
 * token, a form's one-time key (the page issues a new one), and any field whose name
 * speaks of a password, secret, code or token. At most {@value #MAX_FIELDS} fields of at
 * most {@value #MAX_LENGTH} characters each are kept, only for the page named, and only
 * once. The page is a path on this server taken from the form's own page (the
 * {@code Referer} of the post), never a host the request names.
 */
public final class FormRescue implements HandlerInterceptor {

	/** The session attribute holding a kept form. */
	static final String ATTRIBUTE = FormRescue.class.getName();

	static final int MAX_FIELDS = 100;

	static final int MAX_LENGTH = 20_000;

	private static final DefaultFormattingConversionService CONVERSIONS = new DefaultFormattingConversionService();

	private static final String[] SECRET_WORDS = { "password", "secret", "code", "token", "csrf" };

	/**
	 * Keeps the text fields of a form posted after its session ended, in a new session,
	 * when the post came from a page of this server.
	 * @param request the refused post
	 * @return the path of the page the user returns to after signing in, or {@code null}
	 * when nothing was kept
	 */
	public static @Nullable String keep(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())) {
			return null;
		}
		String page = pageOf(request.getHeader("Referer"), request.getContextPath());
		if (page == null) {
			return null;
		}
		Map<String, String[]> fields = new LinkedHashMap<>();
		for (Map.Entry<String, String[]> field : request.getParameterMap().entrySet()) {
			if (fields.size() >= MAX_FIELDS) {
				break;
			}
			if (!keeps(field.getKey())) {
				continue;
			}
			String[] values = field.getValue().clone();
			for (int i = 0; i < values.length; i++) {
				if (values[i] != null && values[i].length() > MAX_LENGTH) {
					values[i] = values[i].substring(0, MAX_LENGTH);
				}
			}
			fields.put(field.getKey(), values);
		}
		request.getSession(true).setAttribute(ATTRIBUTE, new Kept(page, fields));
		return page;
	}

	/**
	 * Returns the page a kept form is waiting on in a session, if any.
	 * @param session the session, may be {@code null}
	 * @return the path (with its query) on this server, or {@code null}
	 */
	public static @Nullable String waitingPage(@Nullable HttpSession session) {
		if (session == null) {
			return null;
		}
		return (session.getAttribute(ATTRIBUTE) instanceof Kept kept) ? kept.page() : null;
	}

	static boolean keeps(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.equals(IdempotentRequests.FORM_FIELD.toLowerCase(Locale.ROOT)) || lower.startsWith("_")) {
			return false;
		}
		for (String word : SECRET_WORDS) {
			if (lower.contains(word)) {
				return false;
			}
		}
		return true;
	}

	static @Nullable String pageOf(@Nullable String referer, String contextPath) {
		if (referer == null) {
			return null;
		}
		try {
			URI uri = new URI(referer);
			String path = uri.getRawPath();
			if (path == null || !path.startsWith(contextPath + "/") || path.startsWith("//")
					|| path.startsWith(contextPath + "/login") || path.contains("\\")) {
				return null;
			}
			return (uri.getRawQuery() != null) ? path + "?" + uri.getRawQuery() : path;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView modelAndView) {
		if (modelAndView == null || !"GET".equals(request.getMethod()) || modelAndView.getViewName() == null
				|| modelAndView.getViewName().startsWith("redirect:")) {
			return;
		}
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Kept kept)) {
			return;
		}
		String here = request.getRequestURI()
				+ ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		if (!here.equals(kept.page())) {
			return;
		}
		session.removeAttribute(ATTRIBUTE);
		boolean restored = false;
		for (Map.Entry<String, Object> attribute : modelAndView.getModel().entrySet()) {
			Object target = attribute.getValue();
			if (target != null && target.getClass().getSimpleName().endsWith("Form")
					&& target.getClass().getName().startsWith("jp.itaku.")) {
				WebDataBinder binder = new WebDataBinder(target, attribute.getKey());
				binder.setConversionService(CONVERSIONS);
				binder.setIgnoreInvalidFields(true);
				binder.bind(new MutablePropertyValues(kept.fields()));
				restored = true;
			}
		}
		if (restored) {
			modelAndView.addObject("formRestored", Boolean.TRUE);
		}
	}

	/**
	 * A form kept for its page.
	 *
	 * @param page the path (with its query) of the page the form was on
	 * @param fields the kept fields
	 */
	record Kept(String page, Map<String, String[]> fields) implements Serializable {
	}

}
