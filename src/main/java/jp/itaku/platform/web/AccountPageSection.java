package jp.itaku.platform.web;

import java.util.Optional;

import jp.itaku.platform.Actor;
import jp.itaku.platform.PageFragment;

/**
 * A section a module adds to the user's own account page (the calendar feed). The account
 * page collects every implementation in their
 * {@link org.springframework.core.annotation.Order order}.
 */
public interface AccountPageSection {

	/**
	 * Returns the section for the signed-in user.
	 * @param actor the signed-in user
	 * @return the section, or empty when there is nothing to show
	 */
	Optional<PageFragment> section(Actor actor);

}
