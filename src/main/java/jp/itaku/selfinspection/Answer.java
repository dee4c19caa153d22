package jp.itaku.selfinspection;

/**
 * The answer to one question of a self-inspection.
 */
public enum Answer {

	/** はい: the control was in place all month. */
	YES,

	/** いいえ: it was not; a corrective action with a due date is required. */
	NO,

	/** 該当なし: the control did not apply this month. */
	NA

}
