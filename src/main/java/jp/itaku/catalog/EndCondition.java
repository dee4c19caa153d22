package jp.itaku.catalog;

/**
 * What must have happened for a requirement due at the end of the contract to bind at all
 * ({@code onlyIf} in a profile): the asset register decides it when the contract ends or
 * when the fact arises, instead of the requirement being planned on every contract.
 */
public enum EndCondition {

	/**
	 * Assets received from the client are still held when the work ends: they must be
	 * returned (Setagaya 29, Gunma 13②).
	 */
	ASSETS_NOT_RETURNED,

	/**
	 * Assets received could not be returned and were erased or disposed of instead
	 * (Setagaya 29: 返却が不可能な場合).
	 */
	RETURN_IMPOSSIBLE,

	/** A copy of the client's information was made during the work (Setagaya 7). */
	COPIES_MADE;

}
