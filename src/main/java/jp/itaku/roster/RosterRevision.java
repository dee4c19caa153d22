package jp.itaku.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * A worker as the roster showed them from an instant on: the roster as of a date is each
 * member's latest revision recorded before that day ended. Never changed once written.
 */
@Entity
@Table(name = "roster_member_revision")
public class RosterRevision {

	@Id
	private UUID id;

	@Column(name = "member_id", nullable = false)
	private UUID memberId;

	@Column(name = "contract_id", nullable = false)
	private UUID contractId;

	@Column(name = "recorded_at", nullable = false)
	private Instant recordedAt;

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

	@Column(name = "period_start", nullable = false)
	private LocalDate periodStart;

	@Column(name = "planned_end")
	private @Nullable LocalDate plannedEnd;

	@Column(name = "actual_end")
	private @Nullable LocalDate actualEnd;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private MemberStatus status;

	protected RosterRevision() {
	}

	RosterRevision(RosterMember member, Instant recordedAt) {
		this.id = UUID.randomUUID();
		this.memberId = member.getId();
		this.contractId = member.getContractId();
		this.recordedAt = recordedAt;
		this.name = member.getName();
		this.affiliation = member.getAffiliation();
		this.role = member.getRole();
		this.duties = member.getDuties();
		this.workLocation = member.getWorkLocation();
		this.handlesPersonalInformation = member.isHandlesPersonalInformation();
		this.handoverPerson = member.isHandoverPerson();
		this.periodStart = member.getPeriodStart();
		this.plannedEnd = member.getPlannedEnd();
		this.actualEnd = member.getActualEnd();
		this.status = member.getStatus();
	}

	public UUID getMemberId() {
		return this.memberId;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
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

}
