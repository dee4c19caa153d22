package jp.itaku.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.itaku.finding.FindingStatus;
import jp.itaku.finding.FindingStep;
import jp.itaku.platform.InvalidInputProblem;

import org.jspecify.annotations.Nullable;

/**
 * A finding of an inspection (指摘事項) followed to closure through the workflow every
 * finding shares ({@link FindingStatus}): recorded (OPEN) with severity, clause and
 * description; the client's improvement instruction (改善指示, Nerima 22, Gunma 15②, Kadoma
 * 11(2)) with a due date is its ACKNOWLEDGE step; the contractor's response with evidence
 * is EXPLAIN; the client's verification closes it (CLOSE) or returns it with a comment
 * (RETURN). Each step is a guarded transition; an invalid move throws
 * {@link InvalidInputProblem} on field {@code status}.
 */
@Entity
@Table(name = "inspection_finding")
public class Finding {

	static final int TEXT_MAX = 4000;

	static final int COMMENT_MAX = 2000;

	static final int CLAUSE_MAX = 40;

	@Id
	private UUID id;

	@Column(name = "inspection_id", nullable = false, updatable = false)
	private UUID inspectionId;

	@Column(name = "contract_id", nullable = false, updatable = false)
	private UUID contractId;

	@Column(nullable = false, updatable = false)
	private int seq;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Severity severity;

	@Column(name = "clause_ref", nullable = false, updatable = false)
	private String clauseRef;

	@Column(nullable = false, updatable = false)
	private String description;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private FindingStatus status = FindingStatus.OPEN;

	@Column(name = "recorded_at", nullable = false, updatable = false)
	private Instant recordedAt;

	@Column(name = "recorded_by", nullable = false, updatable = false)
	private UUID recordedBy;

	private @Nullable String instruction;

	@Column(name = "due_on")
	private @Nullable LocalDate dueOn;

	@Column(name = "instructed_at")
	private @Nullable Instant instructedAt;

	private @Nullable String response;

	@Column(name = "responded_at")
	private @Nullable Instant respondedAt;

	@Column(name = "responded_by")
	private @Nullable UUID respondedBy;

	@Column(name = "review_comment")
	private @Nullable String reviewComment;

	@Column(name = "reviewed_at")
	private @Nullable Instant reviewedAt;

	@Column(name = "reviewed_by")
	private @Nullable UUID reviewedBy;

	@Column(name = "closed_at")
	private @Nullable Instant closedAt;

	@Version
	private @Nullable Long version;

	protected Finding() {
	}

	/**
	 * Records a finding.
	 * @param inspection the inspection
	 * @param seq its number within the inspection
	 * @param severity how serious
	 * @param clauseRef the clause it concerns
	 * @param description what was found
	 * @param recordedBy who
	 * @param now when
	 * @throws InvalidInputProblem naming the fields at fault
	 */
	// set from values the caller has checked: the form's problems() refuses a blank
	// required one
	@SuppressWarnings("NullAway.Init")
	Finding(Inspection inspection, int seq, @Nullable Severity severity, @Nullable String clauseRef,
			@Nullable String description, UUID recordedBy, Instant now) {
		if (severity == null) {
			throw new InvalidInputProblem("severity", "inspection.error.required.severity");
		}
		this.id = UUID.randomUUID();
		this.inspectionId = inspection.getId();
		this.contractId = inspection.getContractId();
		this.seq = seq;
		this.severity = severity;
		this.clauseRef = Texts.required("clauseRef", clauseRef, CLAUSE_MAX);
		this.description = Texts.required("description", description, TEXT_MAX);
		this.recordedBy = recordedBy;
		this.recordedAt = now;
	}

