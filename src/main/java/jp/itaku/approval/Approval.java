package jp.itaku.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.ConflictProblem;
import jp.itaku.platform.InvalidInputProblem;

import org.jspecify.annotations.Nullable;

/**
 * One application for a prior approval (承認申請, numbered … per contract): the act,
 * the clause that requires the approval, the reason and what the clause asks the
 * application to state; the maker (the contractor's lead who applied) and the checker
 * (the client's officer or security administrator who decided, never the same user), the
 * conditions and the validity period of an approval, and its end by revocation or
 * withdrawal. Every transition is guarded here and refused from any other state.
 */
@Entity
@Table(name = "approval")
public class Approval {

	/** The longest text a free-text field takes. */
	static final int TEXT_MAX = 2000;

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false, updatable = false)
	private UUID contractId;

	@Column(nullable = false, updatable = false)
	private int seq;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private GuardedAction action;

	@Column(name = "clause_ref", nullable = false, updatable = false)
	private String clauseRef;

	@Column(name = "requirement_key", nullable = false, updatable = false)
	private String requirementKey;

	@Enumerated(EnumType.STRING)
	@Column(updatable = false)
	private @Nullable Deliverable deliverable;

	@Column(nullable = false, updatable = false)
	private String reason;

	@Column(updatable = false)
	private @Nullable String location;

	@Column(name = "third_party", updatable = false)
	private @Nullable String thirdParty;

	@Column(updatable = false)
	private @Nullable String safeguards;

	@Column(updatable = false)
	private @Nullable String purpose;

	@Column(name = "period_from", updatable = false)
	private @Nullable LocalDate periodFrom;

	@Column(name = "period_until", updatable = false)
	private @Nullable LocalDate periodUntil;

	@Column(updatable = false)
	private @Nullable String systems;

	@Column(updatable = false)
	private @Nullable String information;

	@Column(updatable = false)
	private @Nullable String subject;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ApprovalStatus status;

	@Column(name = "applied_by", nullable = false, updatable = false)
	private UUID appliedBy;

	@Column(name = "applied_by_organisation_id", nullable = false, updatable = false)
	private UUID appliedByOrganisationId;

	@Column(name = "applied_at", nullable = false, updatable = false)
	private Instant appliedAt;

	@Column(name = "decided_by")
	private @Nullable UUID decidedBy;

	@Column(name = "decided_at")
	private @Nullable Instant decidedAt;

	@Column
	private @Nullable String conditions;

	@Column(name = "valid_from")
	private @Nullable LocalDate validFrom;

	@Column(name = "valid_until")
	private @Nullable LocalDate validUntil;

	@Column(name = "rejection_reason")
	private @Nullable String rejectionReason;

	@Column(name = "ended_by")
	private @Nullable UUID endedBy;

	@Column(name = "ended_at")
	private @Nullable Instant endedAt;

	@Column(name = "end_reason")
	private @Nullable String endReason;

	@Column(name = "document_key", nullable = false)
	private String documentKey;

	@Column(name = "document_sha256", nullable = false)
	private String documentSha256;

	@Column(name = "file_name", nullable = false)
	private String fileName;

	protected Approval() {
	}

	// the form's problems() has refused a blank reason before this is called
	@SuppressWarnings("NullAway")
	Approval(UUID contractId, int seq, ApprovableAct act, ApprovalForm form, UUID appliedBy,
			UUID appliedByOrganisationId, Instant appliedAt) {
		this.id = UUID.randomUUID();
		this.contractId = contractId;
		this.seq = seq;
		this.action = act.action();
		this.clauseRef = act.clauseRef();
		this.requirementKey = act.requirementKey();
		this.deliverable = act.deliverable();
		this.reason = ApprovalForm.clean(form.getReason());
		this.location = act.asks(ApprovalField.LOCATION) ? ApprovalForm.clean(form.getLocation()) : null;
		this.thirdParty = act.asks(ApprovalField.THIRD_PARTY) ? ApprovalForm.clean(form.getThirdParty()) : null;
		this.safeguards = act.asks(ApprovalField.SAFEGUARDS) ? ApprovalForm.clean(form.getSafeguards()) : null;
		this.purpose = act.asks(ApprovalField.PURPOSE) ? ApprovalForm.clean(form.getPurpose()) : null;
		this.periodFrom = act.asks(ApprovalField.PERIOD) ? form.getPeriodFrom() : null;
		this.periodUntil = act.asks(ApprovalField.PERIOD) ? form.getPeriodUntil() : null;
		this.systems = act.asks(ApprovalField.SYSTEMS) ? ApprovalForm.clean(form.getSystems()) : null;
		this.information = act.asks(ApprovalField.INFORMATION) ? ApprovalForm.clean(form.getInformation()) : null;
		ApprovalField subjectField = act.subjectField();
		this.subject = (subjectField == ApprovalField.LOCATION) ? Subjects.normalise(this.location)
				: (subjectField == ApprovalField.THIRD_PARTY) ? Subjects.normalise(this.thirdParty) : null;
		this.status = ApprovalStatus.PENDING;
		this.appliedBy = appliedBy;
		this.appliedByOrganisationId = appliedByOrganisationId;
		this.appliedAt = appliedAt;
		this.documentKey = "-";
		this.documentSha256 = "-";
		this.fileName = "-";
	}

	void attachApplication(String documentKey, String sha256, String fileName) {
		this.documentKey = documentKey;
		this.documentSha256 = sha256;
		this.fileName = fileName;
	}

	/**
	 * Approves a pending application, with conditions and the period it is valid for.
	 * @param checker the client's user deciding; never the applicant
	 * @param conditions the conditions, or {@code null}
	 * @param from the first day it is valid
	 * @param until the last day it is valid, or {@code null} for the rest of the contract
	 * @param now when
	 * @throws AccessDeniedProblem when the applicant would approve their own application
	 * @throws ConflictProblem when it is not pending
	 * @throws InvalidInputProblem when the period ends before it starts or a text is too
	 * long
	 */
	void approve(UUID checker, @Nullable String conditions, LocalDate from, @Nullable LocalDate until, Instant now) {
		requirePending(checker);
		if (until != null && until.isBefore(from)) {
			throw new InvalidInputProblem("validUntil", "approval.error.validUntil");
		}
		this.conditions = limited("conditions", ApprovalForm.clean(conditions));
		this.validFrom = from;
		this.validUntil = until;
		this.decidedBy = checker;
		this.decidedAt = now;
		this.status = ApprovalStatus.APPROVED;
	}

	/**
	 * Rejects a pending application with a reason.
	 * @param checker the client's user deciding; never the applicant
	 * @param reason why, required
	 * @param now when
	 * @throws AccessDeniedProblem when the applicant would reject their own application
	 * @throws ConflictProblem when it is not pending
	 * @throws InvalidInputProblem when the reason is blank or too long
	 */
	void reject(UUID checker, @Nullable String reason, Instant now) {
		String cleaned = required("reason", reason);
		requirePending(checker);
		this.rejectionReason = cleaned;
		this.decidedBy = checker;
		this.decidedAt = now;
		this.status = ApprovalStatus.REJECTED;
	}

	/**
	 * Revokes an approval: the act is no longer allowed from now on.
	 * @param user the client's user revoking
	 * @param reason why, required
	 * @param now when
	 * @throws ConflictProblem when it is not approved
	 * @throws InvalidInputProblem when the reason is blank or too long
	 */
	void revoke(UUID user, @Nullable String reason, Instant now) {
		String cleaned = required("reason", reason);
		if (this.status != ApprovalStatus.APPROVED) {
			throw new ConflictProblem("status", "approval.error.notApproved", number());
		}
		end(ApprovalStatus.REVOKED, user, cleaned, now);
	}

	/**
	 * Withdraws an application that is pending or approved: the applicant no longer needs
	 * it.
	 * @param user the contractor's lead withdrawing
	 * @param reason why, or {@code null}
	 * @param now when
	 * @throws ConflictProblem when it is neither pending nor approved
	 */
	void withdraw(UUID user, @Nullable String reason, Instant now) {
		if (this.status != ApprovalStatus.PENDING && this.status != ApprovalStatus.APPROVED) {
			throw new ConflictProblem("status", "approval.error.notOpen", number());
		}
		end(ApprovalStatus.WITHDRAWN, user, limited("reason", ApprovalForm.clean(reason)), now);
	}

	private void end(ApprovalStatus to, UUID user, @Nullable String reason, Instant now) {
		this.status = to;
		this.endedBy = user;
		this.endedAt = now;
		this.endReason = reason;
	}

	private void requirePending(UUID checker) {
		if (this.appliedBy.equals(checker)) {
			throw new AccessDeniedProblem("approval.error.ownApplication", number());
		}
		if (this.status != ApprovalStatus.PENDING) {
			throw new ConflictProblem("status", "approval.error.notPending", number());
		}
	}

	private static String required(String field, @Nullable String value) {
		String cleaned = ApprovalForm.clean(value);
		if (cleaned == null) {
			throw new InvalidInputProblem(field, "approval.error.required." + field);
		}
		if (cleaned.length() > TEXT_MAX) {
			throw new InvalidInputProblem(field, "approval.error.tooLong", TEXT_MAX);
		}
		return cleaned;
	}

	private static @Nullable String limited(String field, @Nullable String value) {
		if (value != null && value.length() > TEXT_MAX) {
			throw new InvalidInputProblem(field, "approval.error.tooLong", TEXT_MAX);
		}
		return value;
	}

	/**
	 * Returns whether the act may be taken on a day under this approval: approved, not
	 * revoked or withdrawn, and the day within its validity.
	 * @param day the day (Tokyo)
	 * @return {@code true} when valid on that day
	 */
	public boolean isValidOn(LocalDate day) {
		return this.status == ApprovalStatus.APPROVED && this.validFrom != null && !day.isBefore(this.validFrom)
				&& (this.validUntil == null || !day.isAfter(this.validUntil));
	}

	/**
	 * Returns whether this approval covers a subject (a place, a third party).
	 * @param candidate the subject of the act recorded
	 * @return {@code true} when it covers it, or when it covers the act as a whole
	 */
	public boolean covers(@Nullable String candidate) {
		return this.subject == null || this.subject.equals(Subjects.normalise(candidate));
	}

	/**
	 * Returns the application's number as printed.
	 * @return e.g. {@code A-1}
	 */
	public String number() {
		return "A-" + this.seq;
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

	public GuardedAction getAction() {
		return this.action;
	}

	public String getClauseRef() {
		return this.clauseRef;
	}

	public String getRequirementKey() {
		return this.requirementKey;
	}

	public @Nullable Deliverable getDeliverable() {
		return this.deliverable;
	}

	public String getReason() {
		return this.reason;
	}

	public @Nullable String getLocation() {
		return this.location;
	}

	public @Nullable String getThirdParty() {
		return this.thirdParty;
	}

	public @Nullable String getSafeguards() {
		return this.safeguards;
	}

	public @Nullable String getPurpose() {
		return this.purpose;
	}

	public @Nullable LocalDate getPeriodFrom() {
		return this.periodFrom;
	}

	public @Nullable LocalDate getPeriodUntil() {
		return this.periodUntil;
	}

	public @Nullable String getSystems() {
		return this.systems;
	}

	public @Nullable String getInformation() {
		return this.information;
	}

	public @Nullable String getSubject() {
		return this.subject;
	}

	public ApprovalStatus getStatus() {
		return this.status;
	}

	public UUID getAppliedBy() {
		return this.appliedBy;
	}

	public UUID getAppliedByOrganisationId() {
		return this.appliedByOrganisationId;
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

	public @Nullable String getConditions() {
		return this.conditions;
	}

	public @Nullable LocalDate getValidFrom() {
		return this.validFrom;
	}

	public @Nullable LocalDate getValidUntil() {
		return this.validUntil;
	}

	public @Nullable String getRejectionReason() {
		return this.rejectionReason;
	}

	public @Nullable UUID getEndedBy() {
		return this.endedBy;
	}

	public @Nullable Instant getEndedAt() {
		return this.endedAt;
	}

	public @Nullable String getEndReason() {
		return this.endReason;
	}

	public String getDocumentKey() {
		return this.documentKey;
	}

	public String getDocumentSha256() {
		return this.documentSha256;
	}

	public String getFileName() {
		return this.fileName;
	}

}
