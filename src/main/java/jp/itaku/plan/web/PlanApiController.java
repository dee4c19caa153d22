package jp.itaku.plan.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.itaku.catalog.Deliverable;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.plan.ImplementationPlan;
import jp.itaku.plan.ImplementationPlans;
import jp.itaku.plan.PlanInput;
import jp.itaku.platform.CurrentActor;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A contract's implementation plans over the REST API — read by every party, stated by
 * the contractor's lead — scoped and audited as on the page.
 */
@RestController
class PlanApiController {

	private final ImplementationPlans plans;

	PlanApiController(ImplementationPlans plans) {
		this.plans = plans;
	}

	@GetMapping("/api/v1/contracts/{id}/plans")
	PlansView get(@PathVariable("id") UUID contractId) {
		return PlansView.of(this.plans.overview(CurrentActor.require(), contractId));
	}

	@PutMapping("/api/v1/contracts/{id}/plans")
	PlansView put(@PathVariable("id") UUID contractId, @RequestBody(required = false) @Nullable PlansBody body) {
		return PlansView.of(this.plans.save(CurrentActor.require(), contractId, (body != null) ? body.plans() : null));
	}

	/**
	 * The plans to state; duties not named keep theirs.
	 *
	 * @param plans one plan per duty
	 */
	record PlansBody(@Nullable List<PlanInput> plans) {
	}

	/**
	 * A contract's periodic duties with their plans.
	 *
	 * @param contractId the contract
	 * @param unplanned how many duties have no plan yet
	 * @param duties the duties, in clause order
	 */
	record PlansView(UUID contractId, long unplanned, List<DutyView> duties) {

		static PlansView of(ImplementationPlans.Overview o) {
			return new PlansView(o.contract().getId(), o.unplanned(),
					o.duties().stream().map((d) -> DutyView.of(d, o.today())).toList());
		}

	}

	/**
	 * One periodic duty.
	 *
	 * @param requirement its key, as {@code PUT} names it
	 * @param clauseRef its clause
	 * @param summary what it is
	 * @param deliverable the record each occurrence is met by
	 * @param plan its plan, or {@code null} when none is stated (実施計画なし)
	 * @param occurrences its dated occurrences
	 */
	record DutyView(String requirement, String clauseRef, String summary, Deliverable deliverable,
			@Nullable PlanView plan, List<OccurrenceView> occurrences) {

		static DutyView of(ImplementationPlans.Duty d, LocalDate today) {
			ImplementationPlan p = d.plan();
			return new DutyView(d.requirementKey(), d.clauseRef(), d.summary(), d.deliverable(),
					(p != null) ? new PlanView(p.getInterval(), p.getFirstDay(),
							(p.getInterval() != null) ? null : p.getDays(), p.getUpdatedAt()) : null,
					d.occurrences().stream().map((o) -> OccurrenceView.of(o, today)).toList());
		}

	}

	/**
	 * A duty's plan.
	 *
	 * @param interval its interval, or {@code null} for a list of days
	 * @param firstDate the first day of an interval
	 * @param dates the days of a list
	 * @param updatedAt when it was last stated
	 */
	record PlanView(@Nullable String interval, @Nullable LocalDate firstDate, @Nullable List<LocalDate> dates,
			Instant updatedAt) {
	}

	/**
	 * One occurrence: an obligation due on a planned day.
	 *
	 * @param obligationId the obligation
	 * @param dueDate the planned day
	 * @param status its effective status (OVERDUE once the day passed unmet)
	 */
	record OccurrenceView(UUID obligationId, @Nullable LocalDate dueDate, ObligationStatus status) {

		static OccurrenceView of(Obligation o, LocalDate today) {
			return new OccurrenceView(o.getId(), o.getDueDate(), o.effectiveStatus(today));
		}

	}

}
