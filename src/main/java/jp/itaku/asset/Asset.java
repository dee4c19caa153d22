package jp.itaku.asset;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * An information asset of a contract: its identity and the receipt it came with. What it
 * is, where it is and who holds it are in its events ({@link AssetEvent}); its current
 * state is its latest event.
 */
@Entity
@Table(name = "asset")
public class Asset {

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false, updatable = false)
	private UUID contractId;

	@Column(name = "receipt_id", updatable = false)
	private UUID receiptId;

	@Column(name = "derived_from", updatable = false)
	private @Nullable UUID derivedFrom;

	@Column(nullable = false, updatable = false)
	private int position;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected Asset() {
	}

	Asset(UUID contractId, UUID receiptId, int position, Instant createdAt) {
		this.id = UUID.randomUUID();
		this.contractId = contractId;
		this.receiptId = receiptId;
		this.position = position;
		this.createdAt = createdAt;
	}

	/**
	 * Makes a copy of an asset: an asset of its own, derived from the one copied, to be
	 * erased or returned at the end like any other.
	 * @param source the asset copied
	 * @param now when
	 * @return the copy
	 */
	static Asset copyOf(Asset source, Instant now) {
		Asset copy = new Asset();
		copy.id = UUID.randomUUID();
		copy.contractId = source.contractId;
		copy.derivedFrom = source.id;
		copy.position = 1;
		copy.createdAt = now;
		return copy;
	}

	public @Nullable UUID getDerivedFrom() {
		return this.derivedFrom;
	}

	public boolean isCopy() {
		return this.derivedFrom != null;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public UUID getReceiptId() {
		return this.receiptId;
	}

	public int getPosition() {
		return this.position;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
