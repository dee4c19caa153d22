package jp.itaku.subcontract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.itaku.contract.ContractRoles;
import jp.itaku.platform.InvalidInputProblem;

import org.jspecify.annotations.Nullable;

/**
 * One subcontract of a contract (再委託; at depth 2 and below 再々委託): who applied (the
 * contractor, or an approved subcontractor, then {@code parentId} names its own
 * subcontract), to whom, and everything the clauses require the application to state
 * (Kadoma 8(2), Gunma 14(2)(3), Nerima 15②, Setagaya 4, Nerima 16①). The client approves
 * or rejects it; the applicant and the deciding user are both recorded and must differ
 * (maker-checker).
 */
@Entity
@Table(name = "subcontract")
public class Subcontract {

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false, updatable = false)
	private UUID contractId;

	@Column(nullable = false, updatable = false)
	private int seq;

	@Column(name = "parent_id", updatable = false)
	private @Nullable UUID parentId;

	@Column(nullable = false, updatable = false)
	private int depth;

	@Column(name = "applicant_organisation_id", nullable = false, updatable = false)
	private UUID applicantOrganisationId;

	@Column(name = "subcontractor_organisation_id", nullable = false, updatable = false)
	private UUID subcontractorOrganisationId;

	@Column(name = "subcontractor_name", nullable = false, updatable = false)
	private String subcontractorName;

	@Column(name = "subcontractor_address", nullable = false, updatable = false)
	private String subcontractorAddress;

	@Column(name = "period_start", nullable = false, updatable = false)
	private LocalDate periodStart;

	@Column(name = "period_end", nullable = false, updatable = false)
	private LocalDate periodEnd;

	@Column(nullable = false, updatable = false)
	private String reason;

	@Column(name = "work_content", nullable = false, updatable = false)
	private String workContent;

	@Column(name = "information_handled", nullable = false, updatable = false)
	private String informationHandled;

	@Column(name = "personal_information", nullable = false, updatable = false)
	private boolean personalInformation;

	@Column(name = "safety_measures", nullable = false, updatable = false)
	private String safetyMeasures;

	@Column(name = "supervision_method", nullable = false, updatable = false)
	private String supervisionMethod;

	@Column(name = "security_lead", nullable = false, updatable = false)
	private String securityLead;

	@Column(nullable = false, updatable = false)
	private String workers;

	@Column(name = "safety_measures_checked", nullable = false, updatable = false)
	private boolean safetyMeasuresChecked;

	@Column(name = "binds_same_clauses", nullable = false, updatable = false)
	private boolean bindsSameClauses;

	@Column(name = "ancillary_unavoidable", nullable = false, updatable = false)
	private boolean ancillaryUnavoidable;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private SubcontractStatus status;

	@Column(name = "applied_by", nullable = false, updatable = false)
	private UUID appliedBy;

	@Column(name = "applied_at", nullable = false, updatable = false)
	private Instant appliedAt;

	@Column(name = "decided_by")
	private @Nullable UUID decidedBy;

	@Column(name = "decided_at")
	private @Nullable Instant decidedAt;

	@Column(name = "rejection_reason")
	private @Nullable String rejectionReason;

	@Column(name = "document_key", nullable = false)
	private String documentKey;

	@Column(nullable = false)
	private String sha256;

	@Column(name = "file_name", nullable = false)
	private String fileName;

	protected Subcontract() {
	}

	// the form's problems() has refused a blank required value before this is called
	@SuppressWarnings("NullAway")
	Subcontract(UUID contractId, int seq, @Nullable Subcontract parent, UUID applicantOrganisationId,
			String subcontractorName, String subcontractorAddress, SubcontractForm form, UUID appliedBy,
			Instant appliedAt) {
		this.id = UUID.randomUUID();
		this.contractId = contractId;
		this.seq = seq;
		this.parentId = (parent != null) ? parent.getId() : null;
		this.depth = (parent != null) ? parent.getDepth() + 1 : 1;
		this.applicantOrganisationId = applicantOrganisationId;
		this.subcontractorOrganisationId = form.getSubcontractorOrganisationId();
		this.subcontractorName = subcontractorName;
		this.subcontractorAddress = subcontractorAddress;
		this.periodStart = form.getPeriodStart();
		this.periodEnd = form.getPeriodEnd();
		this.reason = SubcontractForm.clean(form.getReason());
		this.workContent = SubcontractForm.clean(form.getWorkContent());
		this.informationHandled = SubcontractForm.clean(form.getInformationHandled());
		this.personalInformation = form.isPersonalInformation();
		this.safetyMeasures = SubcontractForm.clean(form.getSafetyMeasures());
		this.supervisionMethod = SubcontractForm.clean(form.getSupervisionMethod());
		this.securityLead = SubcontractForm.clean(form.getSecurityLead());
		this.workers = String.join("\n", form.workerNames());
		this.safetyMeasuresChecked = form.isSafetyMeasuresChecked();
		this.bindsSameClauses = form.isBindsSameClauses();
		this.ancillaryUnavoidable = form.isAncillaryUnavoidable();
		this.status = SubcontractStatus.PENDING;
		this.appliedBy = appliedBy;
		this.appliedAt = appliedAt;
		this.documentKey = "-";
		this.sha256 = "-";
		this.fileName = "-";
	}

	void attachApplication(String documentKey, String sha256, String fileName) {
		this.documentKey = documentKey;
		this.sha256 = sha256;
		this.fileName = fileName;
	}

	/**
	 * Approves a pending application.
	 * @param userId the client's user deciding; never the applicant
	 * @param now when
	 * @throws InvalidInputProblem when not pending or when the applicant would approve
	 * their own application
	 */
	void approve(UUID userId, Instant now) {
		decide(userId, now);
		this.status = SubcontractStatus.APPROVED;
	}

	/**
	 * Rejects a pending application with a reason.
	 * @param userId the client's user deciding
	 * @param reason why, required
	 * @param now when
	 * @throws InvalidInputProblem when not pending, or the reason is blank
	 */
	void reject(UUID userId, @Nullable String reason, Instant now) {
		String cleaned = SubcontractForm.clean(reason);
		if (cleaned == null) {
			throw new InvalidInputProblem("reason", "subcontract.error.rejectionReason");
		}
		if (cleaned.length() > 2000) {
			throw new InvalidInputProblem("reason", "subcontract.error.tooLong", 2000);
		}
		decide(userId, now);
		this.status = SubcontractStatus.REJECTED;
		this.rejectionReason = cleaned;
	}

	private void decide(UUID userId, Instant now) {
		if (this.status != SubcontractStatus.PENDING) {
			throw new InvalidInputProblem("status", "subcontract.error.notPending");
		}
		ContractRoles.requireSecondPerson(this.appliedBy, userId, "status", "subcontract.error.ownApplication");
		this.decidedBy = userId;
		this.decidedAt = now;
	}

	public boolean isApproved() {
		return this.status == SubcontractStatus.APPROVED;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public int getSeq() {
		return this.seq;
	}

	public @Nullable UUID getParentId() {
		return this.parentId;
	}

	public int getDepth() {
		return this.depth;
	}

	public UUID getApplicantOrganisationId() {
		return this.applicantOrganisationId;
	}

	public UUID getSubcontractorOrganisationId() {
		return this.subcontractorOrganisationId;
	}

	public String getSubcontractorName() {
		return this.subcontractorName;
	}

	public String getSubcontractorAddress() {
		return this.subcontractorAddress;
	}

	public LocalDate getPeriodStart() {
		return this.periodStart;
	}

	public LocalDate getPeriodEnd() {
		return this.periodEnd;
	}

	public String getReason() {
		return this.reason;
	}

	public String getWorkContent() {
		return this.workContent;
	}

	public String getInformationHandled() {
		return this.informationHandled;
	}

	public boolean isPersonalInformation() {
		return this.personalInformation;
	}

	public String getSafetyMeasures() {
		return this.safetyMeasures;
	}

	public String getSupervisionMethod() {
		return this.supervisionMethod;
	}

	public String getSecurityLead() {
		return this.securityLead;
	}

	public List<String> getWorkers() {
		return Arrays.stream(this.workers.split("\n")).filter((w) -> !w.isBlank()).toList();
	}

	public boolean isSafetyMeasuresChecked() {
		return this.safetyMeasuresChecked;
	}

	public boolean isBindsSameClauses() {
		return this.bindsSameClauses;
	}

	public boolean isAncillaryUnavoidable() {
		return this.ancillaryUnavoidable;
	}

	public SubcontractStatus getStatus() {
		return this.status;
	}

	public UUID getAppliedBy() {
		return this.appliedBy;
	}

	public Instant getAppliedAt() {
		return this.appliedAt;
	}

	public @Nullable UUID getDecidedBy() {
		return this.decidedBy;
	}

	public @Nullable Instant getDecidedAt() {
		return this.decidedAt;
	}

	public @Nullable String getRejectionReason() {
		return this.rejectionReason;
	}

	public String getDocumentKey() {
		return this.documentKey;
	}

	public String getSha256() {
		return this.sha256;
	}

	public String getFileName() {
		return this.fileName;
	}

}
