package jp.itaku.contract;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored contracts. Unscoped: only {@link Contracts} uses it, and scopes every read.
 */
interface ContractRepository extends JpaRepository<Contract, UUID> {

	List<Contract> findAllByOrderByPeriodStartDescNumberAsc();

	List<Contract> findByClientOrganisationIdOrderByPeriodStartDescNumberAsc(UUID clientOrganisationId);

	List<Contract> findByContractorOrganisationIdOrderByPeriodStartDescNumberAsc(UUID contractorOrganisationId);

	boolean existsByClientOrganisationIdAndNumber(UUID clientOrganisationId, String number);

	boolean existsByClientOrganisationIdAndNumberAndIdNot(UUID clientOrganisationId, String number, UUID id);

}
