package jp.itaku.subcontract;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * A written notice of a subcontractor's security lead and workers to the client (Gunma
 * 14③, 再委託先従事者届): the first after approval, then one for every change. Never changed once
 * filed.
 */
@Entity
@Table(name = "subcontract_staff_notice")
public class StaffNotice {

	@Id
	private UUID id;

	@Column(name = "subcontract_id", nullable = false, updatable = false)
	private UUID subcontractId;

	@Column(name = "contract_id", nullable = false, updatable = false)
	private UUID contractId;

	@Column(nullable = false, updatable = false)
	private int number;

	@Column(name = "security_lead", updatable = false)
	private @Nullable String securityLead;

	@Column(nullable = false, updatable = false)
	private int workers;

	@Column(name = "filed_by", nullable = false, updatable = false)
	private UUID filedBy;

	@Column(name = "filed_at", nullable = false, updatable = false)
	private Instant filedAt;

	@Column(name = "document_key", nullable = false, updatable = false)
	private String documentKey;

	@Column(nullable = false, updatable = false)
	private String sha256;

	@Column(name = "file_name", nullable = false, updatable = false)
	private String fileName;

	protected StaffNotice() {
	}

	StaffNotice(Subcontract subcontract, int number, @Nullable String securityLead, int workers, UUID filedBy,
			Instant filedAt, String documentKey, String sha256, String fileName) {
		this.id = UUID.randomUUID();
		this.subcontractId = subcontract.getId();
		this.contractId = subcontract.getContractId();
		this.number = number;
		this.securityLead = securityLead;
		this.workers = workers;
		this.filedBy = filedBy;
		this.filedAt = filedAt;
		this.documentKey = documentKey;
		this.sha256 = sha256;
		this.fileName = fileName;
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

	public int getNumber() {
		return this.number;
	}

	public @Nullable String getSecurityLead() {
		return this.securityLead;
	}

	public int getWorkers() {
		return this.workers;
	}

	public UUID getFiledBy() {
		return this.filedBy;
	}

	public Instant getFiledAt() {
		return this.filedAt;
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

	/**
	 * Returns whether this is the first notice after approval.
	 * @return {@code true} for number 1
	 */
	public boolean isInitial() {
		return this.number == 1;
	}

}
