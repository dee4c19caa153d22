package jp.itaku.asset;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * A receipt of information assets from the client (Setagaya 26): when, who received them
 * (a handover person on the roster), who handed them over, and the custody receipt (預かり証)
 * issued for it. Never changed once recorded.
 */
@Entity
@Table(name = "asset_receipt")
public class AssetReceipt {

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false, updatable = false)
	private UUID contractId;

	@Column(nullable = false, updatable = false)
	private String number;

	@Column(name = "receipt_year", nullable = false, updatable = false)
	private int receiptYear;

	@Column(nullable = false, updatable = false)
	private int seq;

	@Column(name = "received_at", nullable = false, updatable = false)
	private Instant receivedAt;

	@Column(name = "receiver_id", nullable = false, updatable = false)
	private UUID receiverId;

	@Column(name = "receiver_name", nullable = false, updatable = false)
	private String receiverName;

	@Column(name = "handed_over_by", nullable = false, updatable = false)
	private String handedOverBy;

	@Column(name = "recorded_at", nullable = false, updatable = false)
	private Instant recordedAt;

	@Column(name = "recorded_by", nullable = false, updatable = false)
	private UUID recordedBy;

	@Column(name = "document_key", nullable = false, updatable = false)
	private String documentKey;

	@Column(nullable = false, updatable = false)
	private String sha256;

	@Column(name = "file_name", nullable = false, updatable = false)
	private String fileName;

	protected AssetReceipt() {
	}

	AssetReceipt(UUID id, UUID contractId, ReceiptNumber number, Instant receivedAt, UUID receiverId,
			String receiverName, String handedOverBy, UUID recordedBy, Instant recordedAt, String documentKey,
			String sha256, String fileName) {
		this.id = id;
		this.contractId = contractId;
		this.number = number.text();
		this.receiptYear = number.year();
		this.seq = number.seq();
		this.receivedAt = receivedAt;
		this.receiverId = receiverId;
		this.receiverName = receiverName;
		this.handedOverBy = handedOverBy;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
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

	public String getNumber() {
		return this.number;
	}

	public Instant getReceivedAt() {
		return this.receivedAt;
	}

	public UUID getReceiverId() {
		return this.receiverId;
	}

	public String getReceiverName() {
		return this.receiverName;
	}

	public String getHandedOverBy() {
		return this.handedOverBy;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

	public String getSha256() {
		return this.sha256;
	}

	public String getFileName() {
		return this.fileName;
	}

	String getDocumentKey() {
		return this.documentKey;
	}

}
