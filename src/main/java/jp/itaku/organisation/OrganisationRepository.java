package jp.itaku.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.itaku.platform.OrganisationKind;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored organisations. Unscoped: only {@link Organisations} uses it, and scopes every
 * read.
 */
interface OrganisationRepository extends JpaRepository<Organisation, UUID> {

	List<Organisation> findAllByOrderByKindAscNameAsc();

	List<Organisation> findByIdInOrderByKindAscNameAsc(Collection<UUID> ids);

	Optional<Organisation> findByName(String name);

	List<Organisation> findByKindOrderByNameAsc(OrganisationKind kind);

	boolean existsByNameAndIdNot(String name, UUID id);

}
