package jp.itaku.plan;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The implementation plans of contracts. */
interface ImplementationPlanRepository extends JpaRepository<ImplementationPlan, UUID> {

	List<ImplementationPlan> findByContractId(UUID contractId);

	List<ImplementationPlan> findByContractIdIn(Collection<UUID> contractIds);

}
