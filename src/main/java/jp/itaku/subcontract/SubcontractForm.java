package jp.itaku.subcontract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jp.itaku.platform.TextLimit;
import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A subcontract application as entered: the union of what Kadoma 8(2), Gunma 14(2)(3) and
 * Nerima 15② ask for, the binding to the same clauses (Setagaya 4, Nerima 16①) and the
 * Setagaya 4 condition that only ancillary work is passed on, unavoidably. Workers are
 * one name a line.
 */
// Bound from the request by Spring's data binder (or Jackson), which leaves a missing
// value
// null; problems() or Bean Validation rejects a missing required value before it is read.
@SuppressWarnings("NullAway.Init")
public class SubcontractForm {

	static final int SHORT = 100;

	static final int TEXT = 2000;

	static final int LONG = 4000;

	private UUID subcontractorOrganisationId;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate periodStart;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate periodEnd;

	private String reason;

	private String workContent;

	private String informationHandled;

	private boolean personalInformation;

	@TextLimit(4000)
	private String safetyMeasures;

	private String supervisionMethod;

	private String securityLead;

	private String workers;

	private boolean safetyMeasuresChecked;

	private boolean bindsSameClauses;

	private boolean ancillaryUnavoidable;

	/**
	 * Returns the problems of the form, each naming its field.
	 * @return the problems, empty when the form is valid
	 */
	public List<FieldProblem> problems() {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.subcontractorOrganisationId == null) {
			problems.add(new FieldProblem("subcontractorOrganisationId", "subcontract.error.subcontractor"));
		}
		if (this.periodStart == null) {
			problems.add(new FieldProblem("periodStart", "subcontract.error.periodStart"));
		}
		if (this.periodEnd == null) {
			problems.add(new FieldProblem("periodEnd", "subcontract.error.periodEnd"));
		}
		else if (this.periodStart != null && this.periodEnd.isBefore(this.periodStart)) {
			problems.add(new FieldProblem("periodEnd", "subcontract.error.periodOrder"));
		}
		text(problems, "reason", this.reason, TEXT);
		text(problems, "workContent", this.workContent, TEXT);
		text(problems, "informationHandled", this.informationHandled, TEXT);
		text(problems, "safetyMeasures", this.safetyMeasures, LONG);
		text(problems, "supervisionMethod", this.supervisionMethod, TEXT);
		text(problems, "securityLead", this.securityLead, SHORT);
		if (workerNames().isEmpty()) {
			problems.add(new FieldProblem("workers", "subcontract.error.workers"));
		}
		else if (String.join("\n", workerNames()).length() > TEXT
				|| workerNames().stream().anyMatch((w) -> w.length() > SHORT)) {
			problems.add(new FieldProblem("workers", "subcontract.error.tooLong", TEXT));
		}
		if (!this.safetyMeasuresChecked) {
			problems.add(new FieldProblem("safetyMeasuresChecked", "subcontract.error.safetyMeasuresChecked"));
		}
		if (!this.bindsSameClauses) {
			problems.add(new FieldProblem("bindsSameClauses", "subcontract.error.bindsSameClauses"));
		}
		if (!this.ancillaryUnavoidable) {
			problems.add(new FieldProblem("ancillaryUnavoidable", "subcontract.error.ancillaryUnavoidable"));
		}
		return problems;
	}

	private static void text(List<FieldProblem> problems, String field, String value, int max) {
		String cleaned = clean(value);
		if (cleaned == null) {
			problems.add(new FieldProblem(field, "subcontract.error." + field));
		}
		else if (cleaned.length() > max) {
			problems.add(new FieldProblem(field, "subcontract.error.tooLong", max));
		}
	}

	/**
	 * Returns the workers' names, one a line, blank lines dropped.
	 * @return the names
	 */
	public List<String> workerNames() {
		if (this.workers == null) {
			return List.of();
		}
		return Arrays.stream(this.workers.split("\\R")).map(String::strip).filter((w) -> !w.isEmpty()).toList();
	}

	static @Nullable String clean(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return value.strip();
	}

	public UUID getSubcontractorOrganisationId() {
		return this.subcontractorOrganisationId;
	}

	public void setSubcontractorOrganisationId(UUID subcontractorOrganisationId) {
		this.subcontractorOrganisationId = subcontractorOrganisationId;
	}

	public LocalDate getPeriodStart() {
		return this.periodStart;
	}

	public void setPeriodStart(LocalDate periodStart) {
		this.periodStart = periodStart;
	}

	public LocalDate getPeriodEnd() {
		return this.periodEnd;
	}

	public void setPeriodEnd(LocalDate periodEnd) {
		this.periodEnd = periodEnd;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public String getWorkContent() {
		return this.workContent;
	}

	public void setWorkContent(String workContent) {
		this.workContent = workContent;
	}

	public String getInformationHandled() {
		return this.informationHandled;
	}

	public void setInformationHandled(String informationHandled) {
		this.informationHandled = informationHandled;
	}

	public boolean isPersonalInformation() {
		return this.personalInformation;
	}

	public void setPersonalInformation(boolean personalInformation) {
		this.personalInformation = personalInformation;
	}

	public String getSafetyMeasures() {
		return this.safetyMeasures;
	}

	public void setSafetyMeasures(String safetyMeasures) {
		this.safetyMeasures = safetyMeasures;
	}

	public String getSupervisionMethod() {
		return this.supervisionMethod;
	}

	public void setSupervisionMethod(String supervisionMethod) {
		this.supervisionMethod = supervisionMethod;
	}

	public String getSecurityLead() {
		return this.securityLead;
	}

	public void setSecurityLead(String securityLead) {
		this.securityLead = securityLead;
	}

	public String getWorkers() {
		return this.workers;
	}

	public void setWorkers(String workers) {
		this.workers = workers;
	}

	public boolean isSafetyMeasuresChecked() {
		return this.safetyMeasuresChecked;
	}

	public void setSafetyMeasuresChecked(boolean safetyMeasuresChecked) {
		this.safetyMeasuresChecked = safetyMeasuresChecked;
	}

	public boolean isBindsSameClauses() {
		return this.bindsSameClauses;
	}

	public void setBindsSameClauses(boolean bindsSameClauses) {
		this.bindsSameClauses = bindsSameClauses;
	}

	public boolean isAncillaryUnavoidable() {
		return this.ancillaryUnavoidable;
	}

	public void setAncillaryUnavoidable(boolean ancillaryUnavoidable) {
		this.ancillaryUnavoidable = ancillaryUnavoidable;
	}

}
