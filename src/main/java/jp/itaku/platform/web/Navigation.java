package jp.itaku.platform.web;

import jp.itaku.platform.Actor;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;

/**
 * What the navigation and the home page offer a user, decided in one place from the
 * user's role (templates never compare role names).
 *
 * @param pledges the user's own pledges (leads and workers)
 * @param auditTrail the audit trail (its readers)
 * @param administration organisations and users (the system administrator)
 * @param clientSide the pages across the client's contracts (users of a client
 * organisation)
 */
public record Navigation(boolean pledges, boolean auditTrail, boolean administration, boolean clientSide) {

	/**
	 * Returns what a user is offered.
	 * @param actor the signed-in user
	 * @return the navigation's flags
	 */
	public static Navigation of(Actor actor) {
		Role role = actor.role();
		return new Navigation(role.isContractorSide(), role.readsAuditTrail(), role == Role.SYSTEM_ADMIN,
				actor.organisationKind() == OrganisationKind.CLIENT);
	}

}
