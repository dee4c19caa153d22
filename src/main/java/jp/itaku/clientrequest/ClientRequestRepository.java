package jp.itaku.clientrequest;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Stores {@link ClientRequest}s.
 */
interface ClientRequestRepository extends JpaRepository<ClientRequest, UUID> {

	List<ClientRequest> findByContractIdOrderBySeqDesc(UUID contractId);

	@Query("select coalesce(max(r.seq), 0) from ClientRequest r where r.contractId = ?1")
	int lastSeq(UUID contractId);

}
