package jp.itaku.catalog;

/**
 * The named deadlines of the clauses, whose durations a contract sets.
 */
public enum DeadlinePolicy {

	/** 直ちに */
	IMMEDIATELY,

	/** 速やかに */
	PROMPTLY,

	/** 遅滞なく */
	WITHOUT_DELAY;

}
