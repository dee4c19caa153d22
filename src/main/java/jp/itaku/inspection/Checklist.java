package jp.itaku.inspection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.Party;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;
import jp.itaku.catalog.TriggerType;

/**
 * What a client may check in an inspection of a contract, drawn from its profile: every
 * requirement binding the contractor or a subcontractor that applies to the contract's
 * scope (Setagaya 33: 情報セキュリティ管理状況; Nerima 22: 受託情報の取扱いの状況; Gunma 15: 情報セキュリティ対策の状況), one
 * line each with its clause reference and summary; and the deliverables the client may
 * request (the profile's ON_REQUEST requirements with a deliverable, e.g. AUDIT_MATERIALS
 * of Kadoma 11(4) or LOG_SUBMISSION of Gunma 9).
 */
public final class Checklist {

	private Checklist() {
	}

	/**
	 * Returns the lines an inspection of the contract may check.
	 * @param profile the contract's profile
	 * @param attributes the contract's scope attributes
	 * @return the lines in document order, keyed {@code <clause ref>#<n>} like the
	 * obligations' requirement keys
	 */
	static List<Candidate> candidates(ProfileDefinition profile, Set<ContractAttribute> attributes) {
		List<Candidate> lines = new ArrayList<>();
		for (ClauseDefinition clause : profile.clauses()) {
			if (clause.informational()) {
				continue;
			}
			for (int i = 0; i < clause.requirements().size(); i++) {
				RequirementDefinition requirement = clause.requirements().get(i);
				if (bindsContractor(requirement) && attributes.containsAll(requirement.when())) {
					lines.add(new Candidate(clause.ref() + "#" + (i + 1), clause.ref(), requirement.summary()));
				}
			}
		}
		return lines;
	}

	/**
	 * Returns the deliverables the client may request of the contractor.
	 * @param profile the contract's profile
	 * @param attributes the contract's scope attributes
	 * @return the deliverables, in document order, each once
	 */
	static List<Deliverable> requestable(ProfileDefinition profile, Set<ContractAttribute> attributes) {
		Set<Deliverable> deliverables = new LinkedHashSet<>();
		for (ClauseDefinition clause : profile.clauses()) {
			for (RequirementDefinition requirement : clause.requirements()) {
				if (bindsContractor(requirement) && requirement.deliverable() != null && requirement.trigger() != null
						&& requirement.trigger().type() == TriggerType.ON_REQUEST
						&& attributes.containsAll(requirement.when())) {
					deliverables.add(requirement.deliverable());
				}
			}
		}
		return List.copyOf(deliverables);
	}

	private static boolean bindsContractor(RequirementDefinition requirement) {
		return requirement.party() == Party.CONTRACTOR || requirement.party() == Party.SUBCONTRACTOR;
	}

	/**
	 * A line the client may check.
	 *
	 * @param key the requirement's key ({@code <clause ref>#<n>})
	 * @param clauseRef the clause
	 * @param summary what the requirement asks
	 */
	public record Candidate(String key, String clauseRef, String summary) {
	}

}
