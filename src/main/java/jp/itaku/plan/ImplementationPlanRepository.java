package jp.itaku.plan;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The implementation plans of contracts. */
interface ImplementationPlanRepository extends JpaRepository<ImplementationPlan, UUID> {

	List<ImplementationPlan> findByContractId(UUID contractId);

	/**
	 * The plans of some contracts: in SQL, the contracts bound as one array, so that
	 * Hibernate keeps the query's plan (a derived query's list of ids, bound one by one,
	 * is translated again on every call).
	 * @param contractIds the contracts
	 * @return their plans
	 */
	@Query(value = "select * from implementation_plan where contract_id = any(:contracts)", nativeQuery = true)
	List<ImplementationPlan> ofContracts(@Param("contracts") UUID[] contractIds);

}
