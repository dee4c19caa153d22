package jp.itaku.platform.web;

import java.util.Optional;

import jp.itaku.platform.Actor;
import jp.itaku.platform.PageFragment;

/**
 * An alert a module shows on the dashboard (a service-level breach, an open log finding,
 * an overdue take-out). The dashboard collects every implementation in their
 * {@link org.springframework.core.annotation.Order order} and shows those that answer.
 */
public interface DashboardAlert {

	/**
	 * Returns the alert for a user, scoped to what their organisation may see.
	 * @param actor the signed-in user
	 * @return the alert, or empty when there is nothing to show
	 */
	Optional<PageFragment> alert(Actor actor);

}
