package jp.itaku.asset;

/** What an information asset is. */
public enum AssetKind {

	/** Paper (紙媒体). */
	PAPER,

	/** An electronic medium: USB memory, optical disc, tape (電子媒体). */
	ELECTRONIC_MEDIUM,

	/** Data handed over by transfer (データ). */
	DATA,

	/** A device: terminal, PC, card reader (機器). */
	DEVICE,

	/** A system document: design, operation manual (システム関係書類). */
	SYSTEM_DOCUMENT

}
