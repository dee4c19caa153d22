package jp.itaku.account.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.account.SignIn;
import jp.itaku.account.SignInStep;
import jp.itaku.account.StepAuthentication;
import jp.itaku.account.UserAccounts;
import jp.itaku.platform.ActorPrincipal;
import jp.itaku.platform.web.FormRescue;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.session.InvalidSessionStrategy;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * What happens around the sign-in form: a correct password leads to the user's next
 * {@link SignInStep}; a refused one gets the same message whether or not the user exists
 * or is locked ({@link PasswordAuthentication} counts it), and a source that must wait is
 * told how long; a user in a pending step who wanders off is sent back to it; sign-out is
 * audited. A request that comes with a session that has ended (idle timeout) leads to the
 * sign-in page: a page asked for is remembered and opened after sign-in (Spring
 * Security's saved request), and a form posted is never replayed but kept
 * ({@link FormRescue}) and shown again with its values after sign-in. Every redirect is a
 * path on this server, never built from the request's host.
 */
@Component
class SignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler,
		AccessDeniedHandler, InvalidSessionStrategy {

	private final SignIn signIn;

	private final UserAccounts users;

	private final SecurityContextRepository contexts;

	private final LocaleResolver locales;

	private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();

	private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

	SignInHandlers(SignIn signIn, UserAccounts users, SecurityContextRepository contexts, LocaleResolver locales) {
		this.signIn = signIn;
		this.users = users;
		this.contexts = contexts;
		this.locales = locales;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		StepAuthentication next = (StepAuthentication) authentication;
		applyPreferredLocale(request, response, next);
		proceed(request, response, next);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (exception instanceof PasswordAuthentication.Throttled throttled) {
			response.sendRedirect(request.getContextPath() + "/login?wait=" + throttled.seconds());
			return;
		}
		response.sendRedirect(request.getContextPath() + "/login?error");
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) {
		if (authentication instanceof StepAuthentication step && step.getPrincipal() instanceof ActorPrincipal p) {
			this.signIn.signedOut(p.actor());
		}
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof StepAuthentication step && step.getStep() != SignInStep.COMPLETE) {
			response.sendRedirect(request.getContextPath() + step.getStep().page());
			return;
		}
		this.forbidden.handle(request, response, denied);
	}

	/**
	 * A request with a session that has ended: a page is remembered for after sign-in, a
	 * posted form is kept without its files and secrets (never replayed); then the
	 * sign-in page says that the session ended.
	 */
	@Override
	public void onInvalidSessionDetected(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if ("POST".equals(request.getMethod())) {
			FormRescue.keep(request);
		}
		else if ("GET".equals(request.getMethod()) && acceptsPage(request)) {
			this.requestCache.saveRequest(request, response);
		}
		request.getSession(true);
		response.sendRedirect(request.getContextPath() + "/login?expired");
	}

	private static boolean acceptsPage(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return accept != null && accept.contains("text/html") && !path.startsWith("/login")
				&& !path.startsWith("/session/");
	}

	/**
	 * Stores the user's new authentication and sends them to their next step, or where
	 * they were going when sign-in was asked of them.
	 * @param request the request
	 * @param response the response
	 * @param next the authentication in the next step
	 * @throws IOException when the redirect fails
	 */
	void proceed(HttpServletRequest request, HttpServletResponse response, StepAuthentication next) throws IOException {
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(next);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		String target = next.getStep().page();
		if (next.getStep() == SignInStep.COMPLETE) {
			String formPage = FormRescue.waitingPage(request.getSession(false));
			if (formPage != null) {
				// Back to the form whose post found the session ended, to be sent again.
				this.requestCache.removeRequest(request, response);
				response.sendRedirect(formPage);
				return;
			}
			SavedRequest saved = this.requestCache.getRequest(request, response);
			if (saved instanceof DefaultSavedRequest original) {
				// Back where the user was going, as a path on this server: never to the
				// host the request named (a forged Host header).
				this.requestCache.removeRequest(request, response);
				String query = original.getQueryString();
				response.sendRedirect(original.getRequestURI() + ((query != null) ? "?" + query : ""));
				return;
			}
		}
		response.sendRedirect(request.getContextPath() + target);
	}

	private void applyPreferredLocale(HttpServletRequest request, HttpServletResponse response,
			StepAuthentication next) {
		ActorPrincipal principal = (ActorPrincipal) next.getPrincipal();
		String language = this.users.preferredLanguage(principal.actor()).orElse(null);
		if (language != null) {
			this.locales.setLocale(request, response, Locale.forLanguageTag(language));
		}
	}

}
