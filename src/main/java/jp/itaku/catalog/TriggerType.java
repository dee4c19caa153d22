package jp.itaku.catalog;

/**
 * When a requirement becomes due.
 */
public enum TriggerType {

	/** At contract start. */
	CONTRACT_START,

	/** When a submitted item changes. */
	ON_CHANGE,

	/** Every month. */
	MONTHLY,

	/** Periodically. */
	PERIODIC,

	/** When an event happens (incident, worker leaving…). */
	ON_EVENT,

	/** Before an action (copy, take-out, subcontract…). */
	BEFORE_ACTION,

	/** At contract end. */
	CONTRACT_END,

	/** On the client's request. */
	ON_REQUEST,

	/** Continuously, throughout the contract. */
	CONTINUOUS;

}
