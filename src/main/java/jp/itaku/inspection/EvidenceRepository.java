package jp.itaku.inspection;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stores {@link Evidence}s.
 */
interface EvidenceRepository extends JpaRepository<Evidence, UUID> {

	List<Evidence> findByFindingIdInOrderByUploadedAt(Collection<UUID> findingIds);

}
