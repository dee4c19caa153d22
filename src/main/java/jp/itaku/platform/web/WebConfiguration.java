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
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Japanese first, English second: the locale comes from {@code ?lang=}, then the user's
 * saved preference (applied at sign-in), then a cookie, and is Japanese otherwise — never
 * the browser's or the JVM's default.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/** The folders of {@code static/}, each served under its own name. */
	static final List<String> STATIC_FOLDERS = List.of("css", "js", "img");

	private static final Duration STATIC_MAX_AGE = Duration.ofDays(365);

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

	/**
	 * Static files, each folder under its own path, cached for a year under names that
	 * carry a hash of their content ({@code itaku-<md5>.css}; the templates'
	 * {@code @{...}} links are rewritten), resolved once and remembered. Only these
	 * paths: a catch-all {@code /**} made every link of every page
	 * ({@code /contracts/...}) a static file to look up, in every jar of the class path,
	 * on each rendering — never found, so never remembered.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : STATIC_FOLDERS) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(CacheControl.maxAge(STATIC_MAX_AGE))
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
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
