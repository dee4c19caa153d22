package jp.itaku.asset.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.itaku.asset.AssetEvent;
import jp.itaku.asset.AssetKind;
import jp.itaku.asset.AssetReceipt;
import jp.itaku.asset.AssetRegister;
import jp.itaku.asset.ReceiptForm;
import jp.itaku.asset.StorageLocation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.web.Downloads;
import jp.itaku.platform.web.Idempotent;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The asset register over the REST API, scoped and audited as in the UI: a contract's
 * assets and receipts, recording a receipt, and a custody receipt's PDF.
 */
@RestController
class AssetApiController {

	private final AssetRegister register;

	AssetApiController(AssetRegister register) {
		this.register = register;
	}

	@GetMapping("/api/v1/contracts/{id}/assets")
	RegisterView assets(@PathVariable("id") UUID contractId) {
		return RegisterView.of(this.register.register(CurrentActor.require(), contractId));
	}

	@PostMapping("/api/v1/contracts/{id}/asset-receipts")
	@Idempotent
	ResponseEntity<ReceiptView> receive(@PathVariable("id") UUID contractId,
			@RequestBody(required = false) ReceiptForm form) {
		ReceiptForm body = (form != null) ? form : new ReceiptForm();
		Actor actor = CurrentActor.require();
		AssetReceipt receipt = this.register.receive(actor, contractId, body);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(ReceiptView.of(receipt, this.register.itemsOf(actor, receipt.getId())));
	}

	@GetMapping("/api/v1/asset-receipts/{id}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable("id") UUID receiptId) throws IOException {
		AssetRegister.OpenedReceipt opened = this.register.open(CurrentActor.require(), receiptId);
		return Downloads.entity(opened.receipt().getFileName(), opened.content());
	}

	/**
	 * A contract's register.
	 *
	 * @param contractId the contract
	 * @param assets the assets with their current state
	 * @param receipts the receipts, latest first
	 */
	public record RegisterView(UUID contractId, List<AssetView> assets, List<ReceiptView> receipts) {

		static RegisterView of(AssetRegister.Register register) {
			return new RegisterView(register.contract().getId(),
					register.entries().stream().map(AssetView::of).toList(),
					register.receipts().stream().map((r) -> ReceiptView.of(r, List.of())).toList());
		}

	}

	/**
	 * An asset with its current state.
	 *
	 * @param id the asset
	 * @param receiptId the receipt it came with
	 * @param receiptNumber the custody receipt's number
	 * @param derivedFrom for a copy, the asset copied
	 * @param current its current state
	 * @param history every event, oldest first
	 */
	public record AssetView(UUID id, UUID receiptId, @Nullable String receiptNumber, @Nullable UUID derivedFrom,
			EventView current, List<EventView> history) {

		static AssetView of(AssetRegister.Entry entry) {
			return new AssetView(entry.asset().getId(), entry.asset().getReceiptId(), entry.receiptNumber(),
					entry.asset().getDerivedFrom(), EventView.of(entry.current()),
					entry.history().stream().map(EventView::of).toList());
		}

	}

	/**
	 * A row of the register.
	 *
	 * @param id the event
	 * @param type received or corrected
	 * @param correctsId the event it corrects
	 * @param kind what the asset is
	 * @param description the description
	 * @param important important information
	 * @param personalInformation personal information
	 * @param myNumber My Number
	 * @param quantity how many
	 * @param storage where it is kept
	 * @param storageDetail where exactly
	 * @param holderId the roster member holding it
	 * @param holderName the holder's name
	 * @param reason why it was corrected
	 * @param occurredAt when it happened
	 * @param status where the asset is after it
	 * @param requestId the request that allowed it
	 * @param shipmentId the shipment it belongs to
	 */
	public record EventView(UUID id, AssetEvent.Type type, @Nullable UUID correctsId, AssetKind kind,
			String description, boolean important, boolean personalInformation, boolean myNumber, int quantity,
			StorageLocation storage, @Nullable String storageDetail, UUID holderId, String holderName,
			@Nullable String reason, Instant occurredAt, AssetEvent.Status status, @Nullable UUID requestId,
			@Nullable UUID shipmentId) {

		static EventView of(AssetEvent e) {
			return new EventView(e.getId(), e.getType(), e.getCorrectsId(), e.getKind(), e.getDescription(),
					e.isImportant(), e.isPersonal(), e.isMyNumber(), e.getQuantity(), e.getStorage(),
					e.getStorageDetail(), e.getHolderId(), e.getHolderName(), e.getReason(), e.getOccurredAt(),
					e.getStatus(), e.getRequestId(), e.getShipmentId());
		}

	}

	/**
	 * A receipt.
	 *
	 * @param id the receipt
	 * @param number the custody receipt's number
	 * @param receivedAt when
	 * @param receiverId the roster member who received
	 * @param receiverName the receiver's name
	 * @param handedOverBy who handed over
	 * @param sha256 the custody receipt's hash
	 * @param items the items as received (in the answer to recording only)
	 */
	record ReceiptView(UUID id, String number, Instant receivedAt, UUID receiverId, String receiverName,
			String handedOverBy, String sha256, List<EventView> items) {

		static ReceiptView of(AssetReceipt r, List<AssetEvent> items) {
			return new ReceiptView(r.getId(), r.getNumber(), r.getReceivedAt(), r.getReceiverId(), r.getReceiverName(),
					r.getHandedOverBy(), r.getSha256(), items.stream().map(EventView::of).toList());
		}

	}

}
