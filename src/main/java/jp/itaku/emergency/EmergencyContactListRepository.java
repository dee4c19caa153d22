package jp.itaku.emergency;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EmergencyContactListRepository extends JpaRepository<EmergencyContactList, UUID> {

	Optional<EmergencyContactList> findByContractId(UUID contractId);

	/**
	 * The lists of some contracts: in SQL, the contracts bound as one array, so that
	 * Hibernate keeps the query's plan (a derived query's list of ids, bound one by one,
	 * is translated again on every call).
	 * @param contractIds the contracts
	 * @return their lists
	 */
	@Query(value = "select * from emergency_contact_list where contract_id = any(:contracts)", nativeQuery = true)
	List<EmergencyContactList> ofContracts(@Param("contracts") UUID[] contractIds);

}
