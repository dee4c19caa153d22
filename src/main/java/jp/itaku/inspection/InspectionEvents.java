package jp.itaku.inspection;

import java.util.UUID;

/**
 * What the inspection module tells other components, published in the changing
 * transaction.
 */
public final class InspectionEvents {

	private InspectionEvents() {
	}

	/**
	 * The client instructed the contractor to improve on a finding, by a date.
	 *
	 * @param contractId the contract
	 * @param inspectionId the inspection
	 * @param findingId the finding
	 */
	public record FindingInstructed(UUID contractId, UUID inspectionId, UUID findingId) {
	}

	/**
	 * The contractor responded to a finding with its actions and evidence.
	 *
	 * @param contractId the contract
	 * @param inspectionId the inspection
	 * @param findingId the finding
	 */
	public record FindingResponded(UUID contractId, UUID inspectionId, UUID findingId) {
	}

}
