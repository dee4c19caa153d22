package jp.itaku.platform;

import java.util.List;

/**
 * A module's part of the global search: the records of one kind that contain the text,
 * among those the user may see, scoped exactly as the records' own pages. The search page
 * ({@code home}) collects every implementation, so that it knows no module. A source
 * searches only what is stored in clear (never a field encrypted at rest) and records an
 * audit entry when what it returns is personal data, as a view of it.
 */
public interface SearchSource {

	/**
	 * Returns the records that contain the text.
	 * @param actor the signed-in user
	 * @param text what to look for
	 * @param limit the most records to return
	 * @return the records found, best first
	 */
	List<SearchHit> find(Actor actor, SearchText text, int limit);

}
