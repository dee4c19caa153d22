package jp.itaku.obligation;

import java.time.LocalDate;

import jp.itaku.calendar.DeadlineKind;
import jp.itaku.catalog.ClauseCategory;
import jp.itaku.catalog.DeadlinePolicy;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.RequirementKind;

import org.jspecify.annotations.Nullable;

/**
 * An obligation a contract's clauses call for, before it is stored.
 *
 * @param requirementKey the requirement: clause reference and its position, e.g.
 * {@code 2(2)#1}
 * @param clauseRef the clause's reference
 * @param category the clause's category
 * @param kind the requirement's kind
 * @param deliverable the document that meets it
 * @param summary what is required
 * @param summaryEn the same in English
 * @param periodKey which occurrence: {@code START}, {@code END}, a month {@code 2026-05},
 * or {@code P1}, {@code P2}… for other periods
 * @param dueDate the due date after the closed-day rule of its kind
 * @param dueKind how the deadline is stated: a calendar-fixed date, or counted from an
 * event in days or in hours
 * @param duePolicy the named deadline (直ちに, 速やかに, 遅滞なく) it is counted by, or {@code null}
 * @param dueWithin the ISO-8601 duration counted from the event (e.g. {@code PT1H},
 * {@code P3D}), or {@code null} for a calendar-fixed date or one due at the event
 * @param periodStart the first day of the period a periodic or monthly obligation covers,
 * or {@code null} for one of no period
 * @param periodEnd its last day, or {@code null}
 */
record PlannedObligation(String requirementKey, String clauseRef, ClauseCategory category, RequirementKind kind,
		Deliverable deliverable, String summary, String summaryEn, String periodKey, @Nullable LocalDate dueDate,
		DeadlineKind dueKind, @Nullable DeadlinePolicy duePolicy, @Nullable String dueWithin,
		@Nullable LocalDate periodStart, @Nullable LocalDate periodEnd) {

	PlannedObligation(String requirementKey, String clauseRef, ClauseCategory category, RequirementKind kind,
			Deliverable deliverable, String summary, String summaryEn, String periodKey, @Nullable LocalDate dueDate,
			DeadlineKind dueKind, @Nullable DeadlinePolicy duePolicy, @Nullable String dueWithin) {
		this(requirementKey, clauseRef, category, kind, deliverable, summary, summaryEn, periodKey, dueDate, dueKind,
				duePolicy, dueWithin, null, null);
	}

}
