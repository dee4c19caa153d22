package jp.itaku.account;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.itaku.platform.Role;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The client's OpenID Connect identity providers for single sign-on of its staff
 * ({@code itaku.sso.providers.<id>.*}, issue 22). Each provider is bound to one client
 * organisation; its directory groups map to roles. None configured: no SSO button, no SSO
 * endpoint does anything, local accounts only.
 *
 * @param providers the providers by their id (the id appears in the redirect URI
 * {@code /login/oauth2/code/<id>})
 */
@ConfigurationProperties("itaku.sso")
public record SsoProperties(@DefaultValue Map<String, Provider> providers) {

	/**
	 * Returns a provider by its id.
	 * @param id the provider's id
	 * @return the provider, or empty when none has that id
	 */
	public Optional<Provider> provider(String id) {
		return Optional.ofNullable(this.providers.get(id));
	}

	/**
	 * One identity provider.
	 *
	 * @param displayName the provider's name on the sign-in button (e.g. 「庁内ディレクトリ」)
	 * @param issuer the issuer URL; the rest is discovered from
	 * {@code <issuer>/.well-known/openid-configuration}
	 * @param clientId Itaku's client id at the provider
	 * @param clientSecret Itaku's client secret at the provider
	 * @param scopes the scopes asked for ({@code openid} is always among them)
	 * @param groupsClaim the claim of the ID token (or user info) that lists the user's
	 * groups
	 * @param roleGroups for each role, the groups whose members get it; a user in groups
	 * of several roles gets the first of them in the order of {@link Role}
	 * @param organisation the name of the client organisation that the provider's users
	 * belong to
	 * @param contact whom a refused user should ask for access (named in the refusal)
	 * @param mfaAmrValues values of the {@code amr} claim that prove a multi-factor
	 * sign-in at the provider
	 * @param mfaAcrValues values of the {@code acr} claim that prove a multi-factor
	 * sign-in at the provider
	 * @param forbidLocalPasswords whether the organisation's staff (but its system
	 * administrators, the break-glass accounts) may no longer sign in with an Itaku
	 * password
	 * @param rpLogout whether signing out of Itaku also goes to the provider's
	 * end-session endpoint, where the provider offers to end its own session
	 * @param redirectUri where the provider sends the browser back with the authorization
	 * code; {@code {baseUrl}} and {@code {registrationId}} are filled in for each request
	 * as Spring Security does: the address the browser used (behind a trusted reverse
	 * proxy, the one its forwarded headers name)
	 * @param postLogoutRedirectUri where the provider's end-session endpoint sends the
	 * user back, with the same placeholders
	 */
	public record Provider(@Nullable String displayName, String issuer, String clientId, String clientSecret,
			@DefaultValue( {
					"openid", "profile", "email" }) Set<String> scopes,
			@DefaultValue("groups") String groupsClaim, @DefaultValue Map<Role, List<String>> roleGroups,
			String organisation, @DefaultValue("") String contact, @DefaultValue("mfa") Set<String> mfaAmrValues,
			@DefaultValue Set<String> mfaAcrValues, @DefaultValue("false") boolean forbidLocalPasswords,
			@DefaultValue("true") boolean rpLogout, @DefaultValue(DEFAULT_REDIRECT_URI) String redirectUri,
			@DefaultValue(DEFAULT_POST_LOGOUT_REDIRECT_URI) String postLogoutRedirectUri){

		/** Spring Security's redirect URI: the request's own address. */
		public static final String DEFAULT_REDIRECT_URI = "{baseUrl}/login/oauth2/code/{registrationId}";

		/** The sign-in page at the request's own address. */
		public static final String DEFAULT_POST_LOGOUT_REDIRECT_URI = "{baseUrl}/login?logout";

		/**
		 * Returns the role that a user's groups map to.
		 * @param groups the user's groups as the provider sent them
		 * @return the role, or empty when no group is mapped
		 */
		public Optional<Role> roleFor(List<String> groups) {
			for (Role role : Role.values()) {
				List<String> mapped = this.roleGroups.get(role);
				if (mapped != null && groups.stream().anyMatch(mapped::contains)) {
					return Optional.of(role);
				}
			}
			return Optional.empty();
		}

		/**
		 * Returns the user's groups that map to any role.
		 * @param groups the user's groups
		 * @return the mapped ones, in the provider's order
		 */
		public List<String> mappedGroups(List<String> groups) {
			return groups.stream()
				.filter((group) -> this.roleGroups.values().stream().anyMatch((list) -> list.contains(group)))
				.toList();
		}

		/**
		 * Returns whether the provider's claims prove a multi-factor sign-in.
		 * @param amr the {@code amr} values
		 * @param acr the {@code acr} value, or {@code null}
		 * @return {@code true} when one of the configured values is there
		 */
		public boolean multiFactor(List<String> amr, @Nullable String acr) {
			return amr.stream().anyMatch(this.mfaAmrValues::contains)
					|| (acr != null && this.mfaAcrValues.contains(acr));
		}

	}

}
