package jp.itaku.subcontract;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SubcontractRepository extends JpaRepository<Subcontract, UUID> {

	List<Subcontract> findByContractIdOrderBySeqAsc(UUID contractId);

	/**
	 * The applications of some contracts in one state, the oldest first: in SQL, the
	 * contracts bound as one array, so that Hibernate keeps the query's plan (a derived
	 * query's list of ids, bound one by one, is translated again on every call).
	 * @param contractIds the contracts
	 * @param status the state
	 * @return the applications
	 */
	@Query(value = "select * from subcontract where contract_id = any(:contracts) and status = :status"
			+ " order by applied_at", nativeQuery = true)
	List<Subcontract> inState(@Param("contracts") UUID[] contractIds, @Param("status") String status);

	@Query("select coalesce(max(s.seq), 0) from Subcontract s where s.contractId = ?1")
	int lastSeq(UUID contractId);

	@Query("select s.subcontractorOrganisationId from Subcontract s where s.contractId = ?1 and s.status = jp.itaku.subcontract.SubcontractStatus.APPROVED")
	Set<UUID> approvedParticipants(UUID contractId);

	@Query("select distinct s.contractId from Subcontract s where s.status = jp.itaku.subcontract.SubcontractStatus.APPROVED")
	Set<UUID> contractsWithApprovedChain();

	@Query("select s.contractId from Subcontract s where s.subcontractorOrganisationId = ?1 and s.status = jp.itaku.subcontract.SubcontractStatus.APPROVED")
	Set<UUID> approvedContractsOf(UUID organisationId);

}
