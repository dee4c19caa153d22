package jp.itaku.roster;

/**
 * The only purposes for which the client may look at a worker's nationality (Kadoma
 * 2(5)): when a leak or the risk of one is found, to trace where the information went, to
 * have it deleted or retrieved, and to stop it spreading further.
 * <p>
 * The clause binds all three to one event, 「情報漏えい等の事実又はそのおそれが発見された際」: each purpose
 * therefore names an incident of the contract in which information leaked or may have
 * leaked ({@link LeakEvents}); they differ in what is done about it, not in what
 * happened. A view without one is refused.
 */
public enum NationalityPurpose {

	/** 漏えい先の追跡: names the incident whose information is traced. */
	LEAK_TRACING,

	/** 対象となる情報の削除・回収: names the incident whose information is deleted or retrieved. */
	DELETION_OR_RETRIEVAL,

	/** 情報の更なる拡散の防止: names the incident whose information must spread no further. */
	SPREAD_PREVENTION

}
