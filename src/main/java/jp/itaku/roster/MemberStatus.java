package jp.itaku.roster;

/**
 * Where a worker stands on a contract's roster.
 */
public enum MemberStatus {

	/** On the roster, not yet working: the pledge and training may still be missing. */
	PLANNED,

	/** Working on the contract. */
	ACTIVE,

	/** No longer working on the contract (retired, transferred…). */
	LEFT

}
