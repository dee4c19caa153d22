package jp.itaku.obligation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import jp.itaku.calendar.DeadlineKind;
import jp.itaku.catalog.ClauseCategory;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.DeadlinePolicy;
import jp.itaku.catalog.DeadlineType;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.Party;
import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.catalog.ProfileDefinition.Deadline;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.catalog.TriggerType;

import org.jspecify.annotations.Nullable;

/**
 * Plans the dated obligations of a contract from its clause profile: every requirement
 * that binds the contractor (or a subcontractor), is met by a written submission, applies
 * to the contract's scope attributes, and falls due on a date the contract fixes — at its
 * start, at its end, every month, or every period. Requirements due on an event (an
 * incident, a change, before a copy…) become obligations when the event happens, raised
 * by the module that owns it ({@link #raise}); so do those due at the end only when
 * something happened ({@code onlyIf}: assets still held, a return impossible, a copy
 * made), raised by the asset register.
 * <p>
 * Due dates: the trigger's date plus the deadline (a named policy's duration as the
 * contract sets it, or a period), "by day N of the previous month" for monthly duties,
 * never before the contract starts. Each due date carries its {@link DeadlineKind}: a
 * deadline counted from the trigger (a policy or a period after the start, the end, an
 * event) is never before the trigger and moves forward off a closed day when counted in
 * days; a date the calendar fixes (the start or end itself, day N of a month) moves by
 * the configured closed-day rule.
 */
public final class ObligationPlanner {

	private static final String AS_AGREED = "AS_AGREED";

	private static final Set<TriggerType> DATED = EnumSet.of(TriggerType.CONTRACT_START, TriggerType.CONTRACT_END,
			TriggerType.MONTHLY, TriggerType.PERIODIC);

	private ObligationPlanner() {
	}

	/**
	 * Returns the keys of a profile's requirements that match (the key an obligation
	 * carries: {@code <clause>#<n>}, numbered from 1 within the clause).
	 * @param profile the profile
	 * @param matches which requirements
	 * @return their keys
	 */
	public static Set<String> requirementKeys(ProfileDefinition profile, Predicate<RequirementDefinition> matches) {
		Set<String> keys = new HashSet<>();
		for (ClauseDefinition clause : profile.clauses()) {
			for (int i = 0; i < clause.requirements().size(); i++) {
				if (matches.test(clause.requirements().get(i))) {
					keys.add(clause.ref() + "#" + (i + 1));
				}
			}
		}
		return keys;
	}

	/**
	 * Plans the obligations of a contract.
	 * @param terms the contract's period, scope attributes and deadline durations
	 * @param profile the contract's clause profile
	 * @param dueDates settles a nominal due date by its kind (the working calendar)
	 * @return the obligations, in clause order
	 */
	public static List<PlannedObligation> plan(Terms terms, ProfileDefinition profile, DueDates dueDates) {
		List<PlannedObligation> planned = new ArrayList<>();
		for (ClauseDefinition clause : profile.clauses()) {
			for (int i = 0; i < clause.requirements().size(); i++) {
				RequirementDefinition requirement = clause.requirements().get(i);
				if (!applies(requirement, terms.attributes())) {
					continue;
				}
				String key = clause.ref() + "#" + (i + 1);
				for (Occurrence occurrence : occurrences(clause, requirement, terms)) {
					Due due = occurrence.due();
					LocalDate date = dueDates.dueDate(max(due.nominal(), terms.start()), due.kind(),
							max(due.from(), terms.start()));
					planned.add(new PlannedObligation(key, clause.ref(), clause.category(), requirement.kind(),
							requirement.deliverable(), requirement.summary(), requirement.summaryEn(),
							occurrence.periodKey(), date, due.kind(), due.policy(), due.within(), occurrence.from(),
							occurrence.to()));
				}
			}
		}
		return planned;
	}

