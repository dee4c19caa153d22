package jp.itaku.asset;

/** Where an information asset is kept. */
public enum StorageLocation {

	/** A locked cabinet (施錠可能なキャビネット). */
	LOCKED_CABINET,

	/** A safe (金庫). */
	SAFE,

	/** A server (サーバ). */
	SERVER,

	/** Elsewhere, described in the detail. */
	OTHER

}
