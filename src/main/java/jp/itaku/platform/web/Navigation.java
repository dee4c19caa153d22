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
 * @param reportIncident the header's 「事故・インシデントを報告」 (leads and workers of a contractor or
 * subcontractor, who report incidents)
 */
public record Navigation(boolean pledges, boolean auditTrail, boolean administration, boolean clientSide,
		boolean reportIncident) {

	/**
	 * Returns what a user is offered.
	 * @param actor the signed-in user
	 * @return the navigation's flags
	 */
	public static Navigation of(Actor actor) {
		Role role = actor.role();
		boolean client = actor.organisationKind() == OrganisationKind.CLIENT;
		return new Navigation(role.isContractorSide(), role.readsAuditTrail(), role == Role.SYSTEM_ADMIN, client,
				role.isContractorSide() && !client);
	}

}
