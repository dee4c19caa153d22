package jp.itaku.contract;

/**
 * The lifecycle of a contract.
 */
public enum ContractStatus {

	/** Being prepared; obligations are planned but nobody is reminded yet. */
	DRAFT,

	/** In force. */
	ACTIVE,

	/** Its period is over; end-of-contract obligations (return, disposal) remain. */
	ENDED,

	/** Every end-of-contract obligation is met. */
	CLOSED

}
