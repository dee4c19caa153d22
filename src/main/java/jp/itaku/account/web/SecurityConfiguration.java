package jp.itaku.account.web;

import jp.itaku.account.SignInStep;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.web.ProblemResponses;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Two filter chains. The API ({@code /api/**}, {@code /actuator/**}) is stateless, signs
 * in with bearer tokens only and answers failures with problem details. The pages sign in
 * with a form, go through the pending {@link SignInStep}s, and end after the idle timeout
 * (sessions: {@link SessionConfiguration}). Both send a strict Content-Security-Policy:
 * no inline scripts or styles, nothing from other origins.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * Observes sign-ins, not every request's passage through each security filter nor
	 * each authorization: the request itself is observed once
	 * ({@code http.server.requests}), and the per-filter observations cost a few per cent
	 * of a page's time for nothing anyone reads.
	 * @return the settings
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.withDefaults()
			.shouldObserveRequests(false)
			.shouldObserveAuthorizations(false)
			.shouldObserveAuthentications(true)
			.build();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, BearerTokenFilter bearerTokenFilter, ProblemResponses problems)
			throws Exception {
		http.securityMatcher("/api/**", "/actuator/**")
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.addFilterBefore(bearerTokenFilter, AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/api/v1/tokens")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole("SYSTEM_ADMIN")
				.anyRequest()
				.hasAuthority(CurrentActor.FULLY_SIGNED_IN))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(
						(request, response, ex) -> problems.unauthorized(request, response, "error.unauthorized"))
				.accessDeniedHandler(
						(request, response, ex) -> problems.forbidden(request, response, "error.forbidden")))
			.headers(SecurityConfiguration::headers);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http, SignInHandlers handlers,
			SecurityContextRepository securityContextRepository, SsoLogin sso) throws Exception {
		http.securityContext((context) -> context.securityContextRepository(securityContextRepository))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error")
				.permitAll()
				// Calendar feeds: the secret token in the URL is the credential (export
				// module).
				.requestMatchers(HttpMethod.GET, "/calendar/**")
				.permitAll()
				// Single sign-on: the button's target and the provider's back-channel
				// logout.
				.requestMatchers("/login/sso/**")
				.permitAll()
				.requestMatchers("/login/totp")
				.hasAuthority(SignInStep.TOTP.authorityName())
				.requestMatchers("/account/password")
				.hasAnyAuthority(SignInStep.PASSWORD_CHANGE.authorityName(), CurrentActor.FULLY_SIGNED_IN)
				.requestMatchers("/account/totp", "/account/totp/**")
				.hasAnyAuthority(SignInStep.TOTP_ENROLMENT.authorityName(), CurrentActor.FULLY_SIGNED_IN)
				.requestMatchers("/admin/**")
				.hasRole("SYSTEM_ADMIN")
				.anyRequest()
				.hasAuthority(CurrentActor.FULLY_SIGNED_IN))
			.formLogin((form) -> form.loginPage("/login")
				.loginProcessingUrl("/login")
				.successHandler(handlers)
				.failureHandler(handlers)
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/logout")
				.addLogoutHandler(handlers)
				.addLogoutHandler(sso)
				.logoutSuccessHandler(sso)
				.deleteCookies(SessionConfiguration.COOKIE))
			.sessionManagement((session) -> session.invalidSessionStrategy(handlers))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(loginPage()).accessDeniedHandler(handlers))
			.headers(SecurityConfiguration::headers);
		sso.configure(http);
		return http.build();
	}

	/**
	 * Sends a user who must sign in to the sign-in page by a path on this server, never
	 * by an address built from the request's {@code Host} header.
	 */
	private static LoginUrlAuthenticationEntryPoint loginPage() {
		LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
		entryPoint.setFavorRelativeUris(true);
		return entryPoint;
	}

	/** The bearer filter belongs to the API chain only, not to every request. */
	@Bean
	FilterRegistrationBean<BearerTokenFilter> bearerTokenFilterRegistration(BearerTokenFilter filter) {
		FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	private static void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.frameOptions((frame) -> frame.deny())
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", "camera=(), microphone=(), geolocation=()"));
	}

}
