package jp.itaku.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Japanese first, English second: the locale comes from {@code ?lang=}, then the user's
 * saved preference (applied at sign-in), then a cookie, and is Japanese otherwise — never
 * the browser's or the JVM's default.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/** The locales the UI speaks. */
	static final List<Locale> SUPPORTED = List.of(Locale.JAPANESE, Locale.ENGLISH);

	private final ObjectProvider<PageBanner> banners;

	WebConfiguration(ObjectProvider<PageBanner> banners) {
		this.banners = banners;
	}

	@Bean
	LocaleResolver localeResolver() {
		LanguageCookie resolver = new LanguageCookie();
		resolver.setDefaultLocaleFunction(WebConfiguration::fromAcceptLanguage);
		return resolver;
	}

	/**
	 * The chosen language in a cookie ({@value #NAME}, a year, HttpOnly, SameSite=Lax),
	 * {@code Secure} when the request came over TLS (directly or through a trusted proxy,
	 * see {@link TrustedProxies}), as the session cookie is.
	 */
	static final class LanguageCookie extends CookieLocaleResolver {

		static final String NAME = "ITAKU_LANG";

		private static final Duration MAX_AGE = Duration.ofDays(365);

		LanguageCookie() {
			super(NAME);
		}

		@Override
		public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
				@Nullable Locale locale) {
			ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie
				.from(NAME, (locale != null) ? toLocaleValue(locale) : "")
				.path("/")
				.maxAge((locale != null) ? MAX_AGE : Duration.ZERO)
				.httpOnly(true)
				.sameSite("Lax")
				.secure(request.isSecure());
			if (response != null) {
				response.addHeader(HttpHeaders.SET_COOKIE, cookie.build().toString());
			}
			request.setAttribute(LOCALE_REQUEST_ATTRIBUTE_NAME,
					(locale != null) ? locale : fromAcceptLanguage(request));
		}

	}

	/**
	 * Returns the first supported language the client accepts, Japanese when none is.
	 * @param request the request
	 * @return Japanese or English
	 */
	static Locale fromAcceptLanguage(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header == null || header.isBlank()) {
			return Locale.JAPANESE;
		}
		try {
			Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
			return (match != null) ? match : Locale.JAPANESE;
		}
		catch (IllegalArgumentException ex) {
			return Locale.JAPANESE;
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(new SupportedLocaleInterceptor(interceptor));
		registry.addInterceptor(new InputRulesInterceptor());
		registry.addInterceptor(new PageBanners(this.banners));
		registry.addInterceptor(new FormRescue());
	}

}
