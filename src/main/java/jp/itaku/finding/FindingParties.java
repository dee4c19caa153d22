package jp.itaku.finding;

import java.util.UUID;

import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.OrganisationKind;

/**
 * Who may take a step of a finding's workflow, for every kind of finding, in
 * {@link ContractRoles}' words: the client's steps ({@link FindingStep.Side#CLIENT}) are
 * the client's deciders' ({@link ContractRoles#CLIENT_DECIDERS}: officers and security
 * administrators); the contractor's ({@link FindingStep.Side#CONTRACTOR}) are the
 * contractor's leads' ({@link ContractRoles#CONTRACTOR_LEADS}). Nobody else — not the
 * auditor, not the system administrator, not a worker, not a subcontractor — moves a
 * finding.
 */
public final class FindingParties {

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
	 * @return {@code true} when the actor is on the step's side with the right role: the
	 * rule of {@link ContractRoles#decidesForClient} and
	 * {@link ContractRoles#leadsForContractor}, for a contract known by its parties
	 */
	public static boolean mayTake(Actor actor, UUID clientOrganisationId, UUID contractorOrganisationId,
			FindingStep step) {
		return switch (step.side()) {
			case CLIENT -> actor.organisationKind() == OrganisationKind.CLIENT
					&& ContractRoles.CLIENT_DECIDERS.contains(actor.role())
					&& clientOrganisationId.equals(actor.organisationId());
			case CONTRACTOR -> actor.organisationKind() != OrganisationKind.CLIENT
					&& ContractRoles.CONTRACTOR_LEADS.contains(actor.role())
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
		ContractRoles.require(mayTake(actor, contract, step));
	}

}
