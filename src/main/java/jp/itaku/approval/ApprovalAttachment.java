package jp.itaku.approval;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A file attached to an application for a prior approval (a floor plan of the other
 * place, the third party's security measures…), kept in the document store with its
 * SHA-256.
 */
@Entity
@Table(name = "approval_attachment")
public class ApprovalAttachment {

	@Id
	private UUID id;

	@Column(name = "approval_id", nullable = false, updatable = false)
	private UUID approvalId;

	@Column(name = "document_key", nullable = false, updatable = false)
	private String documentKey;

	@Column(nullable = false, updatable = false)
	private String sha256;

	@Column(name = "file_name", nullable = false, updatable = false)
	private String fileName;

	@Column(name = "content_type", nullable = false, updatable = false)
	private String contentType;

	@Column(nullable = false, updatable = false)
	private long size;

	@Column(name = "uploaded_by", nullable = false, updatable = false)
	private UUID uploadedBy;

	@Column(name = "uploaded_at", nullable = false, updatable = false)
	private Instant uploadedAt;

	// for JPA
	@SuppressWarnings("NullAway.Init")
	protected ApprovalAttachment() {
	}

	ApprovalAttachment(UUID approvalId, String documentKey, String sha256, String fileName, String contentType,
			long size, UUID uploadedBy, Instant uploadedAt) {
		this.id = UUID.randomUUID();
		this.approvalId = approvalId;
		this.documentKey = documentKey;
		this.sha256 = sha256;
		this.fileName = fileName;
		this.contentType = contentType;
		this.size = size;
		this.uploadedBy = uploadedBy;
		this.uploadedAt = uploadedAt;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getApprovalId() {
		return this.approvalId;
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

	public String getContentType() {
		return this.contentType;
	}

	public long getSize() {
		return this.size;
	}

	public UUID getUploadedBy() {
		return this.uploadedBy;
	}

	public Instant getUploadedAt() {
		return this.uploadedAt;
	}

}
