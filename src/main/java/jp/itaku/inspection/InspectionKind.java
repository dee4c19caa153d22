package jp.itaku.inspection;

/**
 * What kind of inspection the client holds: an audit (監査, Setagaya 33, Kadoma 11(2),
 * Nerima 23), an on-site inspection (実地調査・立入検査, Setagaya 34, Nerima 22, Gunma 15) or a
 * documentary one (書面調査: explanation or report asked for, Gunma 15, Nerima 22).
 */
public enum InspectionKind {

	/** 監査. */
	AUDIT,
	/** 実地調査. */
	ON_SITE,
	/** 書面調査. */
	DOCUMENTARY

}
