package jp.itaku.approval;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.catalog.Party;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;
import jp.itaku.catalog.RequirementKind;
import jp.itaku.catalog.TriggerType;
import jp.itaku.contract.Contract;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Which acts a contract's clause profile allows only with the client's prior approval:
 * its requirements to obtain approval before an action ({@code OBTAIN_APPROVAL},
 * {@code BEFORE_ACTION}) that bind the contractor and apply to the contract's scope. The
 * acts a dedicated flow approves ({@link ApprovalSource#actions()}: copies, take-outs,
 * subcontracts…) are left to it; every other act is applied for here. Nothing is listed
 * per city: a new profile's requirements are its acts.
 */
@Component
public class ApprovableActs {

	private final ClauseCatalog catalog;

	private final ObjectProvider<ApprovalSource> sources;

	ApprovableActs(ClauseCatalog catalog, ObjectProvider<ApprovalSource> sources) {
		this.catalog = catalog;
		this.sources = sources;
	}

	/**
	 * Returns the acts no dedicated flow approves, which this workflow handles.
	 * @return the acts
	 */
	public Set<GuardedAction> generic() {
		Set<GuardedAction> acts = EnumSet.allOf(GuardedAction.class);
		this.sources.orderedStream().forEach((s) -> acts.removeAll(s.actions()));
		return acts;
	}

	/**
	 * Returns the acts of a contract that are applied for in this workflow, in clause
	 * order.
	 * @param contract the contract
	 * @return the acts; empty when its profile asks for no such approval
	 */
	public List<ApprovableAct> of(Contract contract) {
		return of(this.catalog.get(contract.getProfileId()).definition(), contract);
	}

	/**
	 * Returns the acts of a profile applied for in this workflow on a contract.
	 * @param profile the profile
	 * @param contract the contract, for its scope
	 * @return the acts, in clause order
	 */
	List<ApprovableAct> of(ProfileDefinition profile, Contract contract) {
		Set<GuardedAction> generic = generic();
		List<ApprovableAct> acts = new ArrayList<>();
		for (ClauseDefinition clause : profile.clauses()) {
			for (int i = 0; i < clause.requirements().size(); i++) {
				RequirementDefinition r = clause.requirements().get(i);
				if (isApproval(r) && generic.contains(r.trigger().action())
						&& contract.getAttributes().containsAll(r.when())) {
					acts.add(new ApprovableAct(r.trigger().action(), clause.ref(), clause.ref() + "#" + (i + 1),
							r.summary(), r.summaryEn(), r.deliverable(), ApprovalField.of(r), r));
				}
			}
		}
		return acts;
	}

	/**
	 * Returns whether a requirement is a prior approval of the contractor's.
	 * @param r the requirement
	 * @return {@code true} for an {@code OBTAIN_APPROVAL} requirement due before an
	 * action
	 */
	public static boolean isApproval(RequirementDefinition r) {
		return r.kind() == RequirementKind.OBTAIN_APPROVAL && r.trigger() != null
				&& r.trigger().type() == TriggerType.BEFORE_ACTION && r.trigger().action() != null
				&& (r.party() == Party.CONTRACTOR || r.party() == Party.SUBCONTRACTOR);
	}

}
