package jp.itaku.asset.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.itaku.asset.AssetBackups;
import jp.itaku.asset.AssetEvent;
import jp.itaku.asset.AssetOverviews;
import jp.itaku.asset.AssetRequest;
import jp.itaku.asset.AssetRequestForm;
import jp.itaku.asset.AssetRequests;
import jp.itaku.asset.AssetShipment;
import jp.itaku.asset.AssetShipments;
import jp.itaku.asset.AssetStepForm;
import jp.itaku.asset.BackupForm;
import jp.itaku.asset.RequestStatus;
import jp.itaku.asset.RequestType;
import jp.itaku.asset.ShipmentForm;
import jp.itaku.asset.ShipmentMethod;
import jp.itaku.asset.ShipmentRecipient;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.NotFoundProblem;
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
 * The asset requests, shipments and backups over the REST API, scoped, checked and
 * audited as in the UI: applying, the client's decision, each step after it, and the
 * written forms as PDF.
 */
@RestController
class AssetRequestApiController {

	private final AssetRequests requests;

	private final AssetShipments shipments;

	private final AssetBackups backups;

	private final AssetOverviews overviews;

	AssetRequestApiController(AssetRequests requests, AssetShipments shipments, AssetBackups backups,
			AssetOverviews overviews) {
		this.requests = requests;
		this.shipments = shipments;
		this.backups = backups;
		this.overviews = overviews;
	}

	@GetMapping("/api/v1/contracts/{id}/asset-requests")
	List<RequestView> list(@PathVariable("id") UUID contractId) {
		return this.overviews.overview(CurrentActor.require(), contractId)
			.requests()
			.stream()
			.map((r) -> RequestView.of(r, List.of()))
			.toList();
	}

	@PostMapping("/api/v1/contracts/{id}/asset-requests")
	@Idempotent
	ResponseEntity<RequestView> request(@PathVariable("id") UUID contractId,
			@RequestBody(required = false) AssetRequestForm form) {
		Actor actor = CurrentActor.require();
		AssetRequest request = this.requests.request(actor, contractId, (form != null) ? form : new AssetRequestForm());
		return ResponseEntity.status(HttpStatus.CREATED).body(view(actor, request.getId()));
	}

	@GetMapping("/api/v1/asset-requests/{id}")
	RequestView get(@PathVariable("id") UUID requestId) {
		return view(CurrentActor.require(), requestId);
	}

	@PostMapping("/api/v1/asset-requests/{id}/{step}")
	RequestView step(@PathVariable("id") UUID requestId, @PathVariable("step") String step,
			@RequestBody(required = false) AssetStepForm body) {
		Actor actor = CurrentActor.require();
		AssetStepForm form = (body != null) ? body : new AssetStepForm();
		switch (step) {
			case "approve" -> this.requests.approve(actor, requestId, form);
			case "reject" -> this.requests.reject(actor, requestId, form.getComment());
			case "withdraw" -> this.requests.withdraw(actor, requestId);
			case "copy" -> this.requests.recordCopy(actor, requestId, form);
			case "start" -> this.requests.start(actor, requestId, form);
			case "finish" -> this.requests.finish(actor, requestId, form);
			case "witness" -> this.requests.witness(actor, requestId, form);
			case "report" -> this.requests.report(actor, requestId, form);
			case "confirm" -> this.requests.confirmReturn(actor, requestId);
			default -> throw new NotFoundProblem("asset.request.entity");
		}
		return view(actor, requestId);
	}

	@GetMapping("/api/v1/asset-requests/{id}/application.pdf")
	ResponseEntity<byte[]> application(@PathVariable("id") UUID requestId) throws IOException {
		return pdf(this.requests.open(CurrentActor.require(), requestId, false));
	}

	@GetMapping("/api/v1/asset-requests/{id}/certificate.pdf")
	ResponseEntity<byte[]> certificate(@PathVariable("id") UUID requestId) throws IOException {
		return pdf(this.requests.open(CurrentActor.require(), requestId, true));
	}

	@GetMapping("/api/v1/contracts/{id}/asset-shipments")
	List<ShipmentView> shipments(@PathVariable("id") UUID contractId) {
		return this.overviews.overview(CurrentActor.require(), contractId)
			.shipments()
			.stream()
			.map(ShipmentView::of)
			.toList();
	}

	@PostMapping("/api/v1/contracts/{id}/asset-shipments")
	@Idempotent
	ResponseEntity<ShipmentView> ship(@PathVariable("id") UUID contractId,
			@RequestBody(required = false) ShipmentForm form) {
		AssetShipment shipment = this.shipments.ship(CurrentActor.require(), contractId,
				(form != null) ? form : new ShipmentForm());
		return ResponseEntity.status(HttpStatus.CREATED).body(ShipmentView.of(shipment));
	}

