package jp.itaku.contract;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A contract as a list shows it: what identifies it and its parties, without its terms or
 * scope attributes, read without loading the entity. Lists of many contracts (the
 * compliance dashboard) are built from these.
 *
 * @param id the contract's id
 * @param number its number, unique for its client
 * @param title its title
 * @param clientOrganisationId the client
 * @param clientDepartment the client's department, or {@code null}
 * @param contractorOrganisationId the contractor
 * @param profileId the clause profile version it was registered under
 * @param status its lifecycle state
 * @param periodStart the first day of its period
 * @param periodEnd the last day of its period
 */
public record ContractSummary(UUID id, String number, String title, UUID clientOrganisationId, String clientDepartment,
		UUID contractorOrganisationId, UUID profileId, ContractStatus status, LocalDate periodStart,
		LocalDate periodEnd) {

}
