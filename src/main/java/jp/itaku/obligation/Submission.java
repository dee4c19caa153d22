package jp.itaku.obligation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.itaku.platform.ConflictProblem;
import jp.itaku.platform.InvalidInputProblem;

import org.jspecify.annotations.Nullable;

/**
 * One written submission (書面) for an obligation: the contractor's files and comment, then
 * the client's review. Submissions are numbered and never replaced: a returned one stays
 * in the history and the contractor submits a new one.
 */
@Entity
@Table(name = "submission")
public class Submission {

	@Id
	private UUID id;

	@Column(name = "obligation_id", nullable = false)
	private UUID obligationId;

	@Column(nullable = false)
	private int number;

	private @Nullable String comment;

	@Column(name = "submitted_by", nullable = false)
	private UUID submittedBy;

	@Column(name = "submitted_at", nullable = false)
	private Instant submittedAt;

	@Enumerated(EnumType.STRING)
	@Column(name = "review_status", nullable = false)
	private ReviewStatus reviewStatus = ReviewStatus.PENDING;

	@Column(name = "review_comment")
	private @Nullable String reviewComment;

	@Column(name = "reviewed_by")
	private @Nullable UUID reviewedBy;

	@Column(name = "reviewed_at")
	private @Nullable Instant reviewedAt;

	/** Shared by the submissions of one document filed to several obligations. */
	@Column(name = "bundle_id")
	private @Nullable UUID bundleId;

	@Version
	private @Nullable Long version;

	protected Submission() {
	}

	Submission(UUID obligationId, int number, String comment, UUID submittedBy, Instant now, @Nullable UUID bundleId) {
		this.id = UUID.randomUUID();
		this.bundleId = bundleId;
		this.obligationId = obligationId;
		this.number = number;
		this.comment = (comment == null || comment.isBlank()) ? null : comment.strip();
		this.submittedBy = submittedBy;
		this.submittedAt = now;
	}

	void accept(UUID reviewer, @Nullable String comment, Instant now) {
		requirePending();
		this.reviewStatus = ReviewStatus.ACCEPTED;
		this.reviewComment = (comment == null || comment.isBlank()) ? null : comment.strip();
		this.reviewedBy = reviewer;
		this.reviewedAt = now;
	}

	void returnWith(UUID reviewer, @Nullable String comment, Instant now) {
		requirePending();
		if (comment == null || comment.isBlank()) {
			throw new InvalidInputProblem("comment", "submission.return.commentRequired");
		}
		this.reviewStatus = ReviewStatus.RETURNED;
		this.reviewComment = comment.strip();
		this.reviewedBy = reviewer;
		this.reviewedAt = now;
	}

	private void requirePending() {
		if (this.reviewStatus != ReviewStatus.PENDING) {
			throw new ConflictProblem("status", "obligation.transition.review");
		}
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getObligationId() {
		return this.obligationId;
	}

	public int getNumber() {
		return this.number;
	}

	public @Nullable String getComment() {
		return this.comment;
	}

	public UUID getSubmittedBy() {
		return this.submittedBy;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public ReviewStatus getReviewStatus() {
		return this.reviewStatus;
	}

	public @Nullable String getReviewComment() {
		return this.reviewComment;
	}

	public @Nullable UUID getReviewedBy() {
		return this.reviewedBy;
	}

	public @Nullable Instant getReviewedAt() {
		return this.reviewedAt;
	}

	/**
	 * Returns the bundle of submissions filed together with this one (the same document
	 * to several obligations), decided by one review.
	 * @return the bundle, or {@code null} for a submission filed alone
	 */
	public @Nullable UUID getBundleId() {
		return this.bundleId;
	}

}
