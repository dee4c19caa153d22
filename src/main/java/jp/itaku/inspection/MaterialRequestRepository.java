package jp.itaku.inspection;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stores {@link MaterialRequest}s.
 */
interface MaterialRequestRepository extends JpaRepository<MaterialRequest, UUID> {

	List<MaterialRequest> findByInspectionIdOrderBySeq(UUID inspectionId);

}
