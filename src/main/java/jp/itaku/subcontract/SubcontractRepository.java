package jp.itaku.subcontract;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SubcontractRepository extends JpaRepository<Subcontract, UUID> {

	List<Subcontract> findByContractIdOrderBySeqAsc(UUID contractId);

	List<Subcontract> findByContractIdInAndStatusOrderByAppliedAtAsc(Collection<UUID> contractIds,
			SubcontractStatus status);

	@Query("select coalesce(max(s.seq), 0) from Subcontract s where s.contractId = ?1")
	int lastSeq(UUID contractId);

	@Query("select s.subcontractorOrganisationId from Subcontract s where s.contractId = ?1 and s.status = jp.itaku.subcontract.SubcontractStatus.APPROVED")
	Set<UUID> approvedParticipants(UUID contractId);

	@Query("select distinct s.contractId from Subcontract s where s.status = jp.itaku.subcontract.SubcontractStatus.APPROVED")
	Set<UUID> contractsWithApprovedChain();

	@Query("select s.contractId from Subcontract s where s.subcontractorOrganisationId = ?1 and s.status = jp.itaku.subcontract.SubcontractStatus.APPROVED")
	Set<UUID> approvedContractsOf(UUID organisationId);

}