	/**
	 * The client acknowledges the finding with the improvement instruction and its due
	 * date (the ACKNOWLEDGE step).
	 * @param text the instruction
	 * @param due the day the contractor must have improved by
	 * @param today today in Tokyo (the due date may not be earlier)
	 * @param now when
	 * @throws InvalidInputProblem unless open (not yet instructed), or on a missing text
	 * or a due date in the past
	 */
	void acknowledge(@Nullable String text, @Nullable LocalDate due, LocalDate today, Instant now) {
		FindingStatus next = this.status.after(FindingStep.ACKNOWLEDGE);
		String clean = Texts.required("instruction", text, TEXT_MAX);
		if (due == null) {
			throw new InvalidInputProblem("dueOn", "inspection.error.required.dueOn");
		}
		if (due.isBefore(today)) {
			throw new InvalidInputProblem("dueOn", "inspection.error.dueOn.past");
		}
		this.instruction = clean;
		this.dueOn = due;
		this.instructedAt = now;
		this.status = next;
	}

	/**
	 * The contractor's lead explains the finding with the actions taken (the EXPLAIN
	 * step).
	 * @param actions what was done
	 * @param by who
	 * @param now when
	 * @throws InvalidInputProblem unless open, instructed or returned, or on a missing
	 * text
	 */
	void explain(String actions, UUID by, Instant now) {
		FindingStatus next = this.status.after(FindingStep.EXPLAIN);
		this.response = Texts.required("response", actions, TEXT_MAX);
		this.respondedBy = by;
		this.respondedAt = now;
		this.status = next;
	}

	/**
	 * The client accepts the explanation: the finding is closed (the CLOSE step).
	 * @param comment optional comment
	 * @param by who
	 * @param now when
	 * @throws InvalidInputProblem unless responded (EXPLAINED)
	 */
	void close(@Nullable String comment, UUID by, Instant now) {
		FindingStatus next = this.status.after(FindingStep.CLOSE);
		this.reviewComment = Texts.optional("comment", comment, COMMENT_MAX);
		this.reviewedBy = by;
		this.reviewedAt = now;
		this.closedAt = now;
		this.status = next;
	}

	/**
	 * The client returns the explanation with a comment: back to the contractor (the
	 * RETURN step).
	 * @param comment why (required)
	 * @param by who
	 * @param now when
	 * @throws InvalidInputProblem unless responded (EXPLAINED), or without a comment
	 */
	void returnExplanation(@Nullable String comment, UUID by, Instant now) {
		FindingStatus next = this.status.after(FindingStep.RETURN);
		this.reviewComment = Texts.required("comment", comment, COMMENT_MAX);
		this.reviewedBy = by;
		this.reviewedAt = now;
		this.status = next;
	}

	/**
	 * Returns whether the finding is past its due date and not closed.
	 * @param today today in Tokyo
	 * @return {@code true} when overdue
	 */
	public boolean isOverdue(LocalDate today) {
		return this.dueOn != null && !this.status.isClosed() && this.dueOn.isBefore(today);
	}

	/**
	 * Returns the occurrence key of this finding's obligations, e.g. {@code AUD-2-F1}.
	 * @param inspection its inspection
	 * @return the key
	 */
	public String keyIn(Inspection inspection) {
		return inspection.getNumber() + "-F" + this.seq;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getInspectionId() {
		return this.inspectionId;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public int getSeq() {
		return this.seq;
	}

	public Severity getSeverity() {
		return this.severity;
	}

	public String getClauseRef() {
		return this.clauseRef;
	}

	public String getDescription() {
		return this.description;
	}

	public FindingStatus getStatus() {
		return this.status;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

	public @Nullable String getInstruction() {
		return this.instruction;
	}

	public @Nullable LocalDate getDueOn() {
		return this.dueOn;
	}

	public @Nullable Instant getInstructedAt() {
		return this.instructedAt;
	}

	public @Nullable String getResponse() {
		return this.response;
	}

	public @Nullable Instant getRespondedAt() {
		return this.respondedAt;
	}

	public @Nullable String getReviewComment() {
		return this.reviewComment;
	}

	public @Nullable Instant getReviewedAt() {
		return this.reviewedAt;
	}

	public @Nullable Instant getClosedAt() {
		return this.closedAt;
	}

}
