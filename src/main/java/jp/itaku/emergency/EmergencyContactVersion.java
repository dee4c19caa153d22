package jp.itaku.emergency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * One submitted version (第N版) of an emergency contact list: its lines as submitted, the
 * generated PDF, the occurrence it was filed for ({@code START} or a change's key) and
 * how many obligations it was submitted to. Never changed after it is written.
 */
@Entity
@Table(name = "emergency_contact_version")
public class EmergencyContactVersion {

	@Id
	private UUID id;

	@Column(name = "list_id", nullable = false)
	private UUID listId;

	@Column(name = "contract_id", nullable = false)
	private UUID contractId;

	@Column(nullable = false)
	private int number;

	@Column(name = "period_key", nullable = false)
	private String periodKey;

	@Column(name = "submitted_at", nullable = false)
	private Instant submittedAt;

	@Column(name = "submitted_by", nullable = false)
	private UUID submittedBy;

	private @Nullable String comment;

	@Column(name = "document_key", nullable = false)
	private String documentKey;

	@Column(nullable = false)
	private String sha256;

	@Column(name = "file_name", nullable = false)
	private String fileName;

	@Column(nullable = false)
	private int obligations;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "emergency_contact_version_entry", joinColumns = @JoinColumn(name = "version_id"))
	@OrderColumn(name = "line_no")
	private List<EmergencyContact> entries = new ArrayList<>();

	protected EmergencyContactVersion() {
	}

	// set from values the caller has checked: the form's problems() refuses a blank
	// required one
	@SuppressWarnings("NullAway.Init")
	EmergencyContactVersion(EmergencyContactList list, int number, String periodKey, @Nullable String comment,
			List<EmergencyContact> entries, UUID by, Instant now) {
		this.id = UUID.randomUUID();
		this.listId = list.getId();
		this.contractId = list.getContractId();
		this.number = number;
		this.periodKey = periodKey;
		this.comment = (comment == null || comment.isBlank()) ? null : comment.strip();
		entries.forEach((e) -> this.entries.add(e.copy()));
		this.submittedBy = by;
		this.submittedAt = now;
	}

	void document(String key, String sha256, String fileName, int obligations) {
		this.documentKey = key;
		this.sha256 = sha256;
		this.fileName = fileName;
		this.obligations = obligations;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public int getNumber() {
		return this.number;
	}

	public String getPeriodKey() {
		return this.periodKey;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public UUID getSubmittedBy() {
		return this.submittedBy;
	}

	public @Nullable String getComment() {
		return this.comment;
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

	public int getObligations() {
		return this.obligations;
	}

	public List<EmergencyContact> getEntries() {
		return List.copyOf(this.entries);
	}

}
