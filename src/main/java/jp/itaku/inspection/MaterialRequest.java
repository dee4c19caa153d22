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
import jp.itaku.catalog.Deliverable;

import org.jspecify.annotations.Nullable;

/**
 * The client's request for material in an inspection (資料の提供, Kadoma 11(4); the last three
 * months of logs, Gunma 9; a status report, Setagaya 33): the deliverable asked for, what
 * exactly, and by when. It raises the profile's ON_REQUEST obligations of that
 * deliverable only (occurrence key {@code AUD-<n>-R<m>}); the contractor meets them by a
 * submission.
 */
@Entity
@Table(name = "inspection_material_request")
public class MaterialRequest {

	static final int DESCRIPTION_MAX = 2000;

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
	private Deliverable deliverable;

	@Column(nullable = false, updatable = false)
	private String description;

	@Column(name = "due_on", nullable = false, updatable = false)
	private LocalDate dueOn;

	@Column(name = "requested_at", nullable = false, updatable = false)
	private Instant requestedAt;

	@Column(name = "requested_by", nullable = false, updatable = false)
	private UUID requestedBy;

	protected MaterialRequest() {
	}

	// MaterialRequests.request has refused a blank description (Texts.required) before
	// this is called
	@SuppressWarnings("NullAway")
	MaterialRequest(Inspection inspection, int seq, Deliverable deliverable, @Nullable String description,
			LocalDate dueOn, UUID requestedBy, Instant requestedAt) {
		this.id = UUID.randomUUID();
		this.inspectionId = inspection.getId();
		this.contractId = inspection.getContractId();
		this.seq = seq;
		this.deliverable = deliverable;
		this.description = description;
		this.dueOn = dueOn;
		this.requestedBy = requestedBy;
		this.requestedAt = requestedAt;
	}

	/**
	 * Returns the occurrence key of this request's obligations, e.g. {@code AUD-2-R1}.
	 * @param inspection its inspection
	 * @return the key
	 */
	public String keyIn(Inspection inspection) {
		return inspection.getNumber() + "-R" + this.seq;
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

	public Deliverable getDeliverable() {
		return this.deliverable;
	}

	public String getDescription() {
		return this.description;
	}

	public LocalDate getDueOn() {
		return this.dueOn;
	}

	public Instant getRequestedAt() {
		return this.requestedAt;
	}

}
