package jp.itaku.approval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jp.itaku.catalog.GuardedAction;
import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * An application for a prior approval as entered: the act and, when the profile has
 * several requirements on it, the clause; the reason; and the fields the act's
 * requirement asks for ({@link ApprovalField}). A field the act does not ask for is
 * ignored.
 */
public class ApprovalForm {

	/** The longest subject (a place, a third party): it is what the gate compares. */
	static final int SUBJECT_MAX = 300;

	private @Nullable GuardedAction action;

	private @Nullable String clauseRef;

	private @Nullable String reason;

	private @Nullable String location;

	private @Nullable String thirdParty;

	private @Nullable String safeguards;

	private @Nullable String purpose;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate periodFrom;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate periodUntil;

	private @Nullable String systems;

	private @Nullable String information;

	/**
	 * Returns the problems of the form for an act, each naming its field: every field the
	 * act asks for is required (the period's end may be left open).
	 * @param act the act applied for
	 * @return the problems, empty when the form is valid
	 */
	public List<FieldProblem> problems(ApprovableAct act) {
		List<FieldProblem> problems = new ArrayList<>();
		text(problems, "reason", this.reason, Approval.TEXT_MAX);
		if (act.asks(ApprovalField.LOCATION)) {
			text(problems, "location", this.location, SUBJECT_MAX);
		}
		if (act.asks(ApprovalField.THIRD_PARTY)) {
			text(problems, "thirdParty", this.thirdParty, SUBJECT_MAX);
		}
		if (act.asks(ApprovalField.SAFEGUARDS)) {
			text(problems, "safeguards", this.safeguards, Approval.TEXT_MAX);
		}
		if (act.asks(ApprovalField.PURPOSE)) {
			text(problems, "purpose", this.purpose, Approval.TEXT_MAX);
		}
		if (act.asks(ApprovalField.SYSTEMS)) {
			text(problems, "systems", this.systems, Approval.TEXT_MAX);
		}
		if (act.asks(ApprovalField.INFORMATION)) {
			text(problems, "information", this.information, Approval.TEXT_MAX);
		}
		if (act.asks(ApprovalField.PERIOD)) {
			if (this.periodFrom == null) {
				problems.add(new FieldProblem("periodFrom", "approval.error.required.periodFrom"));
			}
			else if (this.periodUntil != null && this.periodUntil.isBefore(this.periodFrom)) {
				problems.add(new FieldProblem("periodUntil", "approval.error.periodOrder"));
			}
		}
		return problems;
	}

	private static void text(List<FieldProblem> problems, String field, @Nullable String value, int max) {
		String cleaned = clean(value);
		if (cleaned == null) {
			problems.add(new FieldProblem(field, "approval.error.required." + field));
		}
		else if (cleaned.length() > max) {
			problems.add(new FieldProblem(field, "approval.error.tooLong", max));
		}
	}

	/**
	 * Returns a text stripped, or {@code null} when blank.
	 * @param value the text
	 * @return the cleaned text
	 */
	static @Nullable String clean(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return value.strip();
	}

	/**
	 * Returns the act and clause as the page's choice names them.
	 * @return e.g. {@code WORK_OUTSIDE_DESIGNATED_SITE|第5条第2項}, or {@code null}
	 */
	public @Nullable String getAct() {
		return (this.action != null) ? this.action.name() + "|" + ((this.clauseRef != null) ? this.clauseRef : "")
				: null;
	}

	/**
	 * Sets the act and clause from the page's choice; an unknown act is left unset (and
	 * refused as missing).
	 * @param act e.g. {@code WORK_OUTSIDE_DESIGNATED_SITE|第5条第2項}
	 */
	public void setAct(@Nullable String act) {
		if (act == null || act.isBlank()) {
			return;
		}
		String[] parts = act.split("\\|", 2);
		this.action = Arrays.stream(GuardedAction.values())
			.filter((a) -> a.name().equals(parts[0]))
			.findFirst()
			.orElse(null);
		this.clauseRef = (parts.length > 1 && !parts[1].isBlank()) ? parts[1] : null;
	}

	public @Nullable GuardedAction getAction() {
		return this.action;
	}

	public void setAction(@Nullable GuardedAction action) {
		this.action = action;
	}

	public @Nullable String getClauseRef() {
		return this.clauseRef;
	}

	public void setClauseRef(@Nullable String clauseRef) {
		this.clauseRef = clauseRef;
	}

	public @Nullable String getReason() {
		return this.reason;
	}

	public void setReason(@Nullable String reason) {
		this.reason = reason;
	}

	public @Nullable String getLocation() {
		return this.location;
	}

	public void setLocation(@Nullable String location) {
		this.location = location;
	}

	public @Nullable String getThirdParty() {
		return this.thirdParty;
	}

	public void setThirdParty(@Nullable String thirdParty) {
		this.thirdParty = thirdParty;
	}

	public @Nullable String getSafeguards() {
		return this.safeguards;
	}

	public void setSafeguards(@Nullable String safeguards) {
		this.safeguards = safeguards;
	}

	public @Nullable String getPurpose() {
		return this.purpose;
	}

	public void setPurpose(@Nullable String purpose) {
		this.purpose = purpose;
	}

	public @Nullable LocalDate getPeriodFrom() {
		return this.periodFrom;
	}

	public void setPeriodFrom(@Nullable LocalDate periodFrom) {
		this.periodFrom = periodFrom;
	}

	public @Nullable LocalDate getPeriodUntil() {
		return this.periodUntil;
	}

	public void setPeriodUntil(@Nullable LocalDate periodUntil) {
		this.periodUntil = periodUntil;
	}

	public @Nullable String getSystems() {
		return this.systems;
	}

	public void setSystems(@Nullable String systems) {
		this.systems = systems;
	}

	public @Nullable String getInformation() {
		return this.information;
	}

	public void setInformation(@Nullable String information) {
		this.information = information;
	}

}
