package jp.itaku.inspection;

import java.util.List;
import java.util.UUID;

import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.Contracts;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.database.TransactionLocks;

import org.springframework.stereotype.Component;

/**
 * What the inspection module's services share: finding an inspection scoped to the reader
 * (a party to its contract, anybody else reads "not found"), who inspects (the client's
 * deciders while the client's rights run,
 * {@link ContractRoles#decidesForClientWhileRightsRun}) and who answers requests (the
 * contractor's members, {@link ContractRoles#worksForContractor}), the contract's
 * profile, and the per-key lock that numbers findings and requests.
 */
@Component
class InspectionScope {

	static final String WHAT = "inspection.entity";

	private final InspectionRepository inspections;

	private final Contracts contracts;

	private final ClauseCatalog catalog;

	private final TransactionLocks locks;

	private final WorkingCalendar calendar;

	InspectionScope(InspectionRepository inspections, Contracts contracts, ClauseCatalog catalog,
			TransactionLocks locks, WorkingCalendar calendar) {
		this.calendar = calendar;
		this.inspections = inspections;
		this.contracts = contracts;
		this.catalog = catalog;
		this.locks = locks;
	}

	/**
	 * Returns the contract, scoped to the actor.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the contract
	 * @throws NotFoundProblem when the actor is no party to it
	 */
	Contract contract(Actor actor, UUID contractId) {
		return this.contracts.get(actor, contractId);
	}

	/**
	 * Returns an inspection, whoever reads.
	 * @param inspectionId the inspection
	 * @return the inspection
	 * @throws NotFoundProblem when there is none
	 */
	Inspection find(UUID inspectionId) {
		return this.inspections.findById(inspectionId).orElseThrow(() -> new NotFoundProblem(WHAT));
	}

	/**
	 * Returns an inspection's contract, scoped to the actor.
	 * @param actor the acting user
	 * @param inspection the inspection
	 * @return its contract
	 * @throws NotFoundProblem (naming the inspection) when the actor is no party to it
	 */
	Contract scoped(Actor actor, Inspection inspection) {
		try {
			return this.contracts.get(actor, inspection.getContractId());
		}
		catch (NotFoundProblem ex) {
			throw new NotFoundProblem(WHAT);
		}
	}

	/**
	 * Returns whether the actor plans and verifies inspections of the contract: a decider
	 * of its client, while the contract is open and, once closed, while the client's
	 * post-contract rights run (Kadoma 11(4)).
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor may
	 */
	boolean mayInspect(Actor actor, Contract contract) {
		return ContractRoles.decidesForClientWhileRightsRun(actor, contract, this.calendar.today());
	}

	/**
	 * Refuses anyone but an inspector of the contract; a decider of the client after the
	 * post-contract rights have run out is told so.
	 * @param actor the acting user
	 * @param contract the contract
	 * @throws AccessDeniedProblem unless {@link #mayInspect}
	 */
	void requireInspector(Actor actor, Contract contract) {
		ContractRoles.requireClientRights(actor, contract, this.calendar.today());
	}

	/**
	 * Returns whether the actor answers the contract's requests for material: a lead or a
	 * worker of its contractor.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor may
	 */
	static boolean mayAnswer(Actor actor, Contract contract) {
		return ContractRoles.worksForContractor(actor, contract);
	}

	/**
	 * Returns the deliverables the client may request on the contract.
	 * @param contract the contract
	 * @return the deliverables its profile lets the client request
	 */
	List<Deliverable> requestable(Contract contract) {
		return Checklist.requestable(profile(contract), contract.getAttributes());
	}

	/**
	 * Returns the contract's profile.
	 * @param contract the contract
	 * @return its definition
	 */
	ProfileDefinition profile(Contract contract) {
		return this.catalog.get(contract.getProfileId()).definition();
	}

	/**
	 * Serialises the numbering of one series (an inspection's findings or requests, a
	 * contract's inspections) until the transaction ends.
	 * @param key the series
	 */
	void lock(String key) {
		this.locks.lock(key);
	}

}
