package jp.itaku.asset;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.contract.Contract;
import jp.itaku.obligation.Obligation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.Sha256;
import jp.itaku.roster.RosterMember;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shipments of a contract's assets (Nerima 17): the contractor's lead records an
 * asset sent — checked against the profile's rules, numbered, entered in the shipment
 * register whose extract is submitted to the obligations the shipment raises — and its
 * arrival. Each moves the asset in the register; each is audited.
 */
@Service
public class AssetShipments {

	private static final String SHIPMENT = "asset.shipment.entity";

	private final AssetRepository assets;

	private final AssetEventRepository events;

	private final AssetShipmentRepository shipments;

	private final AssetRegister register;

	private final AssetNumbers numbers;

	private final ClauseCatalog catalog;

	private final AssetRequestForms forms;

	private final AssetSubmissions submissions;

	private final AuditTrail audit;

	private final Clock clock;

	AssetShipments(AssetRepository assets, AssetEventRepository events, AssetShipmentRepository shipments,
			AssetRegister register, AssetNumbers numbers, ClauseCatalog catalog, AssetRequestForms forms,
			AssetSubmissions submissions, AuditTrail audit, Clock clock) {
		this.assets = assets;
		this.events = events;
		this.shipments = shipments;
		this.register = register;
		this.numbers = numbers;
		this.catalog = catalog;
		this.forms = forms;
		this.submissions = submissions;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records a shipment (Nerima 17): the asset goes in transit. The profile's rules are
	 * enforced: e.g. important information on a medium by post only by a trackable method
	 * (Nerima 第17条⑶), media encrypted or password-protected (第17条⑵).
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @param form the shipment
	 * @return the shipment
	 * @throws InvalidInputProblem naming every field at fault, citing the clauses
	 */
	@Transactional
	public AssetShipment ship(Actor actor, UUID contractId, ShipmentForm form) {
		Contract contract = this.register.recordable(actor, contractId);
		List<FieldProblem> problems = new ArrayList<>(form.problems());
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		Asset asset = this.assets.findById(form.getAssetId())
			.filter((a) -> a.getContractId().equals(contractId))
			.orElseThrow(() -> new InvalidInputProblem("assetId", "asset.request.error.unknownAsset"));
		AssetEvent state = AssetRegister.current(this.events.findByAssetIdOrderByRecordedAtAsc(asset.getId()));
		if (state.getStatus() != AssetEvent.Status.IN_CUSTODY) {
			throw new InvalidInputProblem("assetId", "asset.request.error.notInCustody", state.getDescription());
		}
		RosterMember sender = this.register.member(contractId, "senderId", form.getSenderId());
		ProfileDefinition profile = this.catalog.get(contract.getProfileId()).definition();
		problems.addAll(AssetClauses.shipmentProblems(AssetClauses.demands(profile, contract.getAttributes(),
				GuardedAction.SHIPMENT, AssetClauses.Facts.of(state)), form));
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		Instant at = AssetStepForm.happenedAt(form.getShippedAt(), this.clock);
		Instant now = Instant.now(this.clock);
		String number = this.numbers.nextShipment(contractId, ItakuTime.inTokyo(at).getYear()).text();
		AssetShipment shipment = this.shipments
			.saveAndFlush(new AssetShipment(contractId, number, form, at, sender.getName(), actor.userId(), now));
		this.events.save(state.moved(AssetEvent.Type.SHIPPED, AssetEvent.Status.IN_TRANSIT, null, null,
				shipment.getId(), at, actor.userId(), now));
		LocalDate day = ItakuTime.inTokyo(at).toLocalDate();
		List<Obligation> raised = this.submissions.raise(shipment, state, day);
		byte[] extract = this.forms.shipmentExtract(contract, shipment, state);
		List<UUID> submitted = this.submissions.submit(actor, contractId, Deliverable.SHIPMENT_REGISTER,
				AssetSubmissions.shipmentKey(shipment), this.forms.text("asset.shipment.comment", number),
				this.forms.fileName(this.forms.text("asset.shipment.file"), number), extract);
		this.audit.record(AuditRecord.of("ASSET_SHIPPED")
			.actor(actor)
			.target("AssetShipment", shipment.getId())
			.detail("asset", asset.getId())
			.detail("number", number)
			.detail("method", form.getMethod().name())
			.detail("registerSha256", Sha256.of(extract))
			.detail("obligations", raised.stream().map(Obligation::getId).toList())
			.detail("submitted", submitted));
		return shipment;
	}

	/**
	 * Records a shipment's arrival: the asset is in custody again.
	 * @param actor the contractor's lead
	 * @param shipmentId the shipment
	 * @param step when, and who confirmed it
	 */
	@Transactional
	public void arrived(Actor actor, UUID shipmentId, AssetStepForm step) {
		AssetShipment shipment = this.shipments.findById(shipmentId).orElseThrow(() -> new NotFoundProblem(SHIPMENT));
		try {
			this.register.recordable(actor, shipment.getContractId());
		}
		catch (NotFoundProblem ex) {
			throw new NotFoundProblem(SHIPMENT);
		}
		Instant at = AssetStepForm.happenedAt(step.getAt(), this.clock);
		shipment.arrived(at, step.getConfirmedBy());
		AssetEvent state = AssetRegister.current(this.events.findByAssetIdOrderByRecordedAtAsc(shipment.getAssetId()));
		this.events.save(state.moved(AssetEvent.Type.ARRIVED, AssetEvent.Status.IN_CUSTODY, null, null, shipmentId, at,
				actor.userId(), Instant.now(this.clock)));
		this.audit.record(AuditRecord.of("ASSET_SHIPMENT_ARRIVED")
			.actor(actor)
			.target("AssetShipment", shipmentId)
			.detail("asset", shipment.getAssetId())
			.detail("at", at));
	}

}
