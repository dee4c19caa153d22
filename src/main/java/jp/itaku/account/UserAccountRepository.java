package jp.itaku.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.itaku.platform.Role;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored accounts. Unscoped: only this module's services use it, and they scope every
 * read.
 */
interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

	Optional<UserAccount> findByUsername(String username);

	List<UserAccount> findAllByOrderByUsernameAsc();

	List<UserAccount> findByOrganisationIdInOrderByUsernameAsc(Collection<UUID> organisationIds);

	List<UserAccount> findByOrganisationIdOrderByUsernameAsc(UUID organisationId);

	boolean existsByUsername(String username);

	List<UserAccount> findByRoleOrderByUsernameAsc(Role role);

}
