package jp.itaku.worksite;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.itaku.platform.InvalidInputProblem;

import org.jspecify.annotations.Nullable;

/**
 * One version of a contract's work schedule for a month (勤務予定表, Kadoma 2(2)). A draft may
 * be changed; once submitted it never changes, and a change makes the next version, which
 * is submitted as a changed schedule.
 */
@Entity
@Table(name = "work_schedule")
public class WorkSchedule {

	/** Where a version's content came from. */
	public enum Source {

		/** The calendar grid. */
		GRID,

		/** An imported CSV file or workbook. */
		IMPORT,

		/** The REST API. */
		API

	}

	/** A version's state. */
	public enum Status {

		/** Being prepared; may change. */
		DRAFT,

		/** Submitted as a written form; never changes. */
		SUBMITTED

	}

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false)
	private UUID contractId;

	@Column(nullable = false)
	private String month;

	@Column(nullable = false)
	private int version;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status = Status.DRAFT;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Source source;

	@Column(name = "saved_at", nullable = false)
	private Instant savedAt;

	@Column(name = "saved_by", nullable = false)
	private UUID savedBy;

	@Column(name = "submitted_at")
	private @Nullable Instant submittedAt;

	@Column(name = "submitted_by")
	private @Nullable UUID submittedBy;

	@Column(name = "change_key")
	private @Nullable String changeKey;

	@Column(name = "document_key")
	private @Nullable String documentKey;

	private @Nullable String sha256;

	@Column(name = "file_name")
	private @Nullable String fileName;

	protected WorkSchedule() {
	}

	WorkSchedule(UUID contractId, YearMonth month, int version, Source source, UUID savedBy, Instant now) {
		this.id = UUID.randomUUID();
		this.contractId = contractId;
		this.month = month.toString();
		this.version = version;
		this.source = source;
		this.savedBy = savedBy;
		this.savedAt = now;
	}

	/**
	 * Records that the draft's content was replaced.
	 * @param source where the content came from
	 * @param by who saved it
	 * @param now the current instant
	 * @throws InvalidInputProblem when the version was submitted
	 */
	void saved(Source source, UUID by, Instant now) {
		requireDraft();
		this.source = source;
		this.savedBy = by;
		this.savedAt = now;
	}

	/**
	 * Marks the version as submitted with its written form.
	 * @param by who submitted it
	 * @param changeKey the occurrence key of the change it notifies, or {@code null} for
	 * the month's first submission
	 * @param documentKey the stored PDF
	 * @param sha256 its hash
	 * @param fileName its name
	 * @param now the current instant
	 * @throws InvalidInputProblem when the version was submitted already
	 */
	void submitted(UUID by, @Nullable String changeKey, String documentKey, String sha256, String fileName,
			Instant now) {
		requireDraft();
		this.status = Status.SUBMITTED;
		this.submittedBy = by;
		this.submittedAt = now;
		this.changeKey = changeKey;
		this.documentKey = documentKey;
		this.sha256 = sha256;
		this.fileName = fileName;
	}

	private void requireDraft() {
		if (this.status != Status.DRAFT) {
			throw new InvalidInputProblem("status", "worksite.schedule.alreadySubmitted");
		}
	}

	/**
	 * Returns whether this version is being prepared.
	 * @return {@code true} for a draft
	 */
	public boolean isDraft() {
		return this.status == Status.DRAFT;
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

	public int getVersion() {
		return this.version;
	}

	public Status getStatus() {
		return this.status;
	}

	public Source getSource() {
		return this.source;
	}

	public Instant getSavedAt() {
		return this.savedAt;
	}

	public UUID getSavedBy() {
		return this.savedBy;
	}

	public @Nullable Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public @Nullable UUID getSubmittedBy() {
		return this.submittedBy;
	}

	public @Nullable String getChangeKey() {
		return this.changeKey;
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
