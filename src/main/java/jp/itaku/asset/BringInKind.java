package jp.itaku.asset;

/**
 * What is brought into the work site (Kadoma 2(7), Nerima 19).
 */
public enum BringInKind {

	/** 端末・機器. */
	DEVICE,

	/** 電磁的記録媒体. */
	MEDIUM,

	/** データ・ソフトウェア. */
	DATA

}