	/**
	 * Plans the obligations an event or a change raises on a contract: every requirement
	 * of the profile on that trigger that binds the contractor (or a subcontractor), is
	 * met by a deliverable and applies to the contract's scope. Due: the day it happened
	 * plus the deadline, never before that day; a requirement that names none is due
	 * "promptly" (速やかに) as the contract sets it.
	 * @param terms the contract's period, scope attributes and deadline durations
	 * @param profile the contract's clause profile
	 * @param trigger what happened
	 * @param occurredOn the day it happened, in Tokyo
	 * @param occurrenceKey names this occurrence, unique per contract and trigger
	 * @param dueDates settles a nominal due date by its kind (the working calendar)
	 * @return the obligations, in clause order; empty when the profile asks for nothing
	 */
	public static List<PlannedObligation> raise(Terms terms, ProfileDefinition profile, ObligationTrigger trigger,
			LocalDate occurredOn, String occurrenceKey, DueDates dueDates) {
		return raise(terms, profile, trigger, occurredOn, occurrenceKey, dueDates, (requirement) -> true);
	}

	/**
	 * Plans the obligations an event, change or action raises, of the requirements that
	 * also apply to what it concerns (e.g. only the requirements limited to important
	 * information when the asset holds some).
	 * @param terms the contract's period, scope attributes and deadline durations
	 * @param profile the contract's clause profile
	 * @param trigger what happened
	 * @param occurredOn the day it happened, in Tokyo
	 * @param occurrenceKey names this occurrence, unique per contract and trigger
	 * @param dueDates settles a nominal due date by its kind (the working calendar)
	 * @param concerns whether a requirement applies to what the occurrence concerns
	 * @return the obligations, in clause order
	 */
	public static List<PlannedObligation> raise(Terms terms, ProfileDefinition profile, ObligationTrigger trigger,
			LocalDate occurredOn, String occurrenceKey, DueDates dueDates, Predicate<RequirementDefinition> concerns) {
		List<PlannedObligation> raised = new ArrayList<>();
		for (ClauseDefinition clause : profile.clauses()) {
			for (int i = 0; i < clause.requirements().size(); i++) {
				RequirementDefinition requirement = clause.requirements().get(i);
				if (!trigger.matches(requirement.trigger()) || !bindsContractor(requirement)
						|| (trigger.type() == TriggerType.CONTRACT_END && requirement.onlyIf() == null)
						|| requirement.deliverable() == null || !terms.attributes().containsAll(requirement.when())
						|| !concerns.test(requirement)) {
					continue;
				}
				Deadline deadline = (requirement.deadline() != null) ? requirement.deadline()
						: new Deadline(DeadlineType.POLICY, DeadlinePolicy.PROMPTLY, null, null, null);
				Due due = after(occurredOn, deadline, terms);
				if (due.kind() == DeadlineKind.CALENDAR_FIXED && deadline.type() != DeadlineType.DAY_OF_MONTH) {
					// Before the action, or kept from it: due at the event itself, not
					// before.
					due = new Due(occurredOn, occurredOn, DeadlineKind.HOURS_AFTER_EVENT, null, null);
				}
				raised.add(new PlannedObligation(clause.ref() + "#" + (i + 1), clause.ref(), clause.category(),
						requirement.kind(), requirement.deliverable(), requirement.summary(), requirement.summaryEn(),
						occurrenceKey, dueDates.dueDate(due.nominal(), due.kind(), occurredOn), due.kind(),
						due.policy(), due.within()));
			}
		}
		return raised;
	}

	private static boolean bindsContractor(RequirementDefinition requirement) {
		return requirement.party() == Party.CONTRACTOR || requirement.party() == Party.SUBCONTRACTOR;
	}

	private static boolean applies(RequirementDefinition requirement, Set<ContractAttribute> attributes) {
		return bindsContractor(requirement) && requirement.deliverable() != null
				&& requirement.deliverable().form() == Deliverable.Form.DOCUMENT
				&& DATED.contains(requirement.trigger().type()) && requirement.onlyIf() == null
				&& attributes.containsAll(requirement.when());
	}

	private static List<Occurrence> occurrences(ClauseDefinition clause, RequirementDefinition requirement,
			Terms terms) {
		Deadline deadline = requirement.deadline();
		return switch (requirement.trigger().type()) {
			case CONTRACT_START -> List.of(new Occurrence("START", after(terms.start(), deadline, terms)));
			case CONTRACT_END -> List.of(new Occurrence("END", after(terms.end(), deadline, terms)));
			case MONTHLY -> monthly(deadline, terms);
			case PERIODIC -> periodic(interval(clause, requirement, terms), deadline, terms);
			default -> List.of();
		};
	}

