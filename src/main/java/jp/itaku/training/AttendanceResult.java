package jp.itaku.training;

/**
 * How one worker took part in a session or drill.
 */
public enum AttendanceResult {

	/** 修了: attended and completed (e.g. passed the test). */
	COMPLETED,

	/** 受講: attended. */
	ATTENDED,

	/** 未修了: attended in part, or did not pass. */
	INCOMPLETE,

	/** 欠席: absent. */
	ABSENT;

	/**
	 * Returns whether this result counts as having taken the training.
	 * @return {@code true} for completed and attended
	 */
	public boolean counts() {
		return this == COMPLETED || this == ATTENDED;
	}

}
