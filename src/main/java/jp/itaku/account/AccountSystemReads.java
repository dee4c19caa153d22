package jp.itaku.account;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.itaku.platform.Role;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of user accounts without a user's scope, for the system's own work: scheduled
 * jobs, mails, event listeners, the log checks and the demo data; never for a request
 * made on a user's behalf, and never shown to a user without scoping. It is the named
 * interface {@code account :: system}: a module that uses it says so in its
 * {@code allowedDependencies}, and no web class may call it
 * ({@code ArchitectureRulesTests}).
 */
@Component
@NamedInterface("system")
public class AccountSystemReads {

	private final UserAccountRepository repository;

	AccountSystemReads(UserAccountRepository repository) {
		this.repository = repository;
	}

	/**
	 * Looks up a user without scoping, for sign-in and operator commands only.
	 * @param username the sign-in name
	 * @return the user, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<UserAccount> findByUsernameUnscoped(String username) {
		return this.repository.findByUsername(UserAccount.normalise(username));
	}

	/**
	 * Lists the enabled users of an organisation who hold one of the given roles, without
	 * scoping, for scheduled jobs and notifications; never show the result to a user.
	 * @param organisationId the organisation
	 * @param roles the roles wanted
	 * @return the enabled users with one of these roles, by user name
	 */
	@Transactional(readOnly = true)
	public List<UserAccount> enabledUsersUnscoped(UUID organisationId, Set<Role> roles) {
		return this.repository.findByOrganisationIdOrderByUsernameAsc(organisationId)
			.stream()
			.filter(UserAccount::isEnabled)
			.filter((user) -> roles.contains(user.getRole()))
			.toList();
	}

}
