package jp.itaku.platform;

import java.util.Set;
import java.util.UUID;

/**
 * Implemented by a module that relates organisations to each other, to let
 * {@link DataScope} widen what an actor sees (for example, a client sees the contractors
 * of its contracts).
 */
public interface OrganisationVisibility {

	/**
	 * Returns the organisations besides the actor's own whose data the actor may see.
	 * @param actor the acting user
	 * @return organisation ids, possibly empty
	 */
	Set<UUID> relatedOrganisations(Actor actor);

}
