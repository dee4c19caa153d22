package jp.itaku.catalog;

/**
 * Where a stored profile version came from.
 */
enum ProfileOrigin {

	/** Shipped with Itaku ({@code catalog/profiles}), loaded at start-up. */
	BUNDLED,

	/** Imported by an administrator. */
	IMPORTED

}
