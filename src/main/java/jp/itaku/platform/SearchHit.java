package jp.itaku.platform;

import org.jspecify.annotations.Nullable;

/**
 * One record the global search found, as the results list it.
 *
 * @param kind what the record is (the results' groups)
 * @param title what it is called (a contract's number and title, a person's name, an
 * asset's description…), as stored
 * @param detail a second line (where it belongs, its state), or {@code null}
 * @param contract the contract's number and title, or {@code null} for a record of no
 * contract (a user, a clause)
 * @param href the record's page
 */
public record SearchHit(Kind kind, String title, @Nullable String detail, @Nullable String contract, String href) {

	/** What a record is; each kind has the message {@code search.kind.<NAME>}. */
	public enum Kind {

		/** A contract. */
		CONTRACT,

		/** An obligation of a contract. */
		OBLIGATION,

		/** A worker on a contract's roster. */
		ROSTER_MEMBER,

		/** A user of Itaku. */
		USER,

		/** An information asset in a contract's register. */
		ASSET,

		/** An incident. */
		INCIDENT,

		/** A clause of a clause profile. */
		CLAUSE

	}

}
