package jp.itaku.selfinspection;

import java.time.Instant;
import java.time.YearMonth;
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
 * A contract's self-inspection for one month (自己点検, Kadoma 11(1)): a draft while it is
 * being answered, then submitted as a written report. A submitted inspection changes only
 * when the client returns the report; it is then a draft again.
 */
@Entity
@Table(name = "self_inspection")
public class SelfInspection {

	/** An inspection's state. */
	public enum Status {

		/** Being answered. */
		DRAFT,

		/** Submitted as a written report. */
		SUBMITTED

	}

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false)
	private UUID contractId;

	@Column(nullable = false)
	private String month;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status = Status.DRAFT;

	@Column(name = "saved_at", nullable = false)
	private Instant savedAt;

	@Column(name = "saved_by", nullable = false)
	private UUID savedBy;

	@Column(name = "submitted_at")
	private @Nullable Instant submittedAt;

	@Column(name = "submitted_by")
	private @Nullable UUID submittedBy;

	@Column(name = "document_key")
	private @Nullable String documentKey;

	private @Nullable String sha256;

	@Column(name = "file_name")
	private @Nullable String fileName;

	@Version
	private long version;

	protected SelfInspection() {
	}

	SelfInspection(UUID contractId, YearMonth month, UUID savedBy, Instant savedAt) {
		this.id = UUID.randomUUID();
		this.contractId = contractId;
		this.month = month.toString();
		this.savedBy = savedBy;
		this.savedAt = savedAt;
	}

	/**
	 * Records that the answers were saved.
	 * @param by who saved
	 * @param at when
	 * @param reopen whether a submitted inspection may become a draft again (its report
	 * was returned)
	 * @throws InvalidInputProblem when it was submitted and may not be reopened
	 */
	void saved(UUID by, Instant at, boolean reopen) {
		if (this.status == Status.SUBMITTED) {
			if (!reopen) {
				throw new InvalidInputProblem("inspection", "selfinspection.alreadySubmitted");
			}
			this.status = Status.DRAFT;
		}
		this.savedBy = by;
		this.savedAt = at;
	}

	/**
	 * Records the submission of the written report.
	 * @param by the contractor's lead
	 * @param documentKey the stored report
	 * @param sha256 its hash
	 * @param fileName its file name
	 * @param at when
	 * @throws InvalidInputProblem when it was already submitted
	 */
	void submitted(UUID by, String documentKey, String sha256, String fileName, Instant at) {
		if (this.status == Status.SUBMITTED) {
			throw new InvalidInputProblem("inspection", "selfinspection.alreadySubmitted");
		}
		this.status = Status.SUBMITTED;
		this.submittedBy = by;
		this.submittedAt = at;
		this.documentKey = documentKey;
		this.sha256 = sha256;
		this.fileName = fileName;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public YearMonth getMonth() {
		return YearMonth.parse(this.month);
	}

	public Status getStatus() {
		return this.status;
	}

	public boolean isDraft() {
		return this.status == Status.DRAFT;
	}

	public Instant getSavedAt() {
		return this.savedAt;
	}

	public @Nullable Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public @Nullable String getDocumentKey() {
		return this.documentKey;
	}

	public @Nullable String getSha256() {
		return this.sha256;
	}

	public @Nullable String getFileName() {
		return this.fileName;
	}

}
