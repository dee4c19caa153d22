package jp.itaku.roster;

/**
 * The only purposes for which the client may look at a worker's nationality (Kadoma
 * 2(5)): when a leak or the risk of one is found, to trace where the information went, to
 * have it deleted or retrieved, and to stop it spreading further.
 */
public enum NationalityPurpose {

	/** 漏えい先の追跡. */
	LEAK_TRACING,

	/** 対象となる情報の削除・回収. */
	DELETION_OR_RETRIEVAL,

	/** 情報の更なる拡散の防止. */
	SPREAD_PREVENTION

}
