package jp.itaku.subcontract;

import java.util.UUID;

/**
 * What the subcontracting module tells other modules (e.g. the incident module, so that
 * an incident at a subcontractor reaches both client and contractor, Nerima 24②).
 */
public final class SubcontractEvents {

	private SubcontractEvents() {
	}

	/**
	 * A subcontract was applied for; published in the application's transaction.
	 *
	 * @param contractId the contract
	 * @param subcontractId the subcontract
	 */
	public record SubcontractApplied(UUID contractId, UUID subcontractId) {
	}

	/**
	 * The client approved a subcontract: from now on the subcontractor takes part in the
	 * contract.
	 *
	 * @param contractId the contract
	 * @param subcontractId the subcontract
	 * @param subcontractorOrganisationId the subcontractor
	 * @param applicantOrganisationId who passed the work on
	 */
	public record SubcontractApproved(UUID contractId, UUID subcontractId, UUID subcontractorOrganisationId,
			UUID applicantOrganisationId) {
	}

}
