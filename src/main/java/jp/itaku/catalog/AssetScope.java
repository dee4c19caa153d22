package jp.itaku.catalog;

/**
 * Kinds of information asset a requirement is limited to.
 */
public enum AssetScope {

	/** {@code IMPORTANT_INFORMATION}. */
	IMPORTANT_INFORMATION,

	/** {@code PERSONAL_INFORMATION}. */
	PERSONAL_INFORMATION,

	/** {@code MY_NUMBER_INFORMATION}. */
	MY_NUMBER_INFORMATION,

	/** {@code ELECTRONIC_MEDIUM}. */
	ELECTRONIC_MEDIUM,

	/** {@code PAPER_DOCUMENT}. */
	PAPER_DOCUMENT

}
