package jp.itaku.account.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jp.itaku.account.SsoProperties;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;

/**
 * The client registrations of the configured identity providers (issue 22), each
 * discovered from its issuer's {@code /.well-known/openid-configuration} when first
 * needed, not at start-up: a node starts while a provider is away, and its staff are told
 * so on the sign-in page. The redirect URI is the provider's {@code redirect-uri}: by
 * default Spring Security's {@code {baseUrl}/login/oauth2/code/{registrationId}}, filled
 * in for each request with the address the browser used (behind a trusted reverse proxy,
 * the one its forwarded headers name: {@code TrustedProxies}); the provider sends the
 * code only to an address registered with it. The authorization code flow always uses
 * PKCE ({@link SsoLogin}).
 */
@Component
class SsoRegistrations implements ClientRegistrationRepository {

	private static final Logger log = LoggerFactory.getLogger(SsoRegistrations.class);

	private final SsoProperties properties;

	private final Map<String, ClientRegistration> discovered = new ConcurrentHashMap<>();

	SsoRegistrations(SsoProperties properties) {
		this.properties = properties;
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		SsoProperties.Provider provider = this.properties.providers().get(registrationId);
		if (provider == null) {
			return null;
		}
		ClientRegistration found = this.discovered.get(registrationId);
		if (found != null) {
			return found;
		}
		try {
			ClientRegistration registration = ClientRegistrations.fromIssuerLocation(provider.issuer())
				.registrationId(registrationId)
				.clientId(provider.clientId())
				.clientSecret(provider.clientSecret())
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.scope(provider.scopes())
				.redirectUri(provider.redirectUri())
				.userNameAttributeName("sub")
				.clientName((provider.displayName() != null) ? provider.displayName() : registrationId)
				.build();
			this.discovered.put(registrationId, registration);
			return registration;
		}
		catch (RuntimeException ex) {
			// The message names the issuer only: no secret is in it.
			log.warn("Identity provider {} cannot be discovered at {}: {}", registrationId, provider.issuer(),
					ex.getMessage());
			return null;
		}
	}

}
