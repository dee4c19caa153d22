package jp.itaku.subcontract;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.itaku.catalog.Deliverable;

import org.jspecify.annotations.Nullable;

/**
 * One file of a subcontractor's own document carried by its subcontract application
 * (Setagaya 4: the item-3 documents — its security rules, roster, schedule, emergency
 * contacts), kept in the document store with its SHA-256. Version 1 came with the
 * application; each later version is a revision by the subcontractor's lead and replaces
 * the files of the type, while the earlier ones are kept.
 */
@Entity
@Table(name = "subcontractor_document")
public class SubcontractDocument {

	@Id
	private UUID id;

	@Column(name = "subcontract_id", nullable = false, updatable = false)
	private UUID subcontractId;

	@Column(name = "contract_id", nullable = false, updatable = false)
	private UUID contractId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Deliverable deliverable;

	@Column(nullable = false, updatable = false)
	private int version;

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

	@Column(updatable = false)
	private @Nullable String note;

	@Column(name = "uploaded_by", nullable = false, updatable = false)
	private UUID uploadedBy;

	@Column(name = "uploaded_by_organisation", nullable = false, updatable = false)
	private UUID uploadedByOrganisation;

	@Column(name = "uploaded_at", nullable = false, updatable = false)
	private Instant uploadedAt;

	// for JPA
	@SuppressWarnings("NullAway.Init")
	protected SubcontractDocument() {
	}

	SubcontractDocument(Subcontract subcontract, Deliverable deliverable, int version, String documentKey,
			String sha256, String fileName, String contentType, long size, @Nullable String note, UUID uploadedBy,
			UUID uploadedByOrganisation, Instant uploadedAt) {
		this.id = UUID.randomUUID();
		this.subcontractId = subcontract.getId();
		this.contractId = subcontract.getContractId();
		this.deliverable = deliverable;
		this.version = version;
		this.documentKey = documentKey;
		this.sha256 = sha256;
		this.fileName = fileName;
		this.contentType = contentType;
		this.size = size;
		this.note = note;
		this.uploadedBy = uploadedBy;
		this.uploadedByOrganisation = uploadedByOrganisation;
		this.uploadedAt = uploadedAt;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getSubcontractId() {
		return this.subcontractId;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public Deliverable getDeliverable() {
		return this.deliverable;
	}

	public int getVersion() {
		return this.version;
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

	public @Nullable String getNote() {
		return this.note;
	}

	public UUID getUploadedBy() {
		return this.uploadedBy;
	}

	public UUID getUploadedByOrganisation() {
		return this.uploadedByOrganisation;
	}

	public Instant getUploadedAt() {
		return this.uploadedAt;
	}

}
