package jp.itaku.catalog;

/**
 * Actions that need something (usually approval) beforehand.
 */
public enum GuardedAction {

	/** COPY */
	COPY,

	/** MODIFICATION */
	MODIFICATION,

	/** TAKE_OUT */
	TAKE_OUT,

	/** BRING_IN */
	BRING_IN,

	/** SHIPMENT */
	SHIPMENT,

	/** HANDOVER */
	HANDOVER,

	/** SUBCONTRACT */
	SUBCONTRACT,

	/** ERASURE_OR_DISPOSAL */
	ERASURE_OR_DISPOSAL,

	/** WORK_OUTSIDE_DESIGNATED_SITE */
	WORK_OUTSIDE_DESIGNATED_SITE,

	/** THIRD_PARTY_PROVISION */
	THIRD_PARTY_PROVISION,

	/** USE_OUTSIDE_PURPOSE */
	USE_OUTSIDE_PURPOSE,

	/** Taking the operational backups (their method is approved first: Setagaya 19). */
	BACKUP,

	/**
	 * Placing servers of a system the client runs outside the client's premises (Setagaya
	 * 10).
	 */
	PLACE_SERVERS_OUTSIDE_CLIENT_PREMISES;

}
