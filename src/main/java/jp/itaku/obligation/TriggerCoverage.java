package jp.itaku.obligation;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.Party;
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
 * module that raises that trigger ({@link TriggerProducer}), and so do the periodic
 * duties with no calendar of their own, which the contract's implementation plan dates
 * ({@link ObligationTrigger#plan()}). The others (continuous duties, policies, retention)
 * are kept as controls and never become obligations.
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
				if (trigger != null && (RAISED.contains(trigger.type()) || withoutCalendar(requirement))
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
		int periodic = 0;
		for (ClauseDefinition clause : profile.clauses()) {
			for (RequirementDefinition requirement : clause.requirements()) {
				requirements++;
				if (requirement.trigger() != null && RAISED.contains(requirement.trigger().type())) {
					raised++;
				}
				else if (withoutCalendar(requirement)) {
					periodic++;
				}
			}
		}
		List<Unreached> unreached = unreached(profile);
		long unplanned = unreached.stream().filter((u) -> u.trigger().type() == TriggerType.PERIODIC).count();
		return new Counts(requirements, raised, raised - (int) (unreached.size() - unplanned), periodic,
				periodic - (int) unplanned);
	}

	/**
	 * Whether a requirement is a contractor's periodic duty with no calendar of its own:
	 * an interval "as agreed", or no written record that proves it. Such a duty becomes
	 * obligations only through the contract's implementation plan (実施計画), a trigger some
	 * module must produce ({@link ObligationTrigger#plan()}). A report "as agreed" counts
	 * too: without an agreed reporting interval, only the plan dates it.
	 */
	static boolean withoutCalendar(RequirementDefinition requirement) {
		ProfileDefinition.Trigger trigger = requirement.trigger();
		if (trigger == null || trigger.type() != TriggerType.PERIODIC
				|| (requirement.party() != Party.CONTRACTOR && requirement.party() != Party.SUBCONTRACTOR)) {
			return false;
		}
		if (requirement.deliverable() == null || requirement.deliverable().form() != Deliverable.Form.DOCUMENT
				|| trigger.interval() == null) {
			return true;
		}
		try {
			Period period = Period.parse(trigger.interval());
			return period.isZero() || period.isNegative();
		}
		catch (DateTimeParseException ex) {
			return true;
		}
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
	 * @param periodicWithoutCalendar the contractor's periodic duties with no calendar of
	 * their own
	 * @param planned those of them that an implementation plan dates
	 */
	public record Counts(int requirements, int raisedByModules, int reached, int periodicWithoutCalendar, int planned) {
	}

}
