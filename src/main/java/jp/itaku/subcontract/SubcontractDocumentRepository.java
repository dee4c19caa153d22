package jp.itaku.subcontract;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored files of subcontractors' documents. */
interface SubcontractDocumentRepository extends JpaRepository<SubcontractDocument, UUID> {

	List<SubcontractDocument> findBySubcontractIdOrderByDeliverableAscVersionAscUploadedAtAsc(UUID subcontractId);

	List<SubcontractDocument> findBySubcontractIdInOrderByVersionAscUploadedAtAsc(Collection<UUID> subcontractIds);

}
