package jp.itaku.finding;

import java.util.Set;
import java.util.UUID;

import jp.itaku.contract.Contract;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;

/**
 * Who may take a step of a finding's workflow, for every kind of finding: the client's
 * steps ({@link FindingStep.Side#CLIENT}) are the contract's client officers' and
 * security administrators'; the contractor's ({@link FindingStep.Side#CONTRACTOR}) are
 * the contractor organisation's leads. Nobody else — not the auditor, not a worker, not a
 * subcontractor — moves a finding.
 */
public final class FindingParties {

	/** The client's roles that act on findings. */
	public static final Set<Role> CLIENT_ROLES = Set.of(Role.CLIENT_OFFICER, Role.CLIENT_SECURITY_ADMIN);

	/** The contractor's roles that act on findings. */
	public static final Set<Role> CONTRACTOR_ROLES = Set.of(Role.CONTRACTOR_LEAD);

	private FindingParties() {
	}

	/**
	 * Returns whether the actor may take the step on a finding of the contract.
	 * @param actor the acting user
	 * @param contract the contract the finding is on
	 * @param step the step
	 * @return {@code true} when the actor is on the step's side with the right role
	 */
	public static boolean mayTake(Actor actor, Contract contract, FindingStep step) {
		return mayTake(actor, contract.getClientOrganisationId(), contract.getContractorOrganisationId(), step);
	}

	/**
	 * Returns whether the actor may take the step on a finding of a contract between the
	 * two organisations.
	 * @param actor the acting user
	 * @param clientOrganisationId the contract's client
	 * @param contractorOrganisationId the contract's contractor
	 * @param step the step
	 * @return {@code true} when the actor is on the step's side with the right role
	 */
	public static boolean mayTake(Actor actor, UUID clientOrganisationId, UUID contractorOrganisationId,
			FindingStep step) {
		return switch (step.side()) {
			case CLIENT -> actor.organisationKind() == OrganisationKind.CLIENT && CLIENT_ROLES.contains(actor.role())
					&& clientOrganisationId.equals(actor.organisationId());
			case CONTRACTOR ->
				actor.organisationKind() != OrganisationKind.CLIENT && CONTRACTOR_ROLES.contains(actor.role())
						&& contractorOrganisationId.equals(actor.organisationId());
		};
	}

	/**
	 * Refuses a step the actor may not take.
	 * @param actor the acting user
	 * @param contract the contract the finding is on
	 * @param step the step
	 * @throws AccessDeniedProblem unless {@link #mayTake(Actor, Contract, FindingStep)}
	 */
	public static void require(Actor actor, Contract contract, FindingStep step) {
		if (!mayTake(actor, contract, step)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
	}

}
