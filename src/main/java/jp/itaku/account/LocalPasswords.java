package jp.itaku.account;

import java.util.Optional;

import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.platform.Role;

import org.springframework.stereotype.Component;

/**
 * Whether a user may sign in with an Itaku password (issue 22): not when their
 * organisation signs its staff in through an identity provider configured with
 * {@code forbid-local-passwords}. System administrators keep their password, the
 * break-glass way in when the provider is down; contractors' organisations are never
 * bound to a provider.
 */
@Component
class LocalPasswords {

	private final SsoProperties properties;

	private final OrganisationSystemReads organisations;

	LocalPasswords(SsoProperties properties, OrganisationSystemReads organisations) {
		this.properties = properties;
		this.organisations = organisations;
	}

	/**
	 * Returns whether a user's password must be refused.
	 * @param user the user
	 * @return {@code true} when their organisation forbids local passwords
	 */
	boolean forbidden(UserAccount user) {
		if (user.getRole() == Role.SYSTEM_ADMIN) {
			return false;
		}
		return this.properties.providers()
			.values()
			.stream()
			.filter(SsoProperties.Provider::forbidLocalPasswords)
			.map((provider) -> this.organisations.findByNameUnscoped(provider.organisation()))
			.flatMap(Optional::stream)
			.anyMatch((organisation) -> organisation.getId().equals(user.getOrganisationId()));
	}

}
