package jp.itaku.account.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jp.itaku.account.SsoProperties;
import jp.itaku.account.SsoSignIn;

import org.jspecify.annotations.Nullable;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Single sign-on of the client's staff with OpenID Connect (issue 22), plugged into the
 * pages' filter chain by {@link SecurityConfiguration} only when a provider is
 * configured: Spring Security's OAuth2 client runs the authorization code flow with PKCE
 * against the provider ({@link SsoRegistrations}); {@link SsoSignIn} decides what the
 * provider's answer means in Itaku, and the user then goes through the same
 * {@link SignInHandlers} steps as after a password. Of the provider's tokens Itaku keeps
 * the refresh token, encrypted at rest with its link ({@link SsoSignIn}), for the
 * periodic leaver check ({@link SsoLeaverCheck}), and the ID token in the session
 * (encrypted at rest) as the hint for the provider's end-session endpoint: signing out of
 * Itaku goes on to the provider, which offers to end its own session (RP-initiated
 * logout), where the provider has one and {@code rp-logout} is on. The access token is
 * dropped.
 */
@Component
class SsoLogin
		implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler, LogoutSuccessHandler {

	/** The session attribute naming the provider the user signed in through. */
	static final String PROVIDER = SsoLogin.class.getName() + ".provider";

	/** The session attribute holding the provider's ID token. */
	static final String ID_TOKEN = SsoLogin.class.getName() + ".idToken";

	/**
	 * The session attribute holding the provider's end-session address after sign-out.
	 */
	static final String END_SESSION = SsoLogin.class.getName() + ".endSession";

	/** The back-channel logout endpoint of each provider. */
	static final String BACK_CHANNEL_LOGOUT = "/login/sso/*/backchannel-logout";

	private final SsoProperties properties;

	private final SsoRegistrations registrations;

	private final SsoSignIn ssoSignIn;

	private final SignInHandlers handlers;

	private final HttpSessionOAuth2AuthorizedClientRepository authorizedClients = new HttpSessionOAuth2AuthorizedClientRepository();

	SsoLogin(SsoProperties properties, SsoRegistrations registrations, SsoSignIn ssoSignIn, SignInHandlers handlers) {
		this.properties = properties;
		this.registrations = registrations;
		this.ssoSignIn = ssoSignIn;
		this.handlers = handlers;
	}

	/**
	 * Adds the OpenID Connect sign-in to the pages' chain, when a provider is configured.
	 * @param http the chain's builder
	 * @throws Exception when Spring Security refuses the configuration
	 */
	void configure(HttpSecurity http) throws Exception {
		if (this.properties.providers().isEmpty()) {
			return;
		}
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				this.registrations, "/oauth2/authorization");
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		http.oauth2Login((login) -> login.loginPage("/login")
			.clientRegistrationRepository(this.registrations)
			.authorizedClientRepository(this.authorizedClients)
			.authorizationEndpoint((endpoint) -> endpoint.authorizationRequestResolver(resolver))
			.successHandler(this)
			.failureHandler(this))
			// The provider posts its logout token without a CSRF token; the token is
			// checked
			// against the provider's keys instead (SsoBackChannelLogoutController).
			.csrf((csrf) -> csrf.ignoringRequestMatchers(BACK_CHANNEL_LOGOUT));
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
		String providerId = token.getAuthorizedClientRegistrationId();
		// The refresh token goes to the leaver check; the access token is not needed
		// after sign-in: nothing of either stays in the session.
		OAuth2AuthorizedClient client = this.authorizedClients.loadAuthorizedClient(providerId, authentication,
				request);
		OAuth2RefreshToken refreshToken = (client != null) ? client.getRefreshToken() : null;
		this.authorizedClients.removeAuthorizedClient(providerId, authentication, request, response);
		OidcUser user = (OidcUser) token.getPrincipal();
		SsoSignIn.Outcome outcome = this.ssoSignIn.signIn(providerId, user.getClaims(),
				(refreshToken != null) ? refreshToken.getTokenValue() : null);
		if (outcome instanceof SsoSignIn.Outcome.Accepted accepted) {
			HttpSession session = request.getSession();
			session.setAttribute(PROVIDER, providerId);
			session.setAttribute(ID_TOKEN, user.getIdToken().getTokenValue());
			this.handlers.proceed(request, response, accepted.authentication());
			return;
		}
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		response.sendRedirect(request.getContextPath() + "/login?sso_refused=" + providerId);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		response.sendRedirect(request.getContextPath() + "/login?sso_error");
	}

	/** Remembers, before the session ends, whether the user came through a provider. */
	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(PROVIDER) instanceof String provider
				&& session.getAttribute(ID_TOKEN) instanceof String idToken) {
			request.setAttribute(PROVIDER, provider);
			request.setAttribute(ID_TOKEN, idToken);
		}
	}

	/**
	 * Sends the signed-out user to the sign-in page; when they came through a provider
	 * with an end-session endpoint, the page offers a link to end the provider's session
	 * too (a link the user follows, so the pages' CSP {@code form-action 'self'} holds).
	 */
	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) throws IOException {
		String endSession = (request.getAttribute(PROVIDER) instanceof String provider
				&& request.getAttribute(ID_TOKEN) instanceof String idToken) ? endSession(provider, idToken, request)
						: null;
		if (endSession != null) {
			request.getSession(true).setAttribute(END_SESSION, endSession);
		}
		response.sendRedirect(request.getContextPath() + "/login?logout");
	}

	/**
	 * Takes the provider's end-session address left by a sign-out, once.
	 * @param request the sign-in page's request
	 * @return the address, or {@code null}
	 */
	static @Nullable String takeEndSession(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(END_SESSION) instanceof String endSession)) {
			return null;
		}
		session.removeAttribute(END_SESSION);
		return endSession;
	}

	/**
	 * The provider's end-session address with the hint and the way back, if it has one.
	 */
	private @Nullable String endSession(String providerId, String idToken, HttpServletRequest request) {
		SsoProperties.Provider provider = this.properties.providers().get(providerId);
		ClientRegistration registration = this.registrations.findByRegistrationId(providerId);
		if (provider == null || !provider.rpLogout() || registration == null) {
			return null;
		}
		String back = expand(provider.postLogoutRedirectUri(), request, providerId);
		Object endpoint = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
		if (endpoint == null) {
			return null;
		}
		return UriComponentsBuilder.fromUriString(endpoint.toString())
			.queryParam("id_token_hint", idToken)
			.queryParam("client_id", registration.getClientId())
			.queryParam("post_logout_redirect_uri", back)
			.encode()
			.build()
			.toUriString();
	}

	/**
	 * Fills in an address template as Spring Security fills in the redirect URI:
	 * {@code {baseUrl}} is the scheme, host, port and context path the request came to
	 * (behind a trusted reverse proxy, those its forwarded headers name).
	 */
	static String expand(String template, HttpServletRequest request, String registrationId) {
		String baseUrl = UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(request))
			.replacePath(request.getContextPath())
			.replaceQuery(null)
			.fragment(null)
			.build()
			.toUriString();
		return template.replace("{baseUrl}", baseUrl).replace("{registrationId}", registrationId);
	}

}
