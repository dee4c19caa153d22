package jp.itaku.asset;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.itaku.platform.InvalidInputProblem;

import org.jspecify.annotations.Nullable;

/**
 * A row of the shipment register (送付管理簿, Nerima 17⑷): an asset sent by post, courier or
 * hand, with the method, tracking number and protection, until its arrival is confirmed.
 */
@Entity
@Table(name = "asset_shipment")
public class AssetShipment {

	@Id
	private UUID id;

	@Column(name = "contract_id", nullable = false, updatable = false)
	private UUID contractId;

	@Column(name = "asset_id", nullable = false, updatable = false)
	private UUID assetId;

	@Column(nullable = false, updatable = false)
	private String number;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private ShipmentMethod method;

	@Column(name = "tracking_number", updatable = false)
	private @Nullable String trackingNumber;

	@Column(nullable = false, updatable = false)
	private boolean encrypted;

	@Column(name = "password_protected", nullable = false, updatable = false)
	private boolean passwordProtected;

	@Column(name = "locked_container", nullable = false, updatable = false)
	private boolean lockedContainer;

	@Column(nullable = false, updatable = false)
	private boolean confidential;

	@Column(nullable = false, updatable = false)
	private String destination;

	@Column(nullable = false, updatable = false)
	private String recipient;

	@Enumerated(EnumType.STRING)
	@Column(name = "recipient_kind", nullable = false, updatable = false)
	private ShipmentRecipient recipientKind = ShipmentRecipient.UNRECORDED;

	@Column(name = "recipient_organisation_id", updatable = false)
	private @Nullable UUID recipientOrganisationId;

	@Column(name = "approval_id", updatable = false)
	private @Nullable UUID approvalId;

	@Column(name = "shipped_at", nullable = false, updatable = false)
	private Instant shippedAt;

	@Column(name = "sender_id", nullable = false, updatable = false)
	private UUID senderId;

	@Column(name = "sender_name", nullable = false, updatable = false)
	private String senderName;

	@Column(name = "recorded_by", nullable = false, updatable = false)
	private UUID recordedBy;

	@Column(name = "recorded_at", nullable = false, updatable = false)
	private Instant recordedAt;

	@Column(name = "arrived_at")
	private @Nullable Instant arrivedAt;

	@Column(name = "arrival_confirmed_by")
	private @Nullable String arrivalConfirmedBy;

	@Version
	private int version;

	protected AssetShipment() {
	}

	// the form's problems() has refused a blank required value before this is called
	@SuppressWarnings("NullAway")
	AssetShipment(UUID contractId, String number, ShipmentForm form, @Nullable UUID approvalId, Instant shippedAt,
			String senderName, UUID recordedBy, Instant now) {
		this.id = UUID.randomUUID();
		this.contractId = contractId;
		this.assetId = form.getAssetId();
		this.number = number;
		this.method = form.getMethod();
		this.trackingNumber = AssetItemForm.clean(form.getTrackingNumber());
		this.encrypted = form.isEncrypted();
		this.passwordProtected = form.isPasswordProtected();
		this.lockedContainer = form.isLockedContainer();
		this.confidential = form.isConfidential();
		this.destination = AssetItemForm.clean(form.getDestination());
		this.recipient = AssetItemForm.clean(form.getRecipient());
		this.recipientKind = form.getRecipientKind();
		this.recipientOrganisationId = (this.recipientKind == ShipmentRecipient.SUBCONTRACTOR)
				? form.getRecipientOrganisationId() : null;
		this.approvalId = approvalId;
		this.shippedAt = shippedAt;
		this.senderId = form.getSenderId();
		this.senderName = senderName;
		this.recordedBy = recordedBy;
		this.recordedAt = now;
	}

	/**
	 * Records that the shipment arrived.
	 * @param at when
	 * @param confirmedBy who confirmed it
	 */
	void arrived(Instant at, String confirmedBy) {
		if (this.arrivedAt != null) {
			throw new InvalidInputProblem("status", "asset.shipment.error.arrivedAlready");
		}
		if (at.isBefore(this.shippedAt)) {
			throw new InvalidInputProblem("at", "asset.shipment.error.beforeShipped");
		}
		if (AssetItemForm.clean(confirmedBy) == null) {
			throw new InvalidInputProblem("confirmedBy", "asset.shipment.error.confirmedBy");
		}
		this.arrivedAt = at;
		this.arrivalConfirmedBy = AssetItemForm.clean(confirmedBy);
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public UUID getAssetId() {
		return this.assetId;
	}

	public String getNumber() {
		return this.number;
	}

	public ShipmentMethod getMethod() {
		return this.method;
	}

	public @Nullable String getTrackingNumber() {
		return this.trackingNumber;
	}

	public boolean isEncrypted() {
		return this.encrypted;
	}

	public boolean isPasswordProtected() {
		return this.passwordProtected;
	}

	public boolean isLockedContainer() {
		return this.lockedContainer;
	}

	public boolean isConfidential() {
		return this.confidential;
	}

	public String getDestination() {
		return this.destination;
	}

	public String getRecipient() {
		return this.recipient;
	}

	/**
	 * Returns whom the shipment went to.
	 * @return the kind; {@code UNRECORDED} for shipments recorded before it was asked
	 */
	public ShipmentRecipient getRecipientKind() {
		return this.recipientKind;
	}

	/**
	 * Returns the approved subcontractor the shipment went to.
	 * @return its organisation, or {@code null} for other recipients
	 */
	public @Nullable UUID getRecipientOrganisationId() {
		return this.recipientOrganisationId;
	}

	/**
	 * Returns the approval that allowed giving the asset to a third party.
	 * @return the approval, or {@code null} when none was needed or named
	 */
	public @Nullable UUID getApprovalId() {
		return this.approvalId;
	}

	public Instant getShippedAt() {
		return this.shippedAt;
	}

	public String getSenderName() {
		return this.senderName;
	}

	public @Nullable Instant getArrivedAt() {
		return this.arrivedAt;
	}

	public @Nullable String getArrivalConfirmedBy() {
		return this.arrivalConfirmedBy;
	}

}
