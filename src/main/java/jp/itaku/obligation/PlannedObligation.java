package jp.itaku.obligation;

import java.time.LocalDate;

import jp.itaku.catalog.ClauseCategory;
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
 * @param dueDate the due date after the closed-day rule, or {@code null} when the clause
 * sets none
 */
record PlannedObligation(String requirementKey, String clauseRef, ClauseCategory category, RequirementKind kind,
		Deliverable deliverable, String summary, String summaryEn, String periodKey, @Nullable LocalDate dueDate) {
}
