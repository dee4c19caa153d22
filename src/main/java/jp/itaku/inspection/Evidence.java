package jp.itaku.inspection;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A file the contractor attached to its response to a finding (stored by
 * {@code document.Documents}, SHA-256 kept).
 */
@Entity
@Table(name = "inspection_evidence")
public class Evidence {

	@Id
	private UUID id;

	@Column(name = "finding_id", nullable = false, updatable = false)
	private UUID findingId;

	@Column(name = "document_key", nullable = false, updatable = false)
	private String documentKey;

	@Column(nullable = false, updatable = false)
	private String sha256;

	@Column(name = "file_name", nullable = false, updatable = false)
	private String fileName;

	@Column(name = "content_type", nullable = false, updatable = false)
	private String contentType;

	@Column(name = "uploaded_at", nullable = false, updatable = false)
	private Instant uploadedAt;

	@Column(name = "uploaded_by", nullable = false, updatable = false)
	private UUID uploadedBy;

	protected Evidence() {
	}

	Evidence(UUID findingId, String documentKey, String sha256, String fileName, String contentType, UUID uploadedBy,
			Instant uploadedAt) {
		this.id = UUID.randomUUID();
		this.findingId = findingId;
		this.documentKey = documentKey;
		this.sha256 = sha256;
		this.fileName = fileName;
		this.contentType = contentType;
		this.uploadedBy = uploadedBy;
		this.uploadedAt = uploadedAt;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getFindingId() {
		return this.findingId;
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

	public Instant getUploadedAt() {
		return this.uploadedAt;
	}

}
