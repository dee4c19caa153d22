package jp.itaku.obligation;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored {@link ObligationEvent} records. Unscoped: only {@link Obligations} uses it, and
 * it scopes every read through the contract.
 */
interface ObligationEventRepository extends JpaRepository<ObligationEvent, UUID> {

	List<ObligationEvent> findByObligationIdOrderByOccurredAtAsc(UUID obligationId);

}
