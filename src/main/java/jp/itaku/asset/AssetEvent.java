package jp.itaku.asset;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.roster.RosterMember;

import org.jspecify.annotations.Nullable;

/**
 * A row of the asset register: something that happened to an asset, with the asset's
 * whole state after it. Rows are never changed (the database refuses it); a correction is
 * a new row referring to the row it corrects.
 */
@Entity
@Table(name = "asset_event")
public class AssetEvent {

	/** What happened. */
	public enum Type {

		/** Received from the client. */
		RECEIVED,

		/** An earlier row corrected. */
		CORRECTED,

		/** Made as an approved copy of another asset (the first row of a copy). */
		COPIED,

		/** Taken out of the work site with approval. */
		TAKEN_OUT,

		/** Brought back from a take-out, the return confirmed. */
		BROUGHT_BACK,

		/** Sent by post, courier or hand carry. */
		SHIPPED,

		/** A shipment's arrival confirmed. */
		ARRIVED,

		/** Returned to the client, the client's receipt confirmed. */
		RETURNED,

		/** Erased or destroyed, reported with a certificate. */
		DISPOSED

	}

	/** Where the asset is after the row. */
	public enum Status {

		/** In the contractor's custody at its storage location. */
		IN_CUSTODY,

		/** Out of the work site on an approved take-out. */
		TAKEN_OUT,

		/** On its way by a shipment. */
		IN_TRANSIT,

		/** Back with the client. */
		RETURNED,

		/** Erased or destroyed. */
		DISPOSED;

		/**
		 * Returns whether the asset has left the contractor for good.
		 * @return {@code true} for returned and disposed
		 */
		public boolean isSettled() {
			return this == RETURNED || this == DISPOSED;
		}

	}

	@Id
	private UUID id;

	@Column(name = "asset_id", nullable = false, updatable = false)
	private UUID assetId;

	@Column(name = "contract_id", nullable = false, updatable = false)
	private UUID contractId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Type type;

	@Column(name = "corrects_id", updatable = false)
	private @Nullable UUID correctsId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private AssetKind kind;

	@Column(nullable = false, updatable = false)
	private String description;

	@Column(nullable = false, updatable = false)
	private boolean important;

	@Column(nullable = false, updatable = false)
	private boolean personal;

	@Column(name = "my_number", nullable = false, updatable = false)
	private boolean myNumber;

	@Column(nullable = false, updatable = false)
	private int quantity;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private StorageLocation storage;

	@Column(name = "storage_detail", updatable = false)
	private @Nullable String storageDetail;

	@Column(name = "holder_id", nullable = false, updatable = false)
	private UUID holderId;

	@Column(name = "holder_name", nullable = false, updatable = false)
	private String holderName;

	@Column(updatable = false)
	private @Nullable String reason;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Status status = Status.IN_CUSTODY;

	@Column(name = "request_id", updatable = false)
	private @Nullable UUID requestId;

	@Column(name = "shipment_id", updatable = false)
	private @Nullable UUID shipmentId;

	@Column(name = "occurred_at", nullable = false, updatable = false)
	private Instant occurredAt;

	@Column(name = "recorded_at", nullable = false, updatable = false)
	private Instant recordedAt;

	@Column(name = "recorded_by", nullable = false, updatable = false)
	private UUID recordedBy;

	protected AssetEvent() {
	}

	// the form's problems() has refused a blank required value before this is called
	@SuppressWarnings("NullAway")
	private AssetEvent(UUID assetId, UUID contractId, Type type, AssetItemForm item, RosterMember holder,
			Instant occurredAt, UUID recordedBy, Instant recordedAt) {
		this.id = UUID.randomUUID();
		this.assetId = assetId;
		this.contractId = contractId;
		this.type = type;
		this.kind = item.getKind();
		this.description = AssetItemForm.clean(item.getDescription());
		this.important = item.isImportant();
		this.personal = item.holdsPersonalInformation();
		this.myNumber = item.isMyNumber();
		this.quantity = item.getQuantity();
		this.storage = item.getStorage();
		this.storageDetail = AssetItemForm.clean(item.getStorageDetail());
		this.holderId = holder.getId();
		this.holderName = holder.getName();
		this.occurredAt = occurredAt;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
	}

	static AssetEvent received(Asset asset, AssetItemForm item, RosterMember holder, Instant receivedAt,
			UUID recordedBy, Instant now) {
		return new AssetEvent(asset.getId(), asset.getContractId(), Type.RECEIVED, item, holder, receivedAt, recordedBy,
				now);
	}

