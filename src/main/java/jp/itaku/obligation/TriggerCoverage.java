package jp.itaku.obligation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jp.itaku.catalog.ProfileCheck;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;
import jp.itaku.catalog.TriggerType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether every requirement of a profile can become someone's obligation: requirements
 * due on a date the contract fixes (its start, its end, each month, each period) are
 * planned with the contract; those on an event, a change, an action or a request need a
 * module that raises that trigger ({@link TriggerProducer}). The others (continuous
 * duties, policies, retention) are kept as controls and never become obligations.
 */
@Component
public class TriggerCoverage implements ProfileCheck {

	/** The trigger types that some module must raise. */
	static final Set<TriggerType> RAISED = EnumSet.of(TriggerType.ON_EVENT, TriggerType.ON_CHANGE,
			TriggerType.BEFORE_ACTION, TriggerType.ON_REQUEST);

	private final ObjectProvider<TriggerProducer> producers;

	TriggerCoverage(ObjectProvider<TriggerProducer> producers) {
		this.producers = producers;
	}

	/**
	 * Returns the triggers some module raises.
	 * @return the triggers
	 */
	public Set<ObligationTrigger> produced() {
		Set<ObligationTrigger> all = new LinkedHashSet<>();
		this.producers.orderedStream().forEach((p) -> all.addAll(p.produces()));
		return all;
	}

	/**
	 * Returns the requirements of a profile whose trigger nothing raises.
	 * @param profile the profile
	 * @return the unreached requirements, in clause order
	 */
	public List<Unreached> unreached(ProfileDefinition profile) {
		Set<ObligationTrigger> produced = produced();
		List<Unreached> unreached = new ArrayList<>();
		for (ClauseDefinition clause : profile.clauses()) {
			for (RequirementDefinition requirement : clause.requirements()) {
				ProfileDefinition.Trigger trigger = requirement.trigger();
				if (trigger != null && RAISED.contains(trigger.type())
						&& produced.stream().noneMatch((p) -> p.matches(trigger))) {
					unreached.add(new Unreached(clause.ref(), trigger));
				}
			}
		}
		return unreached;
	}

	/**
	 * Counts a profile's requirements, those raised by a module, and those of them that
	 * some module raises.
	 * @param profile the profile
	 * @return the counts
	 */
	public Counts counts(ProfileDefinition profile) {
		int requirements = 0;
		int raised = 0;
		for (ClauseDefinition clause : profile.clauses()) {
			for (RequirementDefinition requirement : clause.requirements()) {
				requirements++;
				if (requirement.trigger() != null && RAISED.contains(requirement.trigger().type())) {
					raised++;
				}
			}
		}
		return new Counts(requirements, raised, raised - unreached(profile).size());
	}

	@Override
	public List<ProfileWarning> warnings(ProfileDefinition profile) {
		return unreached(profile).stream()
			.map((u) -> new ProfileWarning(u.clauseRef(), "catalog.warning.unreached", u.trigger()))
			.toList();
	}

	/**
	 * A requirement whose trigger nothing raises.
	 *
	 * @param clauseRef its clause
	 * @param trigger its trigger
	 */
	public record Unreached(String clauseRef, ProfileDefinition.Trigger trigger) {

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder(this.clauseRef).append(' ').append(this.trigger.type());
			for (Object part : new Object[] { this.trigger.event(), this.trigger.subject(), this.trigger.action() }) {
				if (part != null) {
					text.append(' ').append(part);
				}
			}
			return text.toString();
		}

	}

	/**
	 * A profile's requirements by how they become obligations.
	 *
	 * @param requirements all requirements
	 * @param raisedByModules those on an event, change, action or request
	 * @param reached those of them that some module raises
	 */
	public record Counts(int requirements, int raisedByModules, int reached) {
	}

}
