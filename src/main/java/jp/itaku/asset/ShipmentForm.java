package jp.itaku.asset;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.itaku.platform.ItakuProblem.FieldProblem;

import org.jspecify.annotations.Nullable;

/**
 * A shipment as entered: the asset, how and to whom it is sent (the person, and whether
 * the client, the contractor, a subcontractor of the chain or a third party with the
 * approval that allows it), and how it is protected.
 */
// Bound from the request by Spring's data binder (or Jackson), which leaves a missing
// value
// null; problems() or Bean Validation rejects a missing required value before it is read.
@SuppressWarnings("NullAway.Init")
public class ShipmentForm {

	private UUID assetId;

	private ShipmentMethod method;

	private String trackingNumber;

	private boolean encrypted;

	private boolean passwordProtected;

	private boolean lockedContainer;

	private boolean confidential;

	private String destination;

	private String recipient;

	private ShipmentRecipient recipientKind;

	private @Nullable UUID recipientOrganisationId;

	private @Nullable UUID approvalId;

	private LocalDateTime shippedAt;

	private UUID senderId;

	/**
	 * Returns the problems of the fields themselves (the clauses' rules come after).
	 * @return the problems
	 */
	public List<FieldProblem> problems() {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.assetId == null) {
			problems.add(new FieldProblem("assetId", "asset.shipment.error.asset"));
		}
		if (this.method == null) {
			problems.add(new FieldProblem("method", "asset.shipment.error.method"));
		}
		String tracking = AssetItemForm.clean(this.trackingNumber);
		if (tracking != null && (tracking.length() > 40 || !tracking.matches("[0-9A-Za-z-]+"))) {
			problems.add(new FieldProblem("trackingNumber", "asset.shipment.error.trackingFormat"));
		}
		if (this.method != null && this.method.hasTrackingNumber() && tracking == null) {
			problems.add(new FieldProblem("trackingNumber", "asset.shipment.error.tracking"));
		}
		required(problems, "destination", this.destination, 200);
		required(problems, "recipient", this.recipient, 100);
		if (this.recipientKind == null || this.recipientKind == ShipmentRecipient.UNRECORDED) {
			problems.add(new FieldProblem("recipientKind", "asset.shipment.error.recipientKind"));
		}
		else if (this.recipientKind == ShipmentRecipient.SUBCONTRACTOR && this.recipientOrganisationId == null) {
			problems.add(new FieldProblem("recipientOrganisationId", "asset.shipment.error.recipientOrganisation"));
		}
		else if (this.recipientKind != ShipmentRecipient.THIRD_PARTY && this.approvalId != null) {
			problems.add(new FieldProblem("approvalId", "asset.shipment.error.approvalNotThirdParty"));
		}
		if (this.shippedAt == null) {
			problems.add(new FieldProblem("shippedAt", "asset.shipment.error.shippedAt"));
		}
		if (this.senderId == null) {
			problems.add(new FieldProblem("senderId", "asset.shipment.error.sender"));
		}
		return problems;
	}

	private static void required(List<FieldProblem> problems, String field, String value, int max) {
		String text = AssetItemForm.clean(value);
		if (text == null) {
			problems.add(new FieldProblem(field, "asset.shipment.error." + field));
		}
		else if (text.length() > max) {
			problems.add(new FieldProblem(field, "asset.request.error.tooLong", String.valueOf(max)));
		}
	}

	public UUID getAssetId() {
		return this.assetId;
	}

	public void setAssetId(UUID assetId) {
		this.assetId = assetId;
	}

	public ShipmentMethod getMethod() {
		return this.method;
	}

	public void setMethod(ShipmentMethod method) {
		this.method = method;
	}

	public String getTrackingNumber() {
		return this.trackingNumber;
	}

	public void setTrackingNumber(String trackingNumber) {
		this.trackingNumber = trackingNumber;
	}

	public boolean isEncrypted() {
		return this.encrypted;
	}

	public void setEncrypted(boolean encrypted) {
		this.encrypted = encrypted;
	}

	public boolean isPasswordProtected() {
		return this.passwordProtected;
	}

	public void setPasswordProtected(boolean passwordProtected) {
		this.passwordProtected = passwordProtected;
	}

	public boolean isLockedContainer() {
		return this.lockedContainer;
	}

	public void setLockedContainer(boolean lockedContainer) {
		this.lockedContainer = lockedContainer;
	}

	public boolean isConfidential() {
		return this.confidential;
	}

	public void setConfidential(boolean confidential) {
		this.confidential = confidential;
	}

	public String getDestination() {
		return this.destination;
	}

	public void setDestination(String destination) {
		this.destination = destination;
	}

	public String getRecipient() {
		return this.recipient;
	}

	public void setRecipient(String recipient) {
		this.recipient = recipient;
	}

	public ShipmentRecipient getRecipientKind() {
		return this.recipientKind;
	}

	public void setRecipientKind(ShipmentRecipient recipientKind) {
		this.recipientKind = recipientKind;
	}

	public @Nullable UUID getRecipientOrganisationId() {
		return this.recipientOrganisationId;
	}

	public void setRecipientOrganisationId(@Nullable UUID recipientOrganisationId) {
		this.recipientOrganisationId = recipientOrganisationId;
	}

	public @Nullable UUID getApprovalId() {
		return this.approvalId;
	}

	public void setApprovalId(@Nullable UUID approvalId) {
		this.approvalId = approvalId;
	}

	public LocalDateTime getShippedAt() {
		return this.shippedAt;
	}

	public void setShippedAt(LocalDateTime shippedAt) {
		this.shippedAt = shippedAt;
	}

	public UUID getSenderId() {
		return this.senderId;
	}

	public void setSenderId(UUID senderId) {
		this.senderId = senderId;
	}

}
