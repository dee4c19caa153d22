package jp.itaku.asset;

/**
 * Whom a shipment goes to. Giving information to a third party needs the client's prior
 * approval where the profile says so (Nerima 第14条, Gunma 第12条, 第13条第6項), so a shipment
 * says which of these it is rather than only naming a person.
 */
public enum ShipmentRecipient {

	/** The client (委託者). */
	CLIENT,

	/** The contractor itself, e.g. another of its sites. */
	CONTRACTOR,

	/** An approved subcontractor of the contract's chain, named. */
	SUBCONTRACTOR,

	/** Anyone else: a third party, allowed only by an approval where the profile asks. */
	THIRD_PARTY,

	/** Recorded before the recipient's kind was asked for; never chosen. */
	UNRECORDED;

}
