package jp.itaku.obligation;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * One file of a submission: kept by its SHA-256 in the document store, never overwritten.
 */
@Entity
@Table(name = "submission_file")
public class SubmissionFile {

	@Id
	private UUID id;

	@Column(name = "submission_id", nullable = false)
	private UUID submissionId;

	@Column(name = "document_key", nullable = false)
	private String documentKey;

	@Column(nullable = false)
	private String sha256;

	@Column(name = "size_bytes", nullable = false)
	private long sizeBytes;

	@Column(name = "file_name", nullable = false)
	private String fileName;

	@Column(name = "content_type")
	private String contentType;

	@Column(name = "scan_status", nullable = false)
	private String scanStatus;

	@Column(name = "scan_detail")
	private @Nullable String scanDetail;

	protected SubmissionFile() {
	}

	SubmissionFile(UUID submissionId, String documentKey, String sha256, long sizeBytes, String fileName,
			String contentType, String scanStatus, @Nullable String scanDetail) {
		this.id = UUID.randomUUID();
		this.submissionId = submissionId;
		this.documentKey = documentKey;
		this.sha256 = sha256;
		this.sizeBytes = sizeBytes;
		this.fileName = fileName;
		this.contentType = contentType;
		this.scanStatus = scanStatus;
		this.scanDetail = scanDetail;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getSubmissionId() {
		return this.submissionId;
	}

	public String getDocumentKey() {
		return this.documentKey;
	}

	public String getSha256() {
		return this.sha256;
	}

	public long getSizeBytes() {
		return this.sizeBytes;
	}

	public String getFileName() {
		return this.fileName;
	}

	public String getContentType() {
		return this.contentType;
	}

	public String getScanStatus() {
		return this.scanStatus;
	}

	public @Nullable String getScanDetail() {
		return this.scanDetail;
	}

}
