package jp.itaku.training;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Where a pledge or a session record was submitted: the obligation and the submission
 * (which keeps the file and its review), so the training page shows what was filed.
 */
@Entity
@Table(name = "training_filing")
public class TrainingFiling {

	/** What was filed. */
	public enum Subject {

		/** A pledge. */
		PLEDGE,

		/** A session or drill record. */
		SESSION

	}

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false)
	private UUID contractId;

	@Enumerated(EnumType.STRING)
	@Column(name = "subject_type", nullable = false)
	private Subject subjectType;

	@Column(name = "subject_id", nullable = false)
	private UUID subjectId;

	@Column(name = "obligation_id", nullable = false)
	private UUID obligationId;

	@Column(name = "submission_id", nullable = false)
	private UUID submissionId;

	@Column(name = "filed_by", nullable = false)
	private UUID filedBy;

	@Column(name = "filed_at", nullable = false)
	private Instant filedAt;

	@Column(nullable = false)
	private String sha256;

	protected TrainingFiling() {
	}

	TrainingFiling(UUID contractId, Subject subjectType, UUID subjectId, UUID obligationId, UUID submissionId,
			UUID filedBy, Instant filedAt, String sha256) {
		this.id = UUID.randomUUID();
		this.contractId = contractId;
		this.subjectType = subjectType;
		this.subjectId = subjectId;
		this.obligationId = obligationId;
		this.submissionId = submissionId;
		this.filedBy = filedBy;
		this.filedAt = filedAt;
		this.sha256 = sha256;
	}

	public UUID getId() {
		return this.id;
	}

	public Subject getSubjectType() {
		return this.subjectType;
	}

	public UUID getSubjectId() {
		return this.subjectId;
	}

	public UUID getObligationId() {
		return this.obligationId;
	}

	public UUID getSubmissionId() {
		return this.submissionId;
	}

	public Instant getFiledAt() {
		return this.filedAt;
	}

	public String getSha256() {
		return this.sha256;
	}

}
