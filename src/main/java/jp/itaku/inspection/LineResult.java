package jp.itaku.inspection;

/**
 * The observation on one checklist line.
 */
public enum LineResult {

	/** 未確認. */
	NOT_CHECKED,
	/** 適合. */
	CONFORMING,
	/** 指摘あり. */
	FINDING

}