	/**
	 * The calendar a periodic requirement keeps: its own interval, or for a report "as
	 * agreed" ({@code AS_AGREED} in a {@link ClauseCategory#REPORTING} clause) the
	 * contract's agreed reporting interval. Any other duty "as agreed" (training, drills,
	 * checks, backups) has no calendar here: the contractor's implementation plan dates
	 * it.
	 */
	private static @Nullable String interval(ClauseDefinition clause, RequirementDefinition requirement, Terms terms) {
		String interval = requirement.trigger().interval();
		if (!AS_AGREED.equals(interval)) {
			return interval;
		}
		return (clause.category() == ClauseCategory.REPORTING) ? terms.agreedInterval() : null;
	}

	/**
	 * Returns whether a requirement is a periodic duty of the contract that the planner
	 * cannot date, so that the contractor's implementation plan (実施計画) must: a
	 * contractor's {@code PERIODIC} requirement applying to the contract's scope whose
	 * interval is "as agreed" (and, for a report, no reporting interval is agreed) or
	 * that no written record proves.
	 * @param clause the requirement's clause
	 * @param requirement the requirement
	 * @param terms the contract's terms
	 * @return {@code true} when only a plan gives it dates
	 */
	public static boolean needsPlan(ClauseDefinition clause, RequirementDefinition requirement, Terms terms) {
		if (!bindsContractor(requirement) || requirement.trigger() == null
				|| requirement.trigger().type() != TriggerType.PERIODIC
				|| !terms.attributes().containsAll(requirement.when())) {
			return false;
		}
		return !applies(requirement, terms.attributes())
				|| periodic(interval(clause, requirement, terms), null, terms).isEmpty();
	}

	// ProfileParser requires the day and the month offset of a DAY_OF_MONTH deadline
	@SuppressWarnings("NullAway")
	private static List<Occurrence> monthly(Deadline deadline, Terms terms) {
		List<Occurrence> occurrences = new ArrayList<>();
		for (YearMonth month = YearMonth.from(terms.start()); !month.isAfter(YearMonth.from(terms.end())); month = month
			.plusMonths(1)) {
			Due due;
			if (deadline != null && deadline.type() == DeadlineType.DAY_OF_MONTH) {
				YearMonth dueMonth = month.plusMonths(deadline.monthOffset());
				LocalDate day = dueMonth.atDay(Math.min(deadline.day(), dueMonth.lengthOfMonth()));
				due = new Due(day, day, DeadlineKind.CALENDAR_FIXED, null, null);
			}
			else {
				// A monthly report covers its month: due after the month ends.
				due = after(month.atEndOfMonth(), deadline, terms);
			}
			occurrences.add(new Occurrence(month.toString(), due, month.atDay(1), month.atEndOfMonth()));
		}
		return occurrences;
	}

	private static List<Occurrence> periodic(@Nullable String interval, @Nullable Deadline deadline, Terms terms) {
		Period period;
		try {
			period = Period.parse(interval);
		}
		catch (DateTimeParseException | NullPointerException ex) {
			// "as agreed" or a time-based interval: no calendar of its own; raised when
			// agreed.
			return List.of();
		}
		if (period.isZero() || period.isNegative()) {
			return List.of();
		}
		List<Occurrence> occurrences = new ArrayList<>();
		LocalDate from = terms.start();
		for (int n = 1; !from.isAfter(terms.end()) && n <= 400; n++) {
			LocalDate periodEnd = min(from.plus(period).minusDays(1), terms.end());
			occurrences.add(new Occurrence("P" + n, after(periodEnd, deadline, terms), from, periodEnd));
			from = from.plus(period);
		}
		return occurrences;
	}

