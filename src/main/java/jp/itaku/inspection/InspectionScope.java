package jp.itaku.inspection;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.itaku.audit.AuditRecord;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractPart;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.Contracts;
import jp.itaku.contract.SubcontractChain;
import jp.itaku.finding.FindingParties;
import jp.itaku.finding.FindingStep;
import jp.itaku.obligation.Obligations.Owing;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.database.TransactionLocks;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the inspection module's services share: finding an inspection scoped to the reader
 * (a party to its contract; for an inspection of a subcontractor also that subcontractor
 * and those above it in the chain, {@link Contracts#getForRecord}; anybody else reads
 * "not found"), who inspects (the client's deciders while the client's rights run,
 * {@link ContractRoles#decidesForClientWhileRightsRun}), who answers requests and
 * explains findings (the inspected party: the contractor's members and leads, or those of
 * the subcontractor inspected), at whom an inspection may be aimed
 * ({@link SubcontractChain}, the rule client requests follow too), the contract's
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

	private final SubcontractChain chain;

	private final OrganisationSystemReads organisationReads;

	InspectionScope(InspectionRepository inspections, Contracts contracts, ClauseCatalog catalog,
			TransactionLocks locks, WorkingCalendar calendar, SubcontractChain chain,
			OrganisationSystemReads organisationReads) {
		this.calendar = calendar;
		this.chain = chain;
		this.organisationReads = organisationReads;
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
	 * Returns an inspection's contract, scoped to the actor: the parties read every
	 * inspection (the contractor answers for its chain); an approved subcontractor reads
	 * only the inspections of itself and of the subcontractors below it.
	 * @param actor the acting user
	 * @param inspection the inspection
	 * @return its contract
	 * @throws NotFoundProblem (naming the inspection) when the actor may not read it
	 */
	Contract scoped(Actor actor, Inspection inspection) {
		if (inspection.isOfSubcontractor()) {
			return this.contracts.getForRecord(actor, inspection.getContractId(),
					inspection.getInspectedOrganisationId(), WHAT);
		}
		try {
			return this.contracts.get(actor, inspection.getContractId());
		}
		catch (NotFoundProblem ex) {
			throw new NotFoundProblem(WHAT);
		}
	}

	/**
	 * Returns the part of a contract the actor takes part in, for the list of its
	 * inspections.
	 * @param actor a party or an approved subcontractor of the contract
	 * @param contractId the contract
	 * @return the actor's part
	 * @throws NotFoundProblem when the actor takes no part in the contract
	 */
	ContractPart part(Actor actor, UUID contractId) {
		return this.contracts.part(actor, contractId);
	}

	/**
	 * Returns whether an inspection is in the actor's part of its contract.
	 * @param part the actor's part
	 * @param inspection an inspection of the contract
	 * @return {@code true} for every inspection when the actor is a party; for a
	 * subcontractor, the inspections of itself and of those below it
	 */
	static boolean sees(ContractPart part, Inspection inspection) {
		return !part.subcontractor()
				|| (inspection.isOfSubcontractor() && part.sees(inspection.getInspectedOrganisationId()));
	}

	/**
	 * Returns the approved subcontractors an inspection of the contract may be aimed at,
	 * with their levels and names.
	 * @param actor a party to the contract
	 * @param contract the contract
	 * @return the chain, shallowest first
	 */
	List<Inspections.InspectedParty> chain(Actor actor, Contract contract) {
		List<SubcontractChain.Link> links = this.chain.of(contract);
		if (links.isEmpty()) {
			return List.of();
		}
		Map<UUID, String> names = this.contracts.participantNames(actor, contract,
				links.stream().map(SubcontractChain.Link::organisationId).toList());
		return links.stream()
			.map((l) -> new Inspections.InspectedParty(l.organisationId(), l.level(),
					names.getOrDefault(l.organisationId(), "")))
			.toList();
	}

	/**
	 * Returns the approved subcontractor a plan aims at, by the rule client requests
	 * follow too ({@link SubcontractChain#aim}), adding a problem on
	 * {@code inspectedLevel} or {@code inspectedSubcontractor} when the choice is
	 * refused.
	 * @param contract the contract
	 * @param form the plan
	 * @param problems where the problems go
	 * @return the subcontractor and its level, or {@code null} for the contractor itself
	 * (or when refused)
	 */
	SubcontractChain.@Nullable Link aim(Contract contract, InspectionForm form, List<FieldProblem> problems) {
		SubcontractChain.Aim aim = SubcontractChain.aim(this.chain.of(contract), form.getInspectedLevel(),
				form.getInspectedSubcontractor());
		for (SubcontractChain.Refusal refusal : aim.refusals()) {
			problems.add(switch (refusal) {
				case LEVEL -> new FieldProblem("inspectedLevel", "inspection.error.inspectedLevel");
				case SUBCONTRACTOR ->
					new FieldProblem("inspectedSubcontractor", "inspection.error.inspectedSubcontractor");
				case AMBIGUOUS -> new FieldProblem("inspectedSubcontractor",
						"inspection.error.inspectedSubcontractorAmbiguous", form.getInspectedLevel());
			});
		}
		return aim.link();
	}

	/**
	 * Returns the party an inspection inspects, named.
	 * @param actor a reader of the inspection
	 * @param contract its contract
	 * @param inspection the inspection
	 * @return the contractor (level 0) or the subcontractor inspected
	 */
	Inspections.InspectedParty inspected(Actor actor, Contract contract, Inspection inspection) {
		UUID party = inspection.getInspectedParty();
		String name = this.contracts.participantNames(actor, contract, List.of(party)).getOrDefault(party, "");
		return new Inspections.InspectedParty(party, inspection.getInspectedLevel(), name);
	}

	/**
	 * Names the party inspected on an audit entry about an inspection: its organisation
	 * ({@code inspected}: the contractor's, or the subcontractor's), its name as it is
	 * today ({@code inspectedName}) and its level of the chain ({@code inspectedLevel}: 0
	 * for the contractor).
	 * @param entry the entry
	 * @param inspection the inspection it is about
	 * @return the entry
	 */
	AuditRecord audited(AuditRecord entry, Inspection inspection) {
		UUID party = inspection.getInspectedParty();
		return entry.detail("inspected", party)
			.detail("inspectedName", this.organisationReads.findUnscoped(party).map(Organisation::getName).orElse(""))
			.detail("inspectedLevel", inspection.getInspectedLevel());
	}

	/**
	 * Returns who owes the obligations an inspection's findings and requests raise: the
	 * subcontractor inspected, or {@code null} for the contractor.
	 * @param inspection the inspection
	 * @return the owing subcontractor and its level, or {@code null}
	 */
	static @Nullable Owing owing(Inspection inspection) {
		UUID organisation = inspection.getInspectedOrganisationId();
		return (organisation != null) ? new Owing(organisation, inspection.getInspectedLevel()) : null;
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
	 * Returns whether the actor answers an inspection's requests for material: a lead or
	 * a worker of the party inspected (the contractor, or the subcontractor inspected).
	 * @param actor the acting user
	 * @param contract the contract
	 * @param inspection the inspection
	 * @return {@code true} when the actor may
	 */
	static boolean mayAnswer(Actor actor, Contract contract, Inspection inspection) {
		if (!inspection.isOfSubcontractor()) {
			return ContractRoles.worksForContractor(actor, contract);
		}
		return actor.organisationKind() != OrganisationKind.CLIENT
				&& ContractRoles.CONTRACTOR_MEMBERS.contains(actor.role())
				&& inspection.getInspectedParty().equals(actor.organisationId());
	}

	/**
	 * Returns whether the actor may take a step of the workflow of an inspection's
	 * findings: the rule every finding shares ({@link FindingParties}), with the party
	 * inspected on the contractor's side — the subcontractor's lead explains the findings
	 * of its inspection, the contractor's lead those of the contractor's.
	 * @param actor the acting user
	 * @param contract the contract
	 * @param inspection the inspection
	 * @param step the step
	 * @return {@code true} when the actor may
	 */
	static boolean mayTake(Actor actor, Contract contract, Inspection inspection, FindingStep step) {
		return FindingParties.mayTake(actor, contract.getClientOrganisationId(), inspection.getInspectedParty(), step);
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
