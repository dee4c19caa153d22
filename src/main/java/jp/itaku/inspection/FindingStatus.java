package jp.itaku.inspection;

/**
 * Where a finding stands: recorded, instructed (改善指示, waiting for the contractor),
 * responded (waiting for the client's verification), returned (back to the contractor
 * with the client's comment) or closed (the client accepted the response).
 */
public enum FindingStatus {

	/** 記録済み. */
	RECORDED,
	/** 改善指示済み（受託者の回答待ち）. */
	INSTRUCTED,
	/** 回答済み（委託者の確認待ち）. */
	RESPONDED,
	/** 差戻し（受託者の再回答待ち）. */
	RETURNED,
	/** 完了. */
	CLOSED;

	/**
	 * Returns whether the contractor has to answer now.
	 * @return {@code true} when instructed or returned
	 */
	public boolean awaitsContractor() {
		return this == INSTRUCTED || this == RETURNED;
	}

}
