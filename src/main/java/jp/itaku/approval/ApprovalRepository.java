package jp.itaku.approval;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jp.itaku.catalog.GuardedAction;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApprovalRepository extends JpaRepository<Approval, UUID> {

	List<Approval> findByContractIdOrderBySeqAsc(UUID contractId);

	List<Approval> findByContractIdAndActionAndStatus(UUID contractId, GuardedAction action, ApprovalStatus status);

	List<Approval> findByContractIdInAndStatusOrderByAppliedAtAsc(Collection<UUID> contractIds, ApprovalStatus status);

	@Query("select coalesce(max(a.seq), 0) from Approval a where a.contractId = ?1")
	int lastSeq(UUID contractId);

}
