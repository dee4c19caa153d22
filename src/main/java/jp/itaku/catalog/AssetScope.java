package jp.itaku.catalog;

/**
 * Kinds of information an asset holds, to which a requirement may be limited (any of
 * them).
 */
public enum AssetScope {

	/** 重要情報 (Nerima). */
	IMPORTANT_INFORMATION,

	/** 個人情報. */
	PERSONAL_INFORMATION,

	/** 特定個人情報 (My Number information). */
	MY_NUMBER_INFORMATION

}
