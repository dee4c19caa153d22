package jp.itaku.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a contractor's lead enters for a worker, in the UI, the API or a row of an import.
 * The nationality is write-only: blank on a change keeps what is stored.
 */
// Bound from the request by Spring's data binder (or Jackson), which leaves a missing
// value
// null; problems() or Bean Validation rejects a missing required value before it is read.
@SuppressWarnings("NullAway.Init")
public class RosterMemberForm {

	private @Nullable String name;

	private @Nullable String affiliation;

	private @Nullable WorkerRole role = WorkerRole.WORKER;

	private @Nullable String duties;

	private @Nullable String workLocation;

	private boolean handlesPersonalInformation;

	private boolean handoverPerson;

	private @Nullable String expertise;

	private @Nullable String trackRecord;

	private @Nullable String nationality;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate periodStart;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate plannedEnd;

	private @Nullable UUID userId;

	/**
	 * Returns the form a change of a member starts from: its values, the nationality
	 * blank (write-only: blank keeps what is stored).
	 * @param member the member
	 * @return a new form
	 */
	public static RosterMemberForm of(RosterMember member) {
		RosterMemberForm form = new RosterMemberForm();
		form.setName(member.getName());
		form.setAffiliation(member.getAffiliation());
		form.setRole(member.getRole());
		form.setDuties(member.getDuties());
		form.setWorkLocation(member.getWorkLocation());
		form.setHandlesPersonalInformation(member.isHandlesPersonalInformation());
		form.setHandoverPerson(member.isHandoverPerson());
		form.setExpertise(member.getExpertise());
		form.setTrackRecord(member.getTrackRecord());
		form.setPeriodStart(member.getPeriodStart());
		form.setPlannedEnd(member.getPlannedEnd());
		form.setUserId(member.getUserId());
		return form;
	}

	/**
	 * Checks the form against the roster's rules.
	 * @param nationalityAsked whether the contract's profile asks for the nationality
	 * @return the fields at fault, in form order; empty when valid
	 */
	public List<FieldProblem> problems(boolean nationalityAsked) {
		List<FieldProblem> problems = new ArrayList<>();
		required(problems, "name", this.name, 100);
		required(problems, "affiliation", this.affiliation, 200);
		if (this.role == null) {
			problems.add(new FieldProblem("role", "validation.required"));
		}
		optional(problems, "duties", this.duties, 500);
		optional(problems, "workLocation", this.workLocation, 300);
		optional(problems, "expertise", this.expertise, 500);
		optional(problems, "trackRecord", this.trackRecord, 1000);
		optional(problems, "nationality", this.nationality, 60);
		if (!nationalityAsked && this.nationality != null && !this.nationality.isBlank()) {
			problems.add(new FieldProblem("nationality", "roster.nationality.notAsked"));
		}
		if (this.periodStart == null) {
			problems.add(new FieldProblem("periodStart", "validation.required"));
		}
		else if (this.plannedEnd != null && this.plannedEnd.isBefore(this.periodStart)) {
			problems.add(new FieldProblem("plannedEnd", "roster.period.endBeforeStart"));
		}
		return problems;
	}

	private static void required(List<FieldProblem> problems, String field, @Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "validation.required"));
		}
		else {
			optional(problems, field, value, max);
		}
	}

	private static void optional(List<FieldProblem> problems, String field, @Nullable String value, int max) {
		if (value != null && value.strip().length() > max) {
			problems.add(new FieldProblem(field, "roster.maxLength", max));
		}
	}

	static @Nullable String clean(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getAffiliation() {
		return this.affiliation;
	}

	public void setAffiliation(@Nullable String affiliation) {
		this.affiliation = affiliation;
	}

	public @Nullable WorkerRole getRole() {
		return this.role;
	}

	public void setRole(@Nullable WorkerRole role) {
		this.role = role;
	}

	public @Nullable String getDuties() {
		return this.duties;
	}

	public void setDuties(@Nullable String duties) {
		this.duties = duties;
	}

	public @Nullable String getWorkLocation() {
		return this.workLocation;
	}

	public void setWorkLocation(@Nullable String workLocation) {
		this.workLocation = workLocation;
	}

	public boolean isHandlesPersonalInformation() {
		return this.handlesPersonalInformation;
	}

	public void setHandlesPersonalInformation(boolean handlesPersonalInformation) {
		this.handlesPersonalInformation = handlesPersonalInformation;
	}

	public boolean isHandoverPerson() {
		return this.handoverPerson;
	}

	public void setHandoverPerson(boolean handoverPerson) {
		this.handoverPerson = handoverPerson;
	}

	public @Nullable String getExpertise() {
		return this.expertise;
	}

	public void setExpertise(@Nullable String expertise) {
		this.expertise = expertise;
	}

	public @Nullable String getTrackRecord() {
		return this.trackRecord;
	}

	public void setTrackRecord(@Nullable String trackRecord) {
		this.trackRecord = trackRecord;
	}

	public @Nullable String getNationality() {
		return this.nationality;
	}

	public void setNationality(@Nullable String nationality) {
		this.nationality = nationality;
	}

	public LocalDate getPeriodStart() {
		return this.periodStart;
	}

	public void setPeriodStart(LocalDate periodStart) {
		this.periodStart = periodStart;
	}

	public @Nullable LocalDate getPlannedEnd() {
		return this.plannedEnd;
	}

	public void setPlannedEnd(@Nullable LocalDate plannedEnd) {
		this.plannedEnd = plannedEnd;
	}

	public @Nullable UUID getUserId() {
		return this.userId;
	}

	public void setUserId(@Nullable UUID userId) {
		this.userId = userId;
	}

}
