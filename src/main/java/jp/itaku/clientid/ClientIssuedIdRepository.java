package jp.itaku.clientid;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ClientIssuedIdRepository extends JpaRepository<ClientIssuedId, UUID> {

	List<ClientIssuedId> findByContractIdOrderByIssuedOnAscValueAsc(UUID contractId);

	/**
	 * The IDs not revoked of some contracts, by day of issue and value: in SQL, the
	 * contracts bound as one array, so that Hibernate keeps the query's plan (a derived
	 * query's list of ids, bound one by one, is translated again on every call).
	 * @param contractIds the contracts
	 * @return their IDs not revoked
	 */
	@Query(value = "select * from client_issued_id where contract_id = any(:contracts) and revoked_on is null"
			+ " order by issued_on, value", nativeQuery = true)
	List<ClientIssuedId> activeOfContracts(@Param("contracts") UUID[] contractIds);

	List<ClientIssuedId> findByContractIdAndMemberIdAndRevokedOnIsNull(UUID contractId, UUID memberId);

	List<ClientIssuedId> findByParentIdAndRevokedOnIsNull(UUID parentId);

	boolean existsByContractIdAndValueAndRevokedOnIsNull(UUID contractId, String value);

}
