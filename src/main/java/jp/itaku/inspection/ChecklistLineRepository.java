package jp.itaku.inspection;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stores {@link ChecklistLine}s.
 */
interface ChecklistLineRepository extends JpaRepository<ChecklistLine, UUID> {

	List<ChecklistLine> findByInspectionIdOrderByPosition(UUID inspectionId);

}
