package jp.itaku.approval;

/**
 * Where an application for a prior approval stands. An approval whose validity has ended
 * keeps {@link #APPROVED}; whether it is valid on a day is
 * {@link Approval#isValidOn(java.time.LocalDate)}.
 */
public enum ApprovalStatus {

	/** Applied for, waiting for the client's decision. */
	PENDING,

	/** Approved by the client, possibly with conditions and a validity period. */
	APPROVED,

	/** Rejected by the client with a reason. */
	REJECTED,

	/** Withdrawn by the applicant before or after the decision. */
	WITHDRAWN,

	/** Revoked by the client after approval. */
	REVOKED;

}