	@PostMapping("/api/v1/asset-shipments/{id}/arrived")
	ResponseEntity<Void> arrived(@PathVariable("id") UUID shipmentId,
			@RequestBody(required = false) AssetStepForm form) {
		this.shipments.arrived(CurrentActor.require(), shipmentId, (form != null) ? form : new AssetStepForm());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/contracts/{id}/asset-backups")
	@Idempotent
	ResponseEntity<Void> declareBackups(@PathVariable("id") UUID contractId,
			@RequestBody(required = false) BackupForm form) {
		this.backups.declareBackups(CurrentActor.require(), contractId, (form != null) ? form : new BackupForm());
		return ResponseEntity.status(HttpStatus.CREATED).build();
	}

	@PostMapping("/api/v1/contracts/{id}/asset-backups/approve")
	ResponseEntity<Void> approveBackups(@PathVariable("id") UUID contractId) {
		this.backups.approveBackups(CurrentActor.require(), contractId);
		return ResponseEntity.noContent().build();
	}

	private RequestView view(Actor actor, UUID requestId) {
		AssetRequests.Detail detail = this.requests.detail(actor, requestId);
		return RequestView.of(detail.request(), detail.items());
	}

	private static ResponseEntity<byte[]> pdf(AssetRequests.OpenedDocument document) throws IOException {
		return Downloads.entity(document.fileName(), document.content());
	}

	/**
	 * A request and what became of it.
	 *
	 * @param id the request
	 * @param contractId its contract
	 * @param number its number
	 * @param type what it asks for
	 * @param status where it stands
	 * @param purpose what for
	 * @param requestedAt when applied for
	 * @param requestedBy the applicant (maker)
	 * @param decidedBy the client's decider (checker)
	 * @param decidedAt when decided
	 * @param decisionComment the decider's comment
	 * @param witnessName the witness named, if any
	 * @param completedAt when done
	 * @param applicationSha256 the application PDF's hash
	 * @param certificateSha256 the certificate's hash, once issued
	 * @param items the assets concerned, their current state
	 */
	record RequestView(UUID id, UUID contractId, String number, RequestType type, RequestStatus status, String purpose,
			Instant requestedAt, UUID requestedBy, @Nullable UUID decidedBy, @Nullable Instant decidedAt,
			@Nullable String decisionComment, @Nullable String witnessName, @Nullable Instant completedAt,
			String applicationSha256, @Nullable String certificateSha256, List<AssetApiController.EventView> items) {

		static RequestView of(AssetRequest r, List<AssetEvent> items) {
			return new RequestView(r.getId(), r.getContractId(), r.getNumber(), r.getType(), r.getStatus(),
					r.getPurpose(), r.getRequestedAt(), r.getRequestedBy(), r.getDecidedBy(), r.getDecidedAt(),
					r.getDecisionComment(), r.getWitnessName(), r.getCompletedAt(), r.getApplicationSha256(),
					r.getCertificateSha256(), items.stream().map(AssetApiController.EventView::of).toList());
		}

	}

	/**
	 * A shipment.
	 *
	 * @param id the shipment
	 * @param number its number
	 * @param assetId the asset sent
	 * @param method how
	 * @param trackingNumber the tracking number
	 * @param destination where to
	 * @param recipient to whom
	 * @param recipientKind the client, the contractor, a subcontractor or a third party
	 * ({@code UNRECORDED} for shipments recorded before it was asked)
	 * @param recipientOrganisationId the subcontractor, or {@code null}
	 * @param approvalId the approval a third-party shipment was made under, or
	 * {@code null}
	 * @param shippedAt when
	 * @param arrivedAt when it arrived
	 */
	record ShipmentView(UUID id, String number, UUID assetId, ShipmentMethod method, @Nullable String trackingNumber,
			String destination, String recipient, ShipmentRecipient recipientKind,
			@Nullable UUID recipientOrganisationId, @Nullable UUID approvalId, Instant shippedAt,
			@Nullable Instant arrivedAt) {

		static ShipmentView of(AssetShipment s) {
			return new ShipmentView(s.getId(), s.getNumber(), s.getAssetId(), s.getMethod(), s.getTrackingNumber(),
					s.getDestination(), s.getRecipient(), s.getRecipientKind(), s.getRecipientOrganisationId(),
					s.getApprovalId(), s.getShippedAt(), s.getArrivedAt());
		}

	}

}
