package jp.itaku.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.itaku.platform.InvalidInputProblem;

import org.jspecify.annotations.Nullable;

/**
 * A person on a contract's roster. Its status moves from planned to active (only when
 * ready, or by the lead's recorded override) to left; every change of what the client is
 * told is returned as field changes for the next notice.
 */
@Entity
@Table(name = "roster_member")
public class RosterMember {

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false)
	private UUID contractId;

	@Column(name = "organisation_id", nullable = false)
	private UUID organisationId;

	@Column(name = "user_id")
	private @Nullable UUID userId;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String affiliation;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private WorkerRole role;

	private @Nullable String duties;

	@Column(name = "work_location")
	private @Nullable String workLocation;

	@Column(name = "handles_personal_information", nullable = false)
	private boolean handlesPersonalInformation;

	@Column(name = "handover_person", nullable = false)
	private boolean handoverPerson;

	private @Nullable String expertise;

	@Column(name = "track_record")
	private @Nullable String trackRecord;

	@Column(name = "nationality_ciphertext")
	private @Nullable String nationalityCiphertext;

	@Column(name = "period_start", nullable = false)
	private LocalDate periodStart;

	@Column(name = "planned_end")
	private @Nullable LocalDate plannedEnd;

	@Column(name = "actual_end")
	private @Nullable LocalDate actualEnd;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private MemberStatus status = MemberStatus.PLANNED;

	@Column(name = "readiness_override")
	private @Nullable String readinessOverride;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private @Nullable Long version;

	protected RosterMember() {
	}

	// NullAway does not follow the call to apply(…) below, which sets the remaining
	// fields.
	@SuppressWarnings("NullAway.Init")
	RosterMember(UUID contractId, UUID organisationId, RosterMemberForm form, Instant now) {
		this.id = UUID.randomUUID();
		this.contractId = contractId;
		this.organisationId = organisationId;
		this.createdAt = now;
		apply(form, now);
	}

	/**
	 * Takes the form's values (the nationality is set apart, encrypted).
	 * @param form the values
	 * @param now the current instant
	 * @return what changed that the client is told of, in form order (meaningless for a
	 * new member, whose notice lists everything)
	 */
	// the form's problems() has refused a blank required value before this is called
	@SuppressWarnings("NullAway")
	List<FieldChange> apply(RosterMemberForm form, Instant now) {
		if (this.status == MemberStatus.LEFT) {
			throw new InvalidInputProblem("status", "roster.member.left");
		}
		List<FieldChange> changes = new ArrayList<>();
		this.name = changed(changes, "name", this.name, RosterMemberForm.clean(form.getName()));
		this.affiliation = changed(changes, "affiliation", this.affiliation,
				RosterMemberForm.clean(form.getAffiliation()));
		WorkerRole newRole = form.getRole();
		if (this.role != newRole) {
			changes.add(new FieldChange("role", code(this.role), code(newRole)));
			this.role = newRole;
		}
		this.duties = changed(changes, "duties", this.duties, RosterMemberForm.clean(form.getDuties()));
		this.workLocation = changed(changes, "workLocation", this.workLocation,
				RosterMemberForm.clean(form.getWorkLocation()));
		if (this.handlesPersonalInformation != form.isHandlesPersonalInformation()) {
			changes.add(new FieldChange("handlesPersonalInformation", String.valueOf(this.handlesPersonalInformation),
					String.valueOf(form.isHandlesPersonalInformation())));
			this.handlesPersonalInformation = form.isHandlesPersonalInformation();
		}
		if (this.handoverPerson != form.isHandoverPerson()) {
			changes.add(new FieldChange("handoverPerson", String.valueOf(this.handoverPerson),
					String.valueOf(form.isHandoverPerson())));
			this.handoverPerson = form.isHandoverPerson();
		}
		this.expertise = changed(changes, "expertise", this.expertise, RosterMemberForm.clean(form.getExpertise()));
		this.trackRecord = changed(changes, "trackRecord", this.trackRecord,
				RosterMemberForm.clean(form.getTrackRecord()));
		if (!Objects.equals(this.periodStart, form.getPeriodStart())) {
			changes.add(new FieldChange("periodStart", code(this.periodStart), code(form.getPeriodStart())));
			this.periodStart = form.getPeriodStart();
		}
		if (!Objects.equals(this.plannedEnd, form.getPlannedEnd())) {
			changes.add(new FieldChange("plannedEnd", code(this.plannedEnd), code(form.getPlannedEnd())));
			this.plannedEnd = form.getPlannedEnd();
		}
		this.userId = form.getUserId();
		this.updatedAt = now;
		return changes;
	}

	/**
	 * Stores a newly entered nationality as ciphertext.
	 * @param ciphertext the value encrypted for this member
	 * @param now the current instant
	 */
	void nationality(String ciphertext, Instant now) {
		this.nationalityCiphertext = ciphertext;
		this.updatedAt = now;
	}

	/**
	 * Starts the worker on the contract.
	 * @param readiness the worker's pledge and training
	 * @param override the lead's reason to start a worker who is not ready, or
	 * {@code null}
	 * @param now the current instant
	 * @throws InvalidInputProblem when the worker is not planned, or not ready and no
	 * reason is given
	 */
	void activate(WorkerReadiness.Readiness readiness, @Nullable String override, Instant now) {
		if (this.status != MemberStatus.PLANNED) {
			throw new InvalidInputProblem("status", "roster.activate.notPlanned");
		}
		if (!readiness.ready()) {
			if (override == null || override.isBlank()) {
				throw new InvalidInputProblem("override", "roster.activate.notReady");
			}
			this.readinessOverride = override.strip();
		}
		this.status = MemberStatus.ACTIVE;
		this.updatedAt = now;
	}

	/**
	 * Ends the worker's work on the contract.
	 * @param lastDay the last day of work
	 * @param now the current instant
	 * @return the change the client is told of
	 */
	FieldChange leave(@Nullable LocalDate lastDay, Instant now) {
		if (this.status == MemberStatus.LEFT) {
			throw new InvalidInputProblem("status", "roster.member.left");
		}
		if (lastDay == null) {
			throw new InvalidInputProblem("actualEnd", "validation.required");
		}
		if (lastDay.isBefore(this.periodStart)) {
			throw new InvalidInputProblem("actualEnd", "roster.period.endBeforeStart");
		}
		this.actualEnd = lastDay;
		this.status = MemberStatus.LEFT;
		this.updatedAt = now;
		return new FieldChange("actualEnd", null, code(lastDay));
	}

	/**
	 * Returns whether the worker is on the roster on a day: active, or left after it.
	 * @param day the day
	 * @return {@code true} when the worker may work that day
	 */
	public boolean worksOn(LocalDate day) {
		if (this.status == MemberStatus.PLANNED || day.isBefore(this.periodStart)) {
			return false;
		}
		LocalDate last = (this.actualEnd != null) ? this.actualEnd : this.plannedEnd;
		return last == null || !day.isAfter(last);
	}

	private static @Nullable String changed(List<FieldChange> changes, String field, @Nullable String before,
			@Nullable String after) {
		if (!Objects.equals(before, after)) {
			changes.add(new FieldChange(field, before, after));
		}
		return after;
	}

	private static @Nullable String code(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public UUID getOrganisationId() {
		return this.organisationId;
	}

	public @Nullable UUID getUserId() {
		return this.userId;
	}

	public String getName() {
		return this.name;
	}

	public String getAffiliation() {
		return this.affiliation;
	}

	public WorkerRole getRole() {
		return this.role;
	}

	public @Nullable String getDuties() {
		return this.duties;
	}

	public @Nullable String getWorkLocation() {
		return this.workLocation;
	}

	public boolean isHandlesPersonalInformation() {
		return this.handlesPersonalInformation;
	}

	public boolean isHandoverPerson() {
		return this.handoverPerson;
	}

	public @Nullable String getExpertise() {
		return this.expertise;
	}

	public @Nullable String getTrackRecord() {
		return this.trackRecord;
	}

	/**
	 * Returns whether a nationality is on record, without revealing it.
	 * @return {@code true} when one was entered
	 */
	public boolean hasNationality() {
		return this.nationalityCiphertext != null;
	}

	@Nullable String getNationalityCiphertext() {
		return this.nationalityCiphertext;
	}

	public LocalDate getPeriodStart() {
		return this.periodStart;
	}

	public @Nullable LocalDate getPlannedEnd() {
		return this.plannedEnd;
	}

	public @Nullable LocalDate getActualEnd() {
		return this.actualEnd;
	}

	public MemberStatus getStatus() {
		return this.status;
	}

	public @Nullable String getReadinessOverride() {
		return this.readinessOverride;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
