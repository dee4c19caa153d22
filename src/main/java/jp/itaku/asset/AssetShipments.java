package jp.itaku.asset;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jp.itaku.approval.Approval;
import jp.itaku.approval.Approvals;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.contract.Contract;
import jp.itaku.contract.Contracts;
import jp.itaku.obligation.Obligation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.Sha256;
import jp.itaku.roster.RosterMember;

import org.jspecify.annotations.Nullable;

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

	private final Contracts contracts;

	private final Approvals approvals;

	AssetShipments(AssetRepository assets, AssetEventRepository events, AssetShipmentRepository shipments,
			AssetRegister register, AssetNumbers numbers, ClauseCatalog catalog, AssetRequestForms forms,
			AssetSubmissions submissions, AuditTrail audit, Clock clock, Contracts contracts, Approvals approvals) {
		this.contracts = contracts;
		this.approvals = approvals;
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
		UUID approvalId = recipientAllowed(actor, contract, form, ItakuTime.inTokyo(at).toLocalDate());
		Instant now = Instant.now(this.clock);
		String number = this.numbers.nextShipment(contractId, ItakuTime.inTokyo(at).getYear()).text();
		AssetShipment shipment = this.shipments.saveAndFlush(
				new AssetShipment(contractId, number, form, approvalId, at, sender.getName(), actor.userId(), now));
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
			.detail("recipientKind", shipment.getRecipientKind().name())
			.detail("recipientOrganisation", shipment.getRecipientOrganisationId())
			.detail("approval", approvalId)
			.detail("registerSha256", Sha256.of(extract))
			.detail("obligations", raised.stream().map(Obligation::getId).toList())
			.detail("submitted", submitted));
		return shipment;
	}

	/**
	 * Returns whom a shipment of a contract may go to besides the client and the
	 * contractor: the approved subcontractors of its chain and the third parties the
	 * client approved giving information to, valid today.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the choices
	 */
	@Transactional(readOnly = true)
	public Recipients recipients(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		return new Recipients(this.contracts.subcontractorNames(actor, contract), this.approvals.validOn(actor,
				contractId, GuardedAction.THIRD_PARTY_PROVISION, ItakuTime.today(this.clock)));
	}

	/**
	 * Returns the names the shipment register shows beside its rows: the subcontractors
	 * shipped to and the numbers of the approvals third-party shipments were made under.
	 * @param actor a party to the contract
	 * @param contract the contract
	 * @param shown the shipments shown
	 * @return the names
	 */
	@Transactional(readOnly = true)
	public RegisterNames names(Actor actor, Contract contract, List<AssetShipment> shown) {
		Map<UUID, String> approvalNumbers = new HashMap<>();
		for (AssetShipment shipment : shown) {
			UUID approvalId = shipment.getApprovalId();
			if (approvalId != null && !approvalNumbers.containsKey(approvalId)) {
				approvalNumbers.put(approvalId, this.approvals.get(actor, approvalId).number());
			}
		}
		boolean toSubcontractors = shown.stream().anyMatch((s) -> s.getRecipientOrganisationId() != null);
		return new RegisterNames(toSubcontractors ? this.contracts.subcontractorNames(actor, contract) : Map.of(),
				approvalNumbers);
	}

	/**
	 * The names the shipment register shows.
	 *
	 * @param subcontractors subcontractors' names by organisation id
	 * @param approvals approval numbers (e.g. {@code A-1}) by approval id
	 */
	public record RegisterNames(Map<UUID, String> subcontractors, Map<UUID, String> approvals) {
	}

	/**
	 * Whom a shipment may go to besides the client and the contractor.
	 *
	 * @param subcontractors the approved subcontractors of the chain, names by id
	 * @param thirdParties the approvals of giving information to a third party valid
	 * today
	 */
	public record Recipients(Map<UUID, String> subcontractors, List<Approval> thirdParties) {
	}

	/**
	 * Checks whom a shipment goes to: a subcontractor must be an approved one of the
	 * contract's chain; a third party needs, where the profile asks for the client's
	 * prior approval of giving information to third parties (Nerima 第14条, Gunma 第12条,
	 * 第13条第6項), an approval valid on the day of shipping — the one named, or one whose
	 * third party is the recipient. The client and the contractor need nothing.
	 * @return the approval the shipment is made under, or {@code null}
	 * @throws InvalidInputProblem naming the field and, for a missing approval, the
	 * clause
	 */
	private @Nullable UUID recipientAllowed(Actor actor, Contract contract, ShipmentForm form, LocalDate day) {
		switch (form.getRecipientKind()) {
			case SUBCONTRACTOR -> {
				UUID organisation = Objects.requireNonNull(form.getRecipientOrganisationId());
				if (!this.contracts.subcontractorNames(actor, contract).containsKey(organisation)) {
					throw new InvalidInputProblem("recipientOrganisationId",
							"asset.shipment.error.recipientOrganisation");
				}
				return null;
			}
			case THIRD_PARTY -> {
				return this.approvals
					.requireFor(contract.getId(), GuardedAction.THIRD_PARTY_PROVISION, form.getApprovalId(),
							form.getRecipient(), day, "recipient")
					.map(Approval::getId)
					.orElse(null);
			}
			default -> {
				return null;
			}
		}
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
