package jp.itaku.selfinspection;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.Party;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;
import jp.itaku.catalog.RequirementKind;
import jp.itaku.catalog.TriggerType;

import org.springframework.context.MessageSource;

/**
 * Builds a contract's self-inspection checklist from its clause profile and scope (Kadoma
 * 11(1)): one question per control the clauses demand — every requirement of kind
 * IMPLEMENT_CONTROL or PROHIBITION binding the contractor whose {@code when} attributes
 * the contract has (as {@code ObligationPlanner} matches them), its summary as the
 * question with its clause reference — followed by the typical practical items
 * ({@link TypicalItem}) that one of those requirements demands. Each prior approval the
 * clauses require before an act (OBTAIN_APPROVAL, BEFORE_ACTION) is asked too: whether
 * every such act this month had the client's approval, since the act itself may happen
 * outside Itaku. A clause the profile lacks is never asked about. Left out: the
 * self-inspection clause itself and what binds only after the contract has ended.
 */
final class Checklist {

	/** The key of the section of the typical practical items. */
	static final String TYPICAL_SECTION = "typical";

	/** The question asked of each act the clauses allow only with prior approval. */
	static final String APPROVAL_QUESTION = "selfinspection.approval.question";

	private Checklist() {
	}

	/**
	 * Builds the checklist.
	 * @param profile the contract's clause profile
	 * @param attributes the contract's scope attributes
	 * @param messages the bundles (for the typical items' texts)
	 * @return the questions in document order, typical items last
	 */
	static List<Question> questions(ProfileDefinition profile, Set<ContractAttribute> attributes,
			MessageSource messages) {
		List<Question> questions = new ArrayList<>();
		Map<TypicalItem, Set<String>> typical = new EnumMap<>(TypicalItem.class);
		for (ClauseDefinition clause : profile.clauses()) {
			if (clause.informational() || isSelfInspectionClause(clause)) {
				continue;
			}
			int index = 0;
			for (RequirementDefinition requirement : clause.requirements()) {
				int position = index++;
				if (!applies(requirement, attributes)) {
					continue;
				}
				if (asked(requirement)) {
					questions.add(new Question("R:" + clause.ref() + ":" + position, clause.ref(),
							requirement.summary(), requirement.summaryEn(), false));
				}
				else if (priorApproval(requirement)) {
					// The act may happen outside Itaku: the inspection asks whether each
					// one had the client's approval (issue 19).
					String en = (requirement.summaryEn() != null) ? requirement.summaryEn() : requirement.summary();
					questions.add(new Question("A:" + clause.ref() + ":" + position, clause.ref(),
							messages.getMessage(APPROVAL_QUESTION, new Object[] { requirement.summary() },
									Locale.JAPANESE),
							messages.getMessage(APPROVAL_QUESTION, new Object[] { en }, Locale.ENGLISH), false));
				}
				for (TypicalItem item : TypicalItem.values()) {
					if ((item.citesEvery() || !typical.containsKey(item)) && item.demandedBy(requirement)) {
						typical.computeIfAbsent(item, (k) -> new LinkedHashSet<>()).add(clause.ref());
					}
				}
			}
		}
		for (Map.Entry<TypicalItem, Set<String>> item : typical.entrySet()) {
			String key = item.getKey().messageKey();
			questions.add(new Question("T:" + item.getKey().name(), String.join("、", item.getValue()),
					messages.getMessage(key, null, Locale.JAPANESE), messages.getMessage(key, null, Locale.ENGLISH),
					true));
		}
		return questions;
	}

	/**
	 * Maps each clause of a profile to its article: the top-level clause it falls under
	 * (itself for a top-level clause), by which the checklist is answered one section at
	 * a time.
	 * @param profile the clause profile
	 * @return by clause reference, its article
	 */
	static Map<String, ClauseDefinition> articles(ProfileDefinition profile) {
		Map<String, ClauseDefinition> byRef = new HashMap<>();
		for (ClauseDefinition clause : profile.clauses()) {
			byRef.put(clause.ref(), clause);
		}
		Map<String, ClauseDefinition> articles = new HashMap<>();
		for (ClauseDefinition clause : profile.clauses()) {
			ClauseDefinition top = clause;
			Set<String> seen = new HashSet<>();
			ClauseDefinition up = byRef.get(top.parent());
			while (up != null && seen.add(top.ref())) {
				top = up;
				up = byRef.get(top.parent());
			}
			articles.put(clause.ref(), top);
		}
		return articles;
	}

	/** A requirement binding the contractor on this contract during its term. */
	private static boolean applies(RequirementDefinition requirement, Set<ContractAttribute> attributes) {
		return requirement.party() == Party.CONTRACTOR
				&& (requirement.trigger() == null || requirement.trigger().type() != TriggerType.CONTRACT_END)
				&& attributes.containsAll(requirement.when());
	}

	/** A control or prohibition: asked as a question of its own. */
	private static boolean asked(RequirementDefinition requirement) {
		return requirement.kind() == RequirementKind.IMPLEMENT_CONTROL
				|| requirement.kind() == RequirementKind.PROHIBITION;
	}

	/** A prior approval before an act: asked whether every such act had one. */
	private static boolean priorApproval(RequirementDefinition requirement) {
		return requirement.kind() == RequirementKind.OBTAIN_APPROVAL && requirement.trigger() != null
				&& requirement.trigger().type() == TriggerType.BEFORE_ACTION;
	}

	private static boolean isSelfInspectionClause(ClauseDefinition clause) {
		return clause.requirements()
			.stream()
			.anyMatch((r) -> r.deliverable() == Deliverable.SELF_INSPECTION_REPORT && r.trigger() != null
					&& r.trigger().type() == TriggerType.MONTHLY);
	}

}
