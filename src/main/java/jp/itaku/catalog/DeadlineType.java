package jp.itaku.catalog;

/**
 * Kinds of deadline rule.
 */
public enum DeadlineType {

	/** A named policy: immediately, promptly, without delay. */
	POLICY,

	/**
	 * By day N of a month relative to the period (e.g. the 20th of the previous month).
	 */
	DAY_OF_MONTH,

	/** Before the action takes place. */
	BEFORE_ACTION,

	/** Within a period of the trigger. */
	WITHIN,

	/** Kept for at least a period. */
	RETENTION;

}
