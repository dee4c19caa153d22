package jp.itaku.approval;

import java.util.List;

import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.catalog.ProfileDefinition.RequirementDefinition;

import org.jspecify.annotations.Nullable;

/**
 * An act a contract's profile allows only with the client's prior approval, taken from
 * one of its BEFORE_ACTION requirements: the act, the clause, what the requirement says
 * and what the application must state.
 *
 * @param action the act
 * @param clauseRef the clause, e.g. {@code 第5条第2項}
 * @param requirementKey the requirement within the profile, e.g. {@code 第5条第2項#1}
 * @param summary what the requirement says, in Japanese
 * @param summaryEn the same in English, or {@code null}
 * @param deliverable what the written application is, or {@code null}
 * @param fields what the application states
 * @param requirement the requirement itself
 */
public record ApprovableAct(GuardedAction action, String clauseRef, String requirementKey, String summary,
		@Nullable String summaryEn, @Nullable Deliverable deliverable, List<ApprovalField> fields,
		RequirementDefinition requirement) {

	/**
	 * Returns whether the application states a field.
	 * @param field the field
	 * @return {@code true} when the act asks for it
	 */
	public boolean asks(ApprovalField field) {
		return this.fields.contains(field);
	}

	/**
	 * Returns the field that names what an approval of this act covers.
	 * @return the field, or {@code null} when an approval covers the act as a whole
	 */
	public @Nullable ApprovalField subjectField() {
		return ApprovalField.subjectOf(this.fields);
	}

}
