package jp.itaku.obligation;

/**
 * Where an obligation stands. "Overdue" is not stored: an open or returned obligation
 * whose due date has passed is overdue ({@link Obligation#effectiveStatus}).
 */
public enum ObligationStatus {

	/** Nothing submitted yet. */
	OPEN,

	/** Submitted, awaiting the client's review. */
	SUBMITTED,

	/** Accepted by the client. */
	ACCEPTED,

	/** Returned by the client with a comment; to be submitted again. */
	RETURNED,

	/** Past its due date without an accepted or pending submission (derived). */
	OVERDUE,

	/** Waived by the client, with a reason. */
	WAIVED,

	/** No longer applies (the contract's scope changed); kept for its history. */
	NOT_APPLICABLE

}
