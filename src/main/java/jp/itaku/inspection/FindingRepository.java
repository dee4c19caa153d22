package jp.itaku.inspection;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Stores {@link Finding}s.
 */
interface FindingRepository extends JpaRepository<Finding, UUID> {

	List<Finding> findByInspectionIdOrderBySeq(UUID inspectionId);

	List<Finding> findByContractId(UUID contractId);

	@Query("select distinct f.contractId from Finding f where f.contractId in :contractIds")
	Set<UUID> contractsWithFindings(@Param("contractIds") Collection<UUID> contractIds);

}