	/**
	 * Makes the first row of a copy: the state of the asset copied, the copy's quantity
	 * and holder.
	 * @param copy the copy
	 * @param source the current row of the asset copied
	 * @param copies how many copies
	 * @param holder who holds them
	 * @param requestId the approved copy request
	 * @param occurredAt when the copy was made
	 * @param recordedBy who records it
	 * @param now when
	 * @return the row
	 */
	static AssetEvent copied(Asset copy, AssetEvent source, int copies, RosterMember holder, UUID requestId,
			Instant occurredAt, UUID recordedBy, Instant now) {
		AssetEvent event = source.next(Type.COPIED, Status.IN_CUSTODY, holder, occurredAt, recordedBy, now);
		event.assetId = copy.getId();
		event.quantity = copies;
		event.requestId = requestId;
		return event;
	}

	/**
	 * Makes the row of a movement: the asset's state carried over, its status, holder and
	 * cause changed.
	 * @param type what happened
	 * @param status where the asset is after it
	 * @param holder who holds it after it ({@code null}: unchanged)
	 * @param requestId the request that allowed it, if any
	 * @param shipmentId the shipment, if any
	 * @param occurredAt when it happened
	 * @param recordedBy who records it
	 * @param now when
	 * @return the new row
	 */
	AssetEvent moved(Type type, Status status, @Nullable RosterMember holder, @Nullable UUID requestId,
			@Nullable UUID shipmentId, Instant occurredAt, UUID recordedBy, Instant now) {
		AssetEvent event = next(type, status, holder, occurredAt, recordedBy, now);
		event.requestId = requestId;
		event.shipmentId = shipmentId;
		return event;
	}

	private AssetEvent next(Type type, Status status, @Nullable RosterMember holder, Instant occurredAt,
			UUID recordedBy, Instant now) {
		AssetEvent event = new AssetEvent();
		event.id = UUID.randomUUID();
		event.assetId = this.assetId;
		event.contractId = this.contractId;
		event.type = type;
		event.kind = this.kind;
		event.description = this.description;
		event.important = this.important;
		event.personal = this.personal;
		event.myNumber = this.myNumber;
		event.quantity = this.quantity;
		event.storage = this.storage;
		event.storageDetail = this.storageDetail;
		event.holderId = (holder != null) ? holder.getId() : this.holderId;
		event.holderName = (holder != null) ? holder.getName() : this.holderName;
		event.status = status;
		event.occurredAt = occurredAt;
		event.recordedBy = recordedBy;
		event.recordedAt = now;
		return event;
	}

	/**
	 * Makes the row correcting this one.
	 * @param correction the corrected state and the reason
	 * @param holder the holder after the correction
	 * @param recordedBy who corrects
	 * @param now when
	 * @return the new row
	 * @throws InvalidInputProblem when nothing would change
	 */
	AssetEvent correctedBy(CorrectionForm correction, RosterMember holder, UUID recordedBy, Instant now) {
		if (sameStateAs(correction, holder)) {
			throw new InvalidInputProblem("reason", "asset.error.unchanged");
		}
		AssetEvent event = new AssetEvent(this.assetId, this.contractId, Type.CORRECTED, correction, holder, now,
				recordedBy, now);
		event.correctsId = this.id;
		event.status = this.status;
		event.reason = AssetItemForm.clean(correction.getReason());
		return event;
	}

	boolean sameStateAs(AssetItemForm item, RosterMember holder) {
		return this.kind == item.getKind() && this.description.equals(AssetItemForm.clean(item.getDescription()))
				&& this.important == item.isImportant() && this.personal == item.holdsPersonalInformation()
				&& this.myNumber == item.isMyNumber() && item.getQuantity() != null
				&& this.quantity == item.getQuantity() && this.storage == item.getStorage()
				&& Objects.equals(this.storageDetail, AssetItemForm.clean(item.getStorageDetail()))
				&& this.holderId.equals(holder.getId());
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getAssetId() {
		return this.assetId;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public Type getType() {
		return this.type;
	}

	public @Nullable UUID getCorrectsId() {
		return this.correctsId;
	}

	public AssetKind getKind() {
		return this.kind;
	}

	public String getDescription() {
		return this.description;
	}

	public boolean isImportant() {
		return this.important;
	}

	public boolean isPersonal() {
		return this.personal;
	}

	public boolean isMyNumber() {
		return this.myNumber;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public StorageLocation getStorage() {
		return this.storage;
	}

	public @Nullable String getStorageDetail() {
		return this.storageDetail;
	}

	public UUID getHolderId() {
		return this.holderId;
	}

	public String getHolderName() {
		return this.holderName;
	}

	public @Nullable String getReason() {
		return this.reason;
	}

	public Status getStatus() {
		return this.status;
	}

	public @Nullable UUID getRequestId() {
		return this.requestId;
	}

	public @Nullable UUID getShipmentId() {
		return this.shipmentId;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

}
