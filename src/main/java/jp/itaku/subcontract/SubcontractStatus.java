package jp.itaku.subcontract;

/**
 * Where a subcontract application stands: waiting for the client, approved (the
 * subcontractor takes part in the contract), or rejected with a reason.
 */
public enum SubcontractStatus {

	/** Applied for; nothing of the subcontract is active. */
	PENDING,

	/** Approved by the client. */
	APPROVED,

	/** Rejected by the client, with a reason. */
	REJECTED

}
