package jp.itaku.platform.web;

import java.util.Optional;

import jp.itaku.platform.Actor;
import jp.itaku.platform.PageFragment;

/**
 * A banner a module shows above every page for a signed-in user (an incident not yet
 * acknowledged). The layout shows those that answer, computed once per rendered page.
 */
public interface PageBanner {

	/**
	 * Returns the banner for a user, scoped to what their organisation may see.
	 * @param actor the signed-in user
	 * @return the banner, or empty when there is nothing to show
	 */
	Optional<PageFragment> banner(Actor actor);

}
