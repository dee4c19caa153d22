package jp.itaku.approval;

import java.util.List;
import java.util.UUID;

import jp.itaku.catalog.GuardedAction;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApprovalRepository extends JpaRepository<Approval, UUID> {

	List<Approval> findByContractIdOrderBySeqAsc(UUID contractId);

	List<Approval> findByContractIdAndActionAndStatus(UUID contractId, GuardedAction action, ApprovalStatus status);

	/**
	 * The applications of some contracts in one state, the oldest first: in SQL, the
	 * contracts bound as one array, so that Hibernate keeps the query's plan (a derived
	 * query's list of ids, bound one by one, is translated again on every call).
	 * @param contractIds the contracts
	 * @param status the state
	 * @return the applications
	 */
	@Query(value = "select * from approval where contract_id = any(:contracts) and status = :status"
			+ " order by applied_at", nativeQuery = true)
	List<Approval> inState(@Param("contracts") UUID[] contractIds, @Param("status") String status);

	@Query("select coalesce(max(a.seq), 0) from Approval a where a.contractId = ?1")
	int lastSeq(UUID contractId);

}
