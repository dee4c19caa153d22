package jp.itaku.incident;

import java.util.UUID;

/**
 * What the incident module tells other modules, published in the reporting transaction.
 */
public final class IncidentEvents {

	private IncidentEvents() {
	}

	/**
	 * An incident was reported. The subcontracting module can route an incident reported
	 * by a subcontractor to both the client and the contractor (Nerima 24②) from the
	 * reporter's organisation.
	 *
	 * @param contractId the contract
	 * @param incidentId the incident
	 * @param reporterOrganisationId the organisation of the person who reported it
	 */
	public record IncidentReported(UUID contractId, UUID incidentId, UUID reporterOrganisationId) {
	}

}
