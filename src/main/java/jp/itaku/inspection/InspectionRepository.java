package jp.itaku.inspection;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Stores {@link Inspection}s.
 */
interface InspectionRepository extends JpaRepository<Inspection, UUID> {

	List<Inspection> findByContractIdOrderBySeqDesc(UUID contractId);

	@Query("select coalesce(max(i.seq), 0) from Inspection i where i.contractId = ?1")
	int lastSeq(UUID contractId);

}
