package jp.itaku.catalog;

/**
 * Forms of information asset to which a requirement may be limited (any of them).
 */
public enum AssetForm {

	/** 電磁的記録媒体: an electronic medium (USB memory, disc, tape…). */
	ELECTRONIC_MEDIUM,

	/** 紙媒体: a paper document or print-out. */
	PAPER_DOCUMENT

}
