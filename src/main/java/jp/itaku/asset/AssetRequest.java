package jp.itaku.asset;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.itaku.contract.ContractRoles;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuTime;

import org.jspecify.annotations.Nullable;

/**
 * A contractor's application to the client about information assets — copy, take-out,
 * bring-in, disposal or return — and what became of it. The applicant (maker) and the
 * client's decider (checker) are both recorded and must differ; each step is a guarded
 * transition, so an action the client has not approved cannot be recorded.
 */
@Entity
@Table(name = "asset_request")
public class AssetRequest {

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false, updatable = false)
	private UUID contractId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private RequestType type;

	@Column(nullable = false, updatable = false)
	private String number;

	@Column(name = "request_year", nullable = false, updatable = false)
	private int requestYear;

	@Column(nullable = false, updatable = false)
	private int seq;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RequestStatus status;

	@Column(nullable = false, updatable = false)
	private String purpose;

	@Column(updatable = false)
	private @Nullable Integer copies;

	@Column(updatable = false)
	private @Nullable String destination;

	@Column(name = "planned_start", updatable = false)
	private @Nullable Instant plannedStart;

	@Column(name = "planned_end", updatable = false)
	private @Nullable Instant plannedEnd;

	@Column(name = "person_id", updatable = false)
	private @Nullable UUID personId;

	@Column(name = "person_name", updatable = false)
	private @Nullable String personName;

	@Column(nullable = false, updatable = false)
	private boolean encrypted;

	@Column(name = "password_protected", nullable = false, updatable = false)
	private boolean passwordProtected;

	@Column(name = "locked_container", nullable = false, updatable = false)
	private boolean lockedContainer;

	@Column(name = "other_measures", updatable = false)
	private @Nullable String otherMeasures;

	@Column(name = "item_description", updatable = false)
	private @Nullable String itemDescription;

	@Enumerated(EnumType.STRING)
	@Column(name = "item_kind", updatable = false)
	private @Nullable BringInKind itemKind;

	@Enumerated(EnumType.STRING)
	@Column(updatable = false)
	private @Nullable DisposalMethod method;

	@Column(name = "third_party", updatable = false)
	private @Nullable String thirdParty;

	@Column(name = "include_backups", nullable = false, updatable = false)
	private boolean includeBackups;

	@Column(name = "requested_by", nullable = false, updatable = false)
	private UUID requestedBy;

	@Column(name = "requested_at", nullable = false, updatable = false)
	private Instant requestedAt;

	@Column(name = "application_key", nullable = false)
	private String applicationKey;

	@Column(name = "application_sha256", nullable = false)
	private String applicationSha256;

	@Column(name = "decided_by")
	private @Nullable UUID decidedBy;

	@Column(name = "decided_by_name")
	private @Nullable String decidedByName;

	@Column(name = "decided_at")
	private @Nullable Instant decidedAt;

	@Column(name = "decision_comment")
	private @Nullable String decisionComment;

	@Column(name = "third_party_approved", nullable = false)
	private boolean thirdPartyApproved;

	@Column(name = "witness_id")
	private @Nullable UUID witnessId;

	@Column(name = "witness_name")
	private @Nullable String witnessName;

	@Column(name = "witnessed_at")
	private @Nullable Instant witnessedAt;

	@Column(name = "witness_remarks")
	private @Nullable String witnessRemarks;

	@Column(name = "started_at")
	private @Nullable Instant startedAt;

	@Column(name = "started_by_name")
	private @Nullable String startedByName;

	@Column(name = "completed_at")
	private @Nullable Instant completedAt;

	@Column(name = "completed_by_name")
	private @Nullable String completedByName;

	@Column(name = "completion_detail")
	private @Nullable String completionDetail;

	@Column(name = "received_by_name")
	private @Nullable String receivedByName;

	@Column(name = "confirmed_by")
	private @Nullable UUID confirmedBy;

	@Column(name = "confirmed_at")
	private @Nullable Instant confirmedAt;

	@Column(name = "certificate_key")
	private @Nullable String certificateKey;

	@Column(name = "certificate_sha256")
	private @Nullable String certificateSha256;

	@Column(name = "certificate_file")
	private @Nullable String certificateFile;

	@Column(name = "overdue_notified_at")
	private @Nullable Instant overdueNotifiedAt;

	@Version
	private int version;

	protected AssetRequest() {
	}

	// the form's problems() has refused a blank required value before this is called
	@SuppressWarnings("NullAway")
	AssetRequest(UUID id, UUID contractId, ReceiptNumber number, AssetRequestForm form, @Nullable String personName,
			UUID requestedBy, Instant now) {
		this.id = id;
		this.contractId = contractId;
		this.type = form.getType();
		this.number = number.text();
		this.requestYear = number.year();
		this.seq = number.seq();
		this.status = RequestStatus.REQUESTED;
		this.purpose = AssetItemForm.clean(form.getPurpose());
		this.plannedStart = instant(form.getPlannedStart());
		this.requestedBy = requestedBy;
		this.requestedAt = now;
		this.applicationKey = "-";
		this.applicationSha256 = "-";
		switch (this.type) {
			case COPY -> this.copies = form.getCopies();
			case TAKE_OUT, BRING_IN -> {
				this.destination = AssetItemForm.clean(form.getDestination());
				this.plannedEnd = instant(form.getPlannedEnd());
				this.personId = form.getPersonId();
				this.personName = personName;
				this.encrypted = form.isEncrypted();
				this.passwordProtected = form.isPasswordProtected();
				this.lockedContainer = form.isLockedContainer();
				this.otherMeasures = AssetItemForm.clean(form.getOtherMeasures());
				if (this.type == RequestType.BRING_IN) {
					this.itemDescription = AssetItemForm.clean(form.getItemDescription());
					this.itemKind = form.getItemKind();
				}
			}
			case DISPOSAL, RETURN -> {
				this.method = form.getMethod();
				this.thirdParty = AssetItemForm.clean(form.getThirdParty());
				this.includeBackups = this.type == RequestType.DISPOSAL && form.isIncludeBackups();
			}
		}
	}

	private static @Nullable Instant instant(LocalDateTime local) {
		return (local != null) ? local.atZone(ItakuTime.ZONE).toInstant() : null;
	}

	void application(String key, String sha256) {
		this.applicationKey = key;
		this.applicationSha256 = sha256;
	}

	/**
	 * The client approves. A disposal by a third party needs that approval given
	 * explicitly (Nerima 21②); a disposal may name a client officer to witness it.
	 * @param decider the client's user: not the applicant (maker-checker)
	 * @param comment the comment, optional
	 * @param thirdPartyApproval whether the decider approves the third party named
	 * @param witnessId the officer to witness a disposal, or {@code null}
	 * @param witnessName the officer's name
	 * @param now when
	 */
	void approve(Actor decider, String comment, boolean thirdPartyApproval, UUID witnessId,
			@Nullable String witnessName, Instant now) {
		decide(decider, "asset.request.transition.decide");
		if (this.thirdParty != null && !thirdPartyApproval) {
			throw new InvalidInputProblem("thirdPartyApproved", "asset.request.error.thirdPartyApproval",
					this.thirdParty);
		}
		if (witnessId != null && this.type != RequestType.DISPOSAL) {
			throw new InvalidInputProblem("witnessId", "asset.request.error.witnessOnlyDisposal");
		}
		this.status = RequestStatus.APPROVED;
		this.thirdPartyApproved = this.thirdParty != null;
		this.witnessId = witnessId;
		this.witnessName = witnessName;
		decided(decider, comment, now);
	}

	/**
	 * The client rejects, with a reason.
	 * @param decider the client's user: not the applicant (maker-checker)
	 * @param reason why, required
	 * @param now when
	 */
	void reject(Actor decider, String reason, Instant now) {
		decide(decider, "asset.request.transition.decide");
		if (AssetItemForm.clean(reason) == null) {
			throw new InvalidInputProblem("comment", "asset.request.error.rejectReason");
		}
		this.status = RequestStatus.REJECTED;
		decided(decider, reason, now);
	}

	/**
	 * The applicant withdraws the request before the client decides.
	 */
	void withdraw() {
		require(RequestStatus.REQUESTED, "asset.request.transition.withdraw");
		this.status = RequestStatus.WITHDRAWN;
	}

	/**
	 * An approved copy is made.
	 * @param at when
	 * @param by who made it
	 */
	void copied(Instant at, String by) {
		requireType(RequestType.COPY);
		require(RequestStatus.APPROVED, "asset.request.transition.notApproved");
		this.status = RequestStatus.COMPLETED;
		this.completedAt = at;
		this.completedByName = by;
	}

	/**
	 * An approved take-out leaves, or an approved bring-in enters the work site.
	 * @param at when
	 * @param by who took or brought it
	 */
	void start(Instant at, @Nullable String by) {
		if (this.type != RequestType.TAKE_OUT && this.type != RequestType.BRING_IN) {
			throw new InvalidInputProblem("type", "asset.request.transition.wrongType");
		}
		require(RequestStatus.APPROVED, "asset.request.transition.notApproved");
		this.status = RequestStatus.IN_PROGRESS;
		this.startedAt = at;
		this.startedByName = by;
	}

	/**
	 * A take-out comes back (its return confirmed by someone), or a bring-in leaves.
	 * @param at when
	 * @param confirmedBy who confirmed it
	 */
	void finish(Instant at, String confirmedBy) {
		require(RequestStatus.IN_PROGRESS, "asset.request.transition.notInProgress");
		if (at.isBefore(this.startedAt)) {
			throw new InvalidInputProblem("at", "asset.request.error.beforeStart");
		}
		this.status = RequestStatus.COMPLETED;
		this.completedAt = at;
		this.completedByName = confirmedBy;
	}

	/**
	 * The named officer witnesses a disposal.
	 * @param userId who confirms: must be the witness named on approval
	 * @param at when it was witnessed
	 * @param remarks what the witness notes, optional
	 */
	void witnessed(UUID userId, Instant at, String remarks) {
		requireType(RequestType.DISPOSAL);
		require(RequestStatus.APPROVED, "asset.request.transition.notApproved");
		if (this.witnessId == null || !this.witnessId.equals(userId)) {
			throw new InvalidInputProblem("witness", "asset.request.error.notWitness");
		}
		this.status = RequestStatus.WITNESSED;
		this.witnessedAt = at;
		this.witnessRemarks = AssetItemForm.clean(remarks);
	}

	/**
	 * The contractor reports the disposal done (it is then complete) or the assets handed
	 * back (the client then confirms receipt).
	 * @param at when
	 * @param personInCharge who was in charge
	 * @param detail what was done and how
	 * @param receivedBy for a return: the client's person who received the assets
	 */
	void report(Instant at, String personInCharge, String detail, String receivedBy) {
		if (!this.type.settles()) {
			throw new InvalidInputProblem("type", "asset.request.transition.wrongType");
		}
		if (this.status == RequestStatus.APPROVED && this.witnessId != null) {
			throw new InvalidInputProblem("status", "asset.request.error.witnessFirst", this.witnessName);
		}
		if (this.status != RequestStatus.APPROVED && this.status != RequestStatus.WITNESSED) {
			throw new InvalidInputProblem("status", "asset.request.transition.notApproved");
		}
		if (this.type == RequestType.RETURN && AssetItemForm.clean(receivedBy) == null) {
			throw new InvalidInputProblem("receivedBy", "asset.request.error.receivedBy");
		}
		this.completedAt = at;
		this.completedByName = personInCharge;
		this.completionDetail = AssetItemForm.clean(detail);
		if (this.type == RequestType.RETURN) {
			this.receivedByName = AssetItemForm.clean(receivedBy);
			this.status = RequestStatus.REPORTED;
		}
		else {
			this.status = RequestStatus.COMPLETED;
		}
	}

	/**
	 * The client confirms it received the assets returned.
	 * @param userId the client's user
	 * @param now when
	 */
	void confirmReturn(UUID userId, Instant now) {
		requireType(RequestType.RETURN);
		require(RequestStatus.REPORTED, "asset.request.transition.notReported");
		this.status = RequestStatus.COMPLETED;
		this.confirmedBy = userId;
		this.confirmedAt = now;
	}

	void certificate(String key, String sha256, String fileName) {
		this.certificateKey = key;
		this.certificateSha256 = sha256;
		this.certificateFile = fileName;
	}

	void overdueNotified(Instant now) {
		this.overdueNotifiedAt = now;
	}

	/**
	 * Returns whether a take-out is out past its planned return.
	 * @param now the instant
	 * @return {@code true} when overdue
	 */
	public boolean isOverdue(Instant now) {
		return this.type == RequestType.TAKE_OUT && this.status == RequestStatus.IN_PROGRESS && this.plannedEnd != null
				&& this.plannedEnd.isBefore(now);
	}

	private void decide(Actor decider, String messageKey) {
		require(RequestStatus.REQUESTED, messageKey);
		ContractRoles.requireSecondPerson(this.requestedBy, decider, "status", "asset.request.error.makerChecker");
	}

	private void decided(Actor decider, String comment, Instant now) {
		this.decidedBy = decider.userId();
		this.decidedByName = decider.displayName();
		this.decidedAt = now;
		this.decisionComment = AssetItemForm.clean(comment);
	}

	private void require(RequestStatus expected, String messageKey) {
		if (this.status != expected) {
			throw new InvalidInputProblem("status", messageKey);
		}
	}

	private void requireType(RequestType expected) {
		if (this.type != expected) {
			throw new InvalidInputProblem("type", "asset.request.transition.wrongType");
		}
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public RequestType getType() {
		return this.type;
	}

	public String getNumber() {
		return this.number;
	}

	public RequestStatus getStatus() {
		return this.status;
	}

	public String getPurpose() {
		return this.purpose;
	}

	public @Nullable Integer getCopies() {
		return this.copies;
	}

	public @Nullable String getDestination() {
		return this.destination;
	}

	public @Nullable Instant getPlannedStart() {
		return this.plannedStart;
	}

	public @Nullable Instant getPlannedEnd() {
		return this.plannedEnd;
	}

	public @Nullable UUID getPersonId() {
		return this.personId;
	}

	public @Nullable String getPersonName() {
		return this.personName;
	}

	public boolean isEncrypted() {
		return this.encrypted;
	}

	public boolean isPasswordProtected() {
		return this.passwordProtected;
	}

	public boolean isLockedContainer() {
		return this.lockedContainer;
	}

	public @Nullable String getOtherMeasures() {
		return this.otherMeasures;
	}

	public @Nullable String getItemDescription() {
		return this.itemDescription;
	}

	public @Nullable BringInKind getItemKind() {
		return this.itemKind;
	}

	public @Nullable DisposalMethod getMethod() {
		return this.method;
	}

	public @Nullable String getThirdParty() {
		return this.thirdParty;
	}

	public boolean isIncludeBackups() {
		return this.includeBackups;
	}

	public UUID getRequestedBy() {
		return this.requestedBy;
	}

	public Instant getRequestedAt() {
		return this.requestedAt;
	}

	public String getApplicationKey() {
		return this.applicationKey;
	}

	public String getApplicationSha256() {
		return this.applicationSha256;
	}

	public @Nullable UUID getDecidedBy() {
		return this.decidedBy;
	}

	public @Nullable String getDecidedByName() {
		return this.decidedByName;
	}

	public @Nullable Instant getDecidedAt() {
		return this.decidedAt;
	}

	public @Nullable String getDecisionComment() {
		return this.decisionComment;
	}

	public boolean isThirdPartyApproved() {
		return this.thirdPartyApproved;
	}

	public @Nullable UUID getWitnessId() {
		return this.witnessId;
	}

	public @Nullable String getWitnessName() {
		return this.witnessName;
	}

	public @Nullable Instant getWitnessedAt() {
		return this.witnessedAt;
	}

	public @Nullable String getWitnessRemarks() {
		return this.witnessRemarks;
	}

	public @Nullable Instant getStartedAt() {
		return this.startedAt;
	}

	public @Nullable String getStartedByName() {
		return this.startedByName;
	}

	public @Nullable Instant getCompletedAt() {
		return this.completedAt;
	}

	public @Nullable String getCompletedByName() {
		return this.completedByName;
	}

	public @Nullable String getCompletionDetail() {
		return this.completionDetail;
	}

	public @Nullable String getReceivedByName() {
		return this.receivedByName;
	}

	public @Nullable UUID getConfirmedBy() {
		return this.confirmedBy;
	}

	public @Nullable Instant getConfirmedAt() {
		return this.confirmedAt;
	}

	public @Nullable String getCertificateKey() {
		return this.certificateKey;
	}

	public @Nullable String getCertificateSha256() {
		return this.certificateSha256;
	}

	public @Nullable String getCertificateFile() {
		return this.certificateFile;
	}

	public @Nullable Instant getOverdueNotifiedAt() {
		return this.overdueNotifiedAt;
	}

}
