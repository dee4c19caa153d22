package jp.itaku.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.ClauseCategory;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.ProfileDefinition.ClauseDefinition;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractEvents.ContractScopeChanged;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.ContractSystemReads;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationPlanner;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.Obligations;
import jp.itaku.obligation.TriggerProducer;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The implementation plans (実施計画) of contracts: which periodic duties of a contract's
 * clauses have no calendar of their own ({@link ObligationPlanner#needsPlan}), how the
 * contractor's lead plans each (an interval from a first day, or the days), and the
 * obligations each planned day becomes ({@link Obligations#schedule}). Every party reads
 * the plans; the contractor's lead changes them while the contract is open; every change
 * is audited with the plan before and after.
 */
@Service
public class ImplementationPlans implements TriggerProducer {

	/** The intervals a plan may state: those of the contracts' reporting intervals. */
	public static final List<String> INTERVALS = Contract.REPORTING_INTERVALS;

	/** The most days one duty's plan may name. */
	static final int MAX_DAYS = 120;

	private final ImplementationPlanRepository plans;

	private final Contracts contracts;

	private final ContractSystemReads contractReads;

	private final ClauseCatalog catalog;

	private final Obligations obligations;

	private final WorkingCalendar calendar;

	private final AuditTrail audit;

	private final Clock clock;

	ImplementationPlans(ImplementationPlanRepository plans, Contracts contracts, ContractSystemReads contractReads,
			ClauseCatalog catalog, Obligations obligations, WorkingCalendar calendar, AuditTrail audit, Clock clock) {
		this.plans = plans;
		this.contracts = contracts;
		this.contractReads = contractReads;
		this.catalog = catalog;
		this.obligations = obligations;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public Set<ObligationTrigger> produces() {
		return Set.of(ObligationTrigger.plan());
	}

	/**
	 * Returns a contract's periodic duties that need a plan, each with its plan and its
	 * occurrences.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the overview
	 */
	@Transactional(readOnly = true)
	public Overview overview(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		Map<String, ImplementationPlan> stated = this.plans.findByContractId(contractId)
			.stream()
			.collect(Collectors.toMap(ImplementationPlan::getRequirementKey, Function.identity()));
		List<Obligation> scheduled = this.obligations.forContract(actor, contractId)
			.stream()
			.filter((o) -> o.getOrigin() == Obligation.Origin.SCHEDULED)
			.toList();
		List<Duty> duties = new ArrayList<>();
		for (Need need : needs(contract)) {
			duties.add(new Duty(need.key(), need.clause().ref(), need.clause().category(), need.requirement().summary(),
					need.requirement().summaryEn(), need.deliverable(), stated.get(need.key()),
					scheduled.stream().filter((o) -> o.getRequirementKey().equals(need.key())).toList()));
		}
		return new Overview(contract, duties, mayPlan(actor, contract), this.calendar.today());
	}

	/**
	 * Returns how many periodic duties a contract has that need a plan, and how many of
	 * them have none yet.
	 * @param actor a party to the contract
	 * @param contract the contract
	 * @return the counts
	 */
	@Transactional(readOnly = true)
	public Status status(Actor actor, Contract contract) {
		return status(this.contracts.get(actor, contract.getId()));
	}

	/**
	 * Lists the open contracts on which the actor, their contractor's lead, has periodic
	 * duties still unplanned.
	 * @param actor the acting user
	 * @return each contract with its counts; empty for anyone who plans nothing
	 */
	@Transactional(readOnly = true)
	public List<Status> unplannedFor(Actor actor) {
		Map<UUID, Contract> plannable = this.contracts.listWhere(actor, (c) -> mayPlan(actor, c));
		if (plannable.isEmpty()) {
			return List.of();
		}
		// Every contract's plans in one read (one query per contract held the landing
		// page's connection for seconds at 1,000 contracts).
		Map<UUID, Set<String>> stated = this.plans.ofContracts(plannable.keySet().toArray(UUID[]::new))
			.stream()
			.collect(Collectors.groupingBy(ImplementationPlan::getContractId,
					Collectors.mapping(ImplementationPlan::getRequirementKey, Collectors.toSet())));
		return plannable.values()
			.stream()
			.map((c) -> status(c, stated.getOrDefault(c.getId(), Set.of())))
			.filter((s) -> s.unplanned() > 0)
			.toList();
	}

	private Status status(Contract contract) {
		return status(contract,
				this.plans.findByContractId(contract.getId())
					.stream()
					.map(ImplementationPlan::getRequirementKey)
					.collect(Collectors.toSet()));
	}

	private Status status(Contract contract, Set<String> stated) {
		List<Need> needs = needs(contract);
		return new Status(contract, needs.size(),
				(int) needs.stream().filter((n) -> !stated.contains(n.key())).count());
	}

	/**
	 * A contract's periodic duties and how many wait for a plan.
	 *
	 * @param contract the contract
	 * @param duties how many periodic duties need a plan
	 * @param unplanned how many of them have none yet
	 */
	public record Status(Contract contract, int duties, int unplanned) {
	}

	/**
	 * States the plans of some of a contract's periodic duties (the others keep theirs),
	 * and dates their occurrences: future, unmet days no longer planned are withdrawn;
	 * past and met ones are kept.
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @param inputs one plan per duty
	 * @return the overview after the change
	 * @throws InvalidInputProblem naming each field at fault ({@code plans[i].interval}
	 * …); nothing is stored then
	 * @throws AccessDeniedProblem when the actor is not the contractor's lead of an open
	 * contract
	 */
	@Transactional
	public Overview save(Actor actor, UUID contractId, @Nullable List<PlanInput> inputs) {
		Contract contract = this.contracts.get(actor, contractId);
		if (!mayPlan(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		Map<String, Need> needs = needs(contract).stream().collect(Collectors.toMap(Need::key, Function.identity()));
		if (inputs == null || inputs.isEmpty()) {
			throw new InvalidInputProblem("plans", "plan.plans.required");
		}
		List<FieldProblem> problems = new ArrayList<>();
		List<List<LocalDate>> days = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < inputs.size(); i++) {
			PlanInput input = inputs.get(i);
			String at = "plans[" + i + "].";
			if (input == null || input.requirement() == null || !needs.containsKey(input.requirement())) {
				problems.add(new FieldProblem(at + "requirement", "plan.requirement.unknown"));
				days.add(List.of());
				continue;
			}
			if (!seen.add(input.requirement())) {
				problems.add(new FieldProblem(at + "requirement", "plan.requirement.twice"));
			}
			days.add(days(contract, input, at, problems));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		Map<String, ImplementationPlan> stated = this.plans.findByContractId(contractId)
			.stream()
			.collect(Collectors.toMap(ImplementationPlan::getRequirementKey, Function.identity()));
		Instant now = Instant.now(this.clock);
		for (int i = 0; i < inputs.size(); i++) {
			PlanInput input = inputs.get(i);
			// Every requirement was checked against the needs above.
			Need need = Objects.requireNonNull(needs.get(input.requirement()));
			ImplementationPlan plan = stated.get(need.key());
			String before = (plan != null) ? plan.describe() : null;
			if (plan == null) {
				plan = new ImplementationPlan(contractId, need.key(), need.clause().ref(), actor.userId(), now);
			}
			String interval = (input.interval() != null && !input.interval().isBlank()) ? input.interval() : null;
			plan.state(interval, input.firstDate(), days.get(i), actor.userId(), now);
			plan = this.plans.save(plan);
			Obligations.Scheduled scheduled = this.obligations.schedule(contractId, need.key(), days.get(i), interval,
					"ImplementationPlan:" + plan.getId());
			this.audit.record(AuditRecord.of("IMPLEMENTATION_PLAN_SAVED")
				.actor(actor)
				.target("ImplementationPlan", plan.getId())
				.detail("contract", contractId)
				.detail("clause", need.clause().ref())
				.detail("requirement", need.key())
				.detail("before", before)
				.detail("after", plan.describe())
				.detail("dated", scheduled.dated())
				.detail("withdrawn", scheduled.withdrawn()));
		}
		return overview(actor, contractId);
	}

	/**
	 * Follows a change of a contract's scope or period, in the same transaction: a duty
	 * that no longer needs a plan keeps its stated plan, but its future, unmet days are
	 * withdrawn (they come back if the duty applies again); an interval plan is dated
	 * again over the new period, and a plan's stated days outside it are withdrawn. Met
	 * and past days stay, as when the lead changes a plan.
	 * @param event the change
	 */
	@EventListener
	void on(ContractScopeChanged event) {
		Contract contract = this.contractReads.findUnscoped(event.contractId()).orElse(null);
		if (contract == null) {
			return;
		}
		Set<String> needed = needs(contract).stream().map(Need::key).collect(Collectors.toSet());
		for (ImplementationPlan plan : this.plans.findByContractId(contract.getId())) {
			List<LocalDate> days = needed.contains(plan.getRequirementKey()) ? daysWithin(contract, plan) : List.of();
			Obligations.Scheduled scheduled = this.obligations.schedule(contract.getId(), plan.getRequirementKey(),
					days, plan.getInterval(), "ImplementationPlan:" + plan.getId());
			if (scheduled.dated() + scheduled.withdrawn() > 0) {
				this.audit.record(AuditRecord.of("IMPLEMENTATION_PLAN_REDATED")
					.target("ImplementationPlan", plan.getId())
					.detail("contract", contract.getId())
					.detail("clause", plan.getClauseRef())
					.detail("requirement", plan.getRequirementKey())
					.detail("applies", needed.contains(plan.getRequirementKey()))
					.detail("dated", scheduled.dated())
					.detail("withdrawn", scheduled.withdrawn()));
			}
		}
	}

	/** A stated plan's days within the contract's period as it is now. */
	private List<LocalDate> daysWithin(Contract contract, ImplementationPlan plan) {
		if (plan.getInterval() != null && plan.getFirstDay() != null) {
			List<FieldProblem> problems = new ArrayList<>();
			List<LocalDate> days = days(contract,
					new PlanInput(plan.getRequirementKey(), plan.getInterval(), plan.getFirstDay(), null), "",
					problems);
			if (problems.isEmpty()) {
				return days;
			}
		}
		return plan.getDays()
			.stream()
			.filter((d) -> !d.isBefore(contract.getPeriodStart()) && !d.isAfter(contract.getPeriodEnd()))
			.toList();
	}

	/**
	 * Returns whether the actor plans the contract's periodic duties.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} for the contractor's lead while the contract is open
	 */
	public boolean mayPlan(Actor actor, Contract contract) {
		return ContractRoles.leadsForContractorWhileOpen(actor, contract);
	}

	/**
	 * Expands a plan into its days, each within the contract period, reporting what is at
	 * fault.
	 */
	private List<LocalDate> days(Contract contract, PlanInput input, String at, List<FieldProblem> problems) {
		boolean hasDates = input.dates() != null && !input.dates().isEmpty();
		boolean hasInterval = input.interval() != null && !input.interval().isBlank();
		if (hasDates == hasInterval) {
			problems
				.add(new FieldProblem(at + "interval", hasDates ? "plan.interval.orDates" : "plan.interval.required"));
			return List.of();
		}
		LocalDate start = contract.getPeriodStart();
		LocalDate end = contract.getPeriodEnd();
		List<LocalDate> days = new ArrayList<>();
		if (hasInterval) {
			if (!INTERVALS.contains(input.interval())) {
				problems.add(new FieldProblem(at + "interval", "plan.interval.invalid"));
				return List.of();
			}
			LocalDate first = input.firstDate();
			if (first == null) {
				problems.add(new FieldProblem(at + "firstDate", "plan.firstDate.required"));
				return List.of();
			}
			if (first.isBefore(start) || first.isAfter(end)) {
				problems.add(new FieldProblem(at + "firstDate", "plan.date.outsidePeriod", start, end));
				return List.of();
			}
			Period period = Period.parse(input.interval());
			for (int n = 0; n < MAX_DAYS; n++) {
				LocalDate day = first.plus(period.multipliedBy(n));
				if (day.isAfter(end)) {
					break;
				}
				days.add(day);
			}
			return days;
		}
		List<LocalDate> dates = Objects.requireNonNull(input.dates());
		if (dates.size() > MAX_DAYS) {
			problems.add(new FieldProblem(at + "dates", "plan.dates.tooMany", MAX_DAYS));
			return List.of();
		}
		for (int j = 0; j < dates.size(); j++) {
			LocalDate day = dates.get(j);
			if (day == null) {
				problems.add(new FieldProblem(at + "dates[" + j + "]", "plan.date.required"));
			}
			else if (day.isBefore(start) || day.isAfter(end)) {
				problems.add(new FieldProblem(at + "dates[" + j + "]", "plan.date.outsidePeriod", start, end));
			}
			else {
				days.add(day);
			}
		}
		return days;
	}

	/** The contract's periodic duties that only a plan dates, in clause order. */
	private List<Need> needs(Contract contract) {
		ObligationPlanner.Terms terms = new ObligationPlanner.Terms(contract.getPeriodStart(), contract.getPeriodEnd(),
				contract.getAttributes(), contract::duration, contract.getReportingInterval());
		List<Need> needs = new ArrayList<>();
		for (ClauseDefinition clause : this.catalog.get(contract.getProfileId()).definition().clauses()) {
			for (int i = 0; i < clause.requirements().size(); i++) {
				RequirementDefinition requirement = clause.requirements().get(i);
				if (ObligationPlanner.needsPlan(clause, requirement, terms)) {
					needs.add(new Need(clause.ref() + "#" + (i + 1), clause, requirement,
							(requirement.deliverable() != null) ? requirement.deliverable()
									: Deliverable.IMPLEMENTATION_RECORD));
				}
			}
		}
		return needs;
	}

	private record Need(String key, ClauseDefinition clause, RequirementDefinition requirement,
			Deliverable deliverable) {
	}

	/**
	 * A contract's plans as a page or the API shows them.
	 *
	 * @param contract the contract
	 * @param duties its periodic duties that need a plan, in clause order
	 * @param mayPlan whether the actor may change the plans
	 * @param today today in Tokyo
	 */
	public record Overview(Contract contract, List<Duty> duties, boolean mayPlan, LocalDate today) {

		/**
		 * Returns how many duties have no plan yet.
		 * @return the number
		 */
		public long unplanned() {
			return this.duties.stream().filter((d) -> d.plan() == null).count();
		}

	}

	/**
	 * One periodic duty with its plan.
	 *
	 * @param requirementKey the requirement's key, e.g. {@code 16#1}
	 * @param clauseRef its clause
	 * @param category the clause's category
	 * @param summary what the duty is
	 * @param summaryEn the same in English
	 * @param deliverable the record each occurrence is met by
	 * @param plan its plan, or {@code null} when none is stated yet
	 * @param occurrences the obligations the plan dated (withdrawn ones excluded), by day
	 */
	public record Duty(String requirementKey, String clauseRef, ClauseCategory category, String summary,
			@Nullable String summaryEn, Deliverable deliverable, @Nullable ImplementationPlan plan,
			List<Obligation> occurrences) {
	}

}
