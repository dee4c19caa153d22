package jp.itaku.platform.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Applies {@code ?lang=} only for the locales the UI speaks, so that {@code ?lang=xx}
 * cannot leave a user with untranslated pages.
 */
class SupportedLocaleInterceptor implements HandlerInterceptor {

	private final LocaleChangeInterceptor delegate;

	SupportedLocaleInterceptor(LocaleChangeInterceptor delegate) {
		this.delegate = delegate;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		String lang = request.getParameter("lang");
		if (lang == null) {
			return true;
		}
		boolean supported = WebConfiguration.SUPPORTED.stream()
			.map(Locale::getLanguage)
			.anyMatch((language) -> language.equalsIgnoreCase(lang));
		return !supported || this.delegate.preHandle(request, response, handler);
	}

}
