package jp.itaku.platform.web;

import java.util.List;

import jp.itaku.platform.Actor;

/**
 * A module's contribution to the inbox (対応待ち): what waits for this user to act on, across
 * every contract the user may see — a submission to review, an application to decide, an
 * incident to acknowledge, a finding to answer, a duty falling due. The inbox
 * ({@code home}) collects every implementation, so that it knows no module; each source
 * reads through its module's scoped methods and offers only what the user may act on.
 */
public interface InboxSource {

	/**
	 * Returns what waits for the user in this module.
	 * @param actor the signed-in user
	 * @return the items, in any order; empty when nothing waits
	 */
	List<InboxItem> itemsFor(Actor actor);

	/**
	 * Returns how many items {@link #itemsFor} would return, exactly, for the
	 * navigation's count: counted in SQL where the items would be read across all the
	 * user's contracts, rather than read and dropped.
	 * @param actor the signed-in user
	 * @return {@code itemsFor(actor).size()}
	 */
	int countFor(Actor actor);

}
