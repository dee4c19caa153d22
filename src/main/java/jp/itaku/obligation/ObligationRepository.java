package jp.itaku.obligation;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored {@link Obligation} records. Unscoped: only {@link Obligations} uses it, and it
 * scopes every read through the contract.
 */
interface ObligationRepository extends JpaRepository<Obligation, UUID> {

	List<Obligation> findByContractIdOrderByDueDateAscClauseRefAsc(UUID contractId);

	List<Obligation> findByContractIdInAndStatusInOrderByDueDateAsc(Collection<UUID> contractIds,
			Collection<ObligationStatus> statuses);

}
