package jp.itaku.account.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import jp.itaku.account.SsoSignIn;

import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The two SSO addresses of Itaku's own (issue 22). {@code GET /login/sso/<id>} is the
 * sign-in button's target: it goes on to the provider when the provider answers its
 * discovery, and back to the sign-in page with a message when it does not.
 * {@code POST /login/sso/<id>/backchannel-logout} receives the provider's logout token
 * (OpenID Connect Back-Channel Logout 1.0): signed with the provider's keys, from its
 * issuer, for Itaku's client id, recent, with the back-channel logout event and without a
 * nonce; then every Itaku session of the user whose subject it names ends, on every node.
 */
@Controller
class SsoController {

	private static final String LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

	private final SsoRegistrations registrations;

	private final SsoSignIn ssoSignIn;

	private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

	SsoController(SsoRegistrations registrations, SsoSignIn ssoSignIn) {
		this.registrations = registrations;
		this.ssoSignIn = ssoSignIn;
	}

	@GetMapping("/login/sso/{provider}")
	String start(@PathVariable String provider) {
		if (this.registrations.findByRegistrationId(provider) == null) {
			return "redirect:/login?sso_error";
		}
		return "redirect:/oauth2/authorization/" + provider;
	}

	@PostMapping("/login/sso/{provider}/backchannel-logout")
	@ResponseBody
	ResponseEntity<Map<String, String>> backChannelLogout(@PathVariable String provider,
			@RequestParam(name = "logout_token", required = false) String logoutToken) {
		ClientRegistration registration = this.registrations.findByRegistrationId(provider);
		if (registration == null || logoutToken == null || logoutToken.isBlank()) {
			return invalid("unknown provider or no logout token");
		}
		Jwt token;
		try {
			token = this.decoders.computeIfAbsent(provider, (id) -> decoder(registration)).decode(logoutToken);
		}
		catch (JwtException ex) {
			return invalid("logout token refused");
		}
		String subject = token.getSubject();
		if (subject == null) {
			return invalid("logout token without subject");
		}
		this.ssoSignIn.signedOutAtProvider(provider, subject);
		return ResponseEntity.ok().header("Cache-Control", "no-store").body(Map.of());
	}

	private static ResponseEntity<Map<String, String>> invalid(String description) {
		return ResponseEntity.badRequest()
			.header("Cache-Control", "no-store")
			.body(Map.of("error", "invalid_request", "error_description", description));
	}

	private static JwtDecoder decoder(ClientRegistration registration) {
		String jwks = Objects.requireNonNull(registration.getProviderDetails().getJwkSetUri(), "jwks_uri");
		String issuer = Objects.requireNonNull(registration.getProviderDetails().getIssuerUri(), "issuer");
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwks).validateType(false).build();
		String clientId = registration.getClientId();
		OAuth2TokenValidator<Jwt> logoutToken = (jwt) -> {
			Object events = jwt.getClaims().get("events");
			boolean valid = jwt.getSubject() != null && jwt.getIssuedAt() != null && jwt.getAudience() != null
					&& jwt.getAudience().contains(clientId) && events instanceof Map<?, ?> map
					&& map.containsKey(LOGOUT_EVENT) && !jwt.hasClaim("nonce");
			return valid ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult
				.failure(new OAuth2Error("invalid_request", "not a logout token for this client", null));
		};
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List
			.of(new JwtTimestampValidator(Duration.ofMinutes(2)), new JwtIssuerValidator(issuer), logoutToken)));
		return decoder;
	}

}
