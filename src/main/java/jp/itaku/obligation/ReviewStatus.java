package jp.itaku.obligation;

/**
 * The client's decision on one submission.
 */
public enum ReviewStatus {

	/** Not reviewed yet. */
	PENDING,

	/** Accepted. */
	ACCEPTED,

	/** Returned with a comment. */
	RETURNED

}
