package jp.itaku.platform;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The one place that says which organisations' data the acting user may see. Every
 * module's service and repository queries go through it, so scoping is enforced below the
 * web layer and a new route cannot forget it.
 * <p>
 * A user sees their own organisation; modules that relate organisations (a contract
 * relates a client and a contractor) widen this through {@link OrganisationVisibility}.
 * The system administrator sees every organisation.
 */
@Component
public class DataScope {

	private final List<OrganisationVisibility> visibilities;

	DataScope(List<OrganisationVisibility> visibilities) {
		this.visibilities = visibilities;
	}

	/**
	 * Returns whether the actor's view is unrestricted.
	 * @param actor the acting user
	 * @return {@code true} for the system administrator
	 */
	public boolean isUnrestricted(Actor actor) {
		return actor.is(Role.SYSTEM_ADMIN);
	}

	/**
	 * Returns the organisations whose data the actor may see; meaningless when
	 * {@link #isUnrestricted} holds.
	 * @param actor the acting user
	 * @return the ids of the visible organisations, always including the actor's own
	 */
	public Set<UUID> visibleOrganisationIds(Actor actor) {
		Set<UUID> ids = new HashSet<>();
		ids.add(actor.organisationId());
		for (OrganisationVisibility visibility : this.visibilities) {
			ids.addAll(visibility.relatedOrganisations(actor));
		}
		return ids;
	}

	/**
	 * Returns whether the actor may see data of an organisation.
	 * @param actor the acting user
	 * @param organisationId the organisation owning the data
	 * @return {@code true} when visible
	 */
	public boolean canSee(Actor actor, UUID organisationId) {
		return isUnrestricted(actor) || visibleOrganisationIds(actor).contains(organisationId);
	}

	/**
	 * Fails unless the actor may see data of an organisation; the failure is a "not
	 * found" so that nothing reveals that the record exists.
	 * @param actor the acting user
	 * @param organisationId the organisation owning the data
	 * @param what the message key naming the kind of record
	 * @throws NotFoundProblem when not visible
	 */
	public void requireVisible(Actor actor, UUID organisationId, String what) {
		if (!canSee(actor, organisationId)) {
			throw new NotFoundProblem(what);
		}
	}

}