	/**
	 * The deadline counted from a base day: a policy's or a period's duration is counted
	 * from it; no deadline (or one of another type) is the base day itself, fixed on the
	 * calendar.
	 */
	private static Due after(LocalDate base, @Nullable Deadline deadline, Terms terms) {
		if (deadline == null) {
			return new Due(base, base, DeadlineKind.CALENDAR_FIXED, null, null);
		}
		return switch (deadline.type()) {
			case POLICY -> {
				String iso = terms.durations().duration(deadline.policy());
				yield new Due(plus(base, iso), base, DeadlineKind.countedFromEvent(iso), deadline.policy(), iso);
			}
			case WITHIN -> new Due(plus(base, deadline.period()), base,
					DeadlineKind.countedFromEvent(deadline.period()), null, deadline.period());
			default -> new Due(base, base, DeadlineKind.CALENDAR_FIXED, null, null);
		};
	}

	/**
	 * Adds an ISO-8601 duration to a date: days, weeks, months and years as calendar
	 * periods; hours and minutes count in whole days (a duty "within 1 hour" is due the
	 * same day).
	 */
	static LocalDate plus(LocalDate base, @Nullable String iso) {
		if (iso == null || iso.isBlank()) {
			return base;
		}
		int time = iso.indexOf('T');
		LocalDate date = base;
		String datePart = (time >= 0) ? iso.substring(0, time) : iso;
		if (datePart.length() > 1) {
			date = date.plus(Period.parse(datePart));
		}
		if (time >= 0) {
			date = date.plusDays(Duration.parse("P" + iso.substring(time)).toDays());
		}
		return date;
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? b : a;
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? b : a;
	}

	/**
	 * What of a contract the plan depends on.
	 *
	 * @param start the first day of the contract period
	 * @param end the last day
	 * @param attributes the scope attributes
	 * @param durations the contract's durations of the named deadlines
	 * @param agreedInterval the reporting interval the contract agrees (ISO-8601), for
	 * the periodic requirements the profile leaves "as agreed"; {@code null} when none
	 */
	public record Terms(LocalDate start, LocalDate end, Set<ContractAttribute> attributes, Durations durations,
			@Nullable String agreedInterval) {

		/**
		 * Terms without an agreed reporting interval.
		 * @param start the contract's first day
		 * @param end its last day
		 * @param attributes its scope attributes
		 * @param durations its named deadline durations
		 */
		public Terms(LocalDate start, LocalDate end, Set<ContractAttribute> attributes, Durations durations) {
			this(start, end, attributes, durations, null);
		}

	}

	/** The contract's durations of 直ちに, 速やかに, 遅滞なく (ISO-8601). */
	@FunctionalInterface
	public interface Durations {

		/**
		 * Returns a named deadline's duration.
		 * @param policy the policy
		 * @return the ISO-8601 duration
		 */
		String duration(DeadlinePolicy policy);

	}

	/**
	 * Settles a nominal due date by the kind of its deadline:
	 * {@code WorkingCalendar::dueDate}.
	 */
	@FunctionalInterface
	public interface DueDates {

		/**
		 * Returns when a deadline is really due.
		 * @param nominal the deadline as the clause and contract state it
		 * @param kind how it is stated
		 * @param from the day it is counted from (the event, the contract start…)
		 * @return the due date
		 */
		LocalDate dueDate(LocalDate nominal, DeadlineKind kind, LocalDate from);

	}

	/**
	 * A nominal due date with what it is counted from.
	 *
	 * @param nominal the date the deadline gives
	 * @param from the day it is counted from
	 * @param kind how the deadline is stated
	 * @param policy the named deadline, or {@code null}
	 * @param within the duration counted from {@code from}, or {@code null}
	 */
	private record Due(LocalDate nominal, LocalDate from, DeadlineKind kind, @Nullable DeadlinePolicy policy,
			@Nullable String within) {
	}

	/**
	 * One occurrence of a planned requirement.
	 *
	 * @param periodKey names it
	 * @param due when it is due
	 * @param from the first day of the period it covers, or {@code null}
	 * @param to the last day, or {@code null}
	 */
	private record Occurrence(String periodKey, Due due, @Nullable LocalDate from, @Nullable LocalDate to) {

		Occurrence(String periodKey, Due due) {
			this(periodKey, due, null, null);
		}

	}

}
