package jp.itaku.asset;

/**
 * Where a request stands. A request is decided once (approved or rejected) by the client,
 * never by its applicant; what follows depends on its type.
 */
public enum RequestStatus {

	/** Applied for, awaiting the client's decision. */
	REQUESTED,

	/** Approved by the client; the action may be taken. */
	APPROVED,

	/** Rejected by the client, with a reason. */
	REJECTED,

	/** Withdrawn by the applicant before a decision. */
	WITHDRAWN,

	/** A take-out is out, or a bring-in is in the work site. */
	IN_PROGRESS,

	/** A disposal witnessed by the client's named officer. */
	WITNESSED,

	/**
	 * A return reported by the contractor, awaiting the client's confirmation of receipt.
	 */
	REPORTED,

	/** Done and on record. */
	COMPLETED;

	/**
	 * Returns whether the request still needs someone to act.
	 * @return {@code true} unless rejected, withdrawn or completed
	 */
	public boolean isOpen() {
		return this != REJECTED && this != WITHDRAWN && this != COMPLETED;
	}

}
