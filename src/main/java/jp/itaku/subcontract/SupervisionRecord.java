package jp.itaku.subcontract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * One periodic check of a subcontractor by its applicant (Kadoma 8(5), Nerima 16②/22②):
 * when, how, the result and any findings. Never changed once recorded.
 */
@Entity
@Table(name = "subcontract_supervision")
public class SupervisionRecord {

	@Id
	private UUID id;

	@Column(name = "subcontract_id", nullable = false, updatable = false)
	private UUID subcontractId;

	@Column(name = "contract_id", nullable = false, updatable = false)
	private UUID contractId;

	@Column(name = "supervised_on", nullable = false, updatable = false)
	private LocalDate supervisedOn;

	@Column(nullable = false, updatable = false)
	private String method;

	@Column(nullable = false, updatable = false)
	private String result;

	@Column(updatable = false)
	private @Nullable String findings;

	@Column(name = "recorded_by", nullable = false, updatable = false)
	private UUID recordedBy;

	@Column(name = "recorded_at", nullable = false, updatable = false)
	private Instant recordedAt;

	protected SupervisionRecord() {
	}

	// SupervisionForm's problems() has refused a blank required value before this is
	// called
	@SuppressWarnings("NullAway")
	SupervisionRecord(Subcontract subcontract, LocalDate supervisedOn, @Nullable String method, @Nullable String result,
			@Nullable String findings, UUID recordedBy, Instant recordedAt) {
		this.id = UUID.randomUUID();
		this.subcontractId = subcontract.getId();
		this.contractId = subcontract.getContractId();
		this.supervisedOn = supervisedOn;
		this.method = method;
		this.result = result;
		this.findings = findings;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
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

	public LocalDate getSupervisedOn() {
		return this.supervisedOn;
	}

	public String getMethod() {
		return this.method;
	}

	public String getResult() {
		return this.result;
	}

	public @Nullable String getFindings() {
		return this.findings;
	}

	public UUID getRecordedBy() {
		return this.recordedBy;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

}
