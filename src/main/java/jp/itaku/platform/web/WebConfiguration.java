package jp.itaku.platform.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
	static final java.util.List<Locale> SUPPORTED = java.util.List.of(Locale.JAPANESE, Locale.ENGLISH);

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("ITAKU_LANG");
		resolver.setDefaultLocaleFunction(WebConfiguration::fromAcceptLanguage);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		return resolver;
	}

	/**
	 * Returns the first supported language the client accepts, Japanese when none is.
	 * @param request the request
	 * @return Japanese or English
	 */
	static Locale fromAcceptLanguage(jakarta.servlet.http.HttpServletRequest request) {
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
	}

}
