package jp.itaku.inspection;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stores {@link Finding}s.
 */
interface FindingRepository extends JpaRepository<Finding, UUID> {

	List<Finding> findByInspectionIdOrderBySeq(UUID inspectionId);

	List<Finding> findByContractId(UUID contractId);

}
