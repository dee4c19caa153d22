package jp.itaku.asset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.catalog.TriggerEvent;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractSystemReads;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.Obligations;
import jp.itaku.platform.Actor;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * How the requests and shipments meet the obligations the clauses attach to them: raising
 * those a request or a shipment triggers, submitting their written forms (application,
 * certificate, return note, register extracts) and recording the client's review of an
 * application — always through {@link Obligations#raise}, {@link Obligations#submitFor}
 * and {@link Obligations#reviewFor}, never by handling another module's submissions.
 */
@Component
class AssetSubmissions {

	private final Obligations obligations;

	private final ObligationSystemReads obligationReads;

	private final ContractSystemReads contractReads;

	private final AssetRequestForms forms;

	AssetSubmissions(Obligations obligations, AssetRequestForms forms, ContractSystemReads contractReads,
			ObligationSystemReads obligationReads) {
		this.obligationReads = obligationReads;
		this.contractReads = contractReads;
		this.obligations = obligations;
		this.forms = forms;
	}

	/**
	 * Returns the occurrence key of a request's obligations.
	 * @param request the request
	 * @return e.g. {@code REQ-申-2026-0001}
	 */
	static String key(AssetRequest request) {
		return "REQ-" + request.getNumber();
	}

	/**
	 * Raises the obligations a request triggers: those before its action, and for a
	 * disposal or a return those due when assets are no longer needed.
	 * @param contract the contract
	 * @param request the request
	 * @param states the current state of its assets
	 * @param day the day of application (Tokyo)
	 * @return the obligations raised
	 */
	List<Obligation> raise(Contract contract, AssetRequest request, List<AssetEvent> states, LocalDate day) {
		List<AssetClauses.Facts> facts = states.stream().map(AssetClauses.Facts::of).toList();
		Obligations.Occurrence occurrence = new Obligations.Occurrence(key(request), day,
				this.forms.text("asset.request.subject",
						this.forms.text("asset.request.type." + request.getType().name()), request.getNumber()),
				"AssetRequest:" + request.getId());
		List<Obligation> raised = new ArrayList<>();
		if (request.getType().action() != null) {
			raised.addAll(this.obligations.raise(contract.getId(), ObligationTrigger.before(request.getType().action()),
					occurrence, AssetClauses.concernsAny(facts)));
		}
		if (request.getType().settles()) {
			raised.addAll(this.obligations.raise(contract.getId(),
					ObligationTrigger.event(TriggerEvent.ASSET_NO_LONGER_NEEDED), occurrence,
					AssetClauses.concernsAny(facts)));
		}
		return raised;
	}

	/**
	 * Raises the obligations a shipment triggers.
	 * @param shipment the shipment
	 * @param state the state of the asset sent
	 * @param day the day of shipping (Tokyo)
	 * @return the obligations raised
	 */
	List<Obligation> raise(AssetShipment shipment, AssetEvent state, LocalDate day) {
		return this.obligations.raise(shipment.getContractId(), ObligationTrigger.before(GuardedAction.SHIPMENT),
				new Obligations.Occurrence(shipmentKey(shipment), day,
						this.forms.text("asset.shipment.subject", shipment.getNumber(), state.getDescription()),
						"AssetShipment:" + shipment.getId()),
				(r) -> AssetClauses.concerns(r, AssetClauses.Facts.of(state)));
	}

	/**
	 * Returns the occurrence key of a shipment's obligations.
	 * @param shipment the shipment
	 * @return e.g. {@code SHIP-送-2026-0001}
	 */
	static String shipmentKey(AssetShipment shipment) {
		return "SHIP-" + shipment.getNumber();
	}

	/**
	 * Submits a written form to every obligation of the contract for a deliverable and
	 * occurrence that awaits it.
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @param deliverable what the form is
	 * @param periodKey the occurrence
	 * @param comment the submission's comment
	 * @param fileName the PDF's name
	 * @param pdf the PDF
	 * @return the obligations submitted to, possibly none
	 */
	List<UUID> submit(Actor actor, UUID contractId, Deliverable deliverable, String periodKey, String comment,
			String fileName, byte[] pdf) {
		return this.obligations.submitFor(actor, contractId, deliverable, periodKey, comment,
				List.of(new Obligations.Upload(fileName, "application/pdf", new ByteArrayResource(pdf))));
	}

	/**
	 * Submits the extract of the register a request's movement went into (copies,
	 * take-outs, bring-ins, disposals), when the clauses ask for it.
	 * @param actor the contractor's lead
	 * @param request the request
	 * @param states the state of its assets
	 * @return the obligations submitted to, possibly none
	 */
	List<UUID> submitRegisterExtract(Actor actor, AssetRequest request, List<AssetEvent> states) {
		Deliverable register = request.getType().register();
		if (register == null
				|| this.obligationReads.findUnscoped(request.getContractId(), register, key(request)).isEmpty()) {
			return List.of();
		}
		Contract contract = this.contractReads.findUnscoped(request.getContractId()).orElseThrow();
		byte[] extract = this.forms.registerExtract(contract, request, states);
		return submit(actor, request.getContractId(), register, key(request),
				this.forms.text("asset.registerExtract.comment", request.getNumber()),
				this.forms.fileName(this.forms.text("asset.registerExtract.file." + request.getType().name()),
						request.getNumber()),
				extract);
	}

	/**
	 * Records the client's decision on a request as the review of the written application
	 * submitted for it.
	 * @param actor the client's decider
	 * @param request the request decided
	 * @param accept whether it was approved
	 * @param comment the decider's comment, or {@code null} for the standard one
	 * @return the obligations whose submission was reviewed, possibly none
	 */
	List<UUID> reviewApplication(Actor actor, AssetRequest request, boolean accept, String comment) {
		if (request.getType().application() == null) {
			return List.of();
		}
		return this.obligations.reviewFor(actor, request.getContractId(), request.getType().application(), key(request),
				accept,
				(comment != null && !comment.isBlank()) ? comment
						: this.forms.text(accept ? "asset.request.approvedComment" : "asset.request.rejectedComment",
								request.getNumber()));
	}

	/**
	 * Accepts the pending submissions of a deliverable and occurrence.
	 * @param actor the client's decider
	 * @param contractId the contract
	 * @param deliverable what was submitted
	 * @param periodKey the occurrence
	 * @param comment the comment
	 * @return the obligations whose submission was accepted, possibly none
	 */
	List<UUID> accept(Actor actor, UUID contractId, Deliverable deliverable, String periodKey, String comment) {
		return this.obligations.reviewFor(actor, contractId, deliverable, periodKey, true, comment);
	}

}
