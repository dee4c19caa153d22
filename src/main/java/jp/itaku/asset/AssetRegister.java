package jp.itaku.asset;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.TriggerEvent;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractPart;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.Contracts;
import jp.itaku.document.Documents;
import jp.itaku.document.UploadedDocument;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.Obligations;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Sha256;
import jp.itaku.roster.MemberStatus;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterSystemReads;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of a contract's information assets (Setagaya 26, Kadoma 6, Nerima 13) and
 * the receipts that bring them in. The contractor's lead records a receipt: the receiver
 * must be an active handover person on the roster; the system numbers the custody receipt
 * (預かり証), renders and stores it, raises the ASSET_RECEIVED obligations and submits the
 * receipt to the CUSTODY_RECEIPT ones. Nothing in the register is edited: a correction is
 * a new event. Every party to the contract reads; every change and every download of a
 * custody receipt is audited.
 * <p>
 * An approved subcontractor keeps the register of what its own people receive: its lead
 * records receipts with its own handover person as receiver and its own people as
 * holders, and corrects only those; it sees them and those of the levels below it, while
 * the contractor and the client see the whole register (`Contracts.part`). A
 * subcontractor's custody receipt reaches the client through the obligation its receipt
 * raised (`Obligations.submitFromPart`).
 */
@Service
public class AssetRegister {

	private static final String RECEIPT = "asset.receipt.entity";

	private static final String ASSET = "asset.entity";

	private final AssetRepository assets;

	private final AssetEventRepository events;

	private final AssetReceiptRepository receipts;

	private final Contracts contracts;

	private final RosterSystemReads rosterReads;

	private final Obligations obligations;

	private final Documents documents;

	private final CustodyReceiptForm form;

	private final AuditTrail audit;

	private final Clock clock;

	private final AssetNumbers numbers;

	AssetRegister(AssetRepository assets, AssetEventRepository events, AssetReceiptRepository receipts,
			Contracts contracts, Obligations obligations, Documents documents, CustodyReceiptForm form,
			AuditTrail audit, Clock clock, AssetNumbers numbers, RosterSystemReads rosterReads) {
		this.rosterReads = rosterReads;
		this.numbers = numbers;
		this.assets = assets;
		this.events = events;
		this.receipts = receipts;
		this.contracts = contracts;
		this.obligations = obligations;
		this.documents = documents;
		this.form = form;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Returns whether the actor may record receipts and corrections: the contractor's
	 * lead, or an approved subcontractor's lead for the assets its own people receive and
	 * hold, while the contract is not closed.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor may record
	 */
	public boolean mayRecord(Actor actor, Contract contract) {
		return ContractRoles.isOpen(contract)
				&& (ContractRoles.leadsForContractor(actor, contract) || leadsForSubcontractor(actor, contract));
	}

	/**
	 * A lead of an approved subcontractor taking part in the contract.
	 */
	private boolean leadsForSubcontractor(Actor actor, Contract contract) {
		return ContractRoles.CONTRACTOR_LEADS.contains(actor.role())
				&& actor.organisationKind() != OrganisationKind.CLIENT && this.contracts.isParticipant(actor, contract);
	}

	/**
	 * Returns a contract's register: its assets with their current state and history, and
	 * its receipts. A subcontractor's register is the receipts its own people (or those
	 * of the levels below it) received and their assets; the contractor and the client
	 * see the whole register.
	 * @param actor a party to the contract or an approved subcontractor
	 * @param contractId the contract
	 * @return the register
	 */
	@Transactional(readOnly = true)
	public Register register(Actor actor, UUID contractId) {
		ContractPart part = this.contracts.part(actor, contractId);
		Contract contract = part.contract();
		Map<UUID, List<AssetEvent>> byAsset = this.events.findByContractIdOrderByRecordedAtAsc(contractId)
			.stream()
			.collect(Collectors.groupingBy(AssetEvent::getAssetId, LinkedHashMap::new, Collectors.toList()));
		Map<UUID, UUID> organisationOf = organisationsOf(contractId);
		List<AssetReceipt> receiptList = this.receipts.findByContractIdOrderByReceivedAtDesc(contractId)
			.stream()
			.filter((r) -> part.sees(organisationOf.get(r.getReceiverId())))
			.toList();
		Map<UUID, String> numbers = receiptList.stream()
			.collect(Collectors.toMap(AssetReceipt::getId, AssetReceipt::getNumber));
		List<Entry> entries = new ArrayList<>();
		for (Asset asset : this.assets.findByContractIdOrderByCreatedAtAscPositionAsc(contractId)) {
			List<AssetEvent> history = byAsset.getOrDefault(asset.getId(), List.of());
			if (!history.isEmpty()
					&& (part.whole() || numbers.containsKey(asset.getReceiptId()) || (asset.getReceiptId() == null
							&& part.sees(organisationOf.get(current(history).getHolderId()))))) {
				entries.add(new Entry(asset, numbers.get(asset.getReceiptId()), current(history), history));
			}
		}
		return new Register(contract, entries, receiptList, mayRecord(actor, contract));
	}

	/**
	 * Returns one asset of the register.
	 * @param actor a party to the contract
	 * @param assetId the asset
	 * @return the asset with its current state and history
	 */
	@Transactional(readOnly = true)
	public Entry asset(Actor actor, UUID assetId) {
		Asset asset = this.assets.findById(assetId).orElseThrow(() -> new NotFoundProblem(ASSET));
		inPart(actor, asset, ASSET);
		List<AssetEvent> history = this.events.findByAssetIdOrderByRecordedAtAsc(assetId);
		String number = (asset.getReceiptId() != null)
				? this.receipts.findById(asset.getReceiptId()).map(AssetReceipt::getNumber).orElse(null) : null;
		return new Entry(asset, number, current(history), history);
	}

	/**
	 * Returns the roster members who may receive assets: active handover persons.
	 * @param contractId the contract (scoped by the caller)
	 * @return the members
	 */
	List<RosterMember> receivers(UUID contractId) {
		return this.rosterReads.membersUnscoped(contractId)
			.stream()
			.filter((m) -> m.getStatus() == MemberStatus.ACTIVE && m.isHandoverPerson())
			.toList();
	}

	/**
	 * Returns the active handover persons of the recording lead's own organisation: those
	 * the lead may record as receiving.
	 * @param actor the contractor's lead, or an approved subcontractor's lead
	 * @param contractId the contract
	 * @return the members
	 * @throws AccessDeniedProblem when the actor may not record
	 */
	@Transactional(readOnly = true)
	public List<RosterMember> receivers(Actor actor, UUID contractId) {
		recordableInPart(actor, contractId);
		return receivers(contractId).stream()
			.filter((m) -> m.getOrganisationId().equals(actor.organisationId()))
			.toList();
	}

	/**
	 * Returns the active members of the recording lead's own organisation: those the lead
	 * may record as holding.
	 * @param actor the contractor's lead, or an approved subcontractor's lead
	 * @param contractId the contract
	 * @return the members
	 * @throws AccessDeniedProblem when the actor may not record
	 */
	@Transactional(readOnly = true)
	public List<RosterMember> holders(Actor actor, UUID contractId) {
		recordableInPart(actor, contractId);
		return holders(contractId).stream()
			.filter((m) -> m.getOrganisationId().equals(actor.organisationId()))
			.toList();
	}

	/**
	 * Returns the roster members the contractor's lead may name in a request or a
	 * shipment as taking, holding, sending or confirming assets: the active members of
	 * the contract's roster.
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @return the members
	 * @throws AccessDeniedProblem when the actor may not record
	 */
	@Transactional(readOnly = true)
	public List<RosterMember> people(Actor actor, UUID contractId) {
		recordable(actor, contractId);
		return holders(contractId);
	}

	/**
	 * Returns the roster members who may hold assets: active members.
	 * @param contractId the contract (scoped by the caller)
	 * @return the members
	 */
	List<RosterMember> holders(UUID contractId) {
		return this.rosterReads.membersUnscoped(contractId)
			.stream()
			.filter((m) -> m.getStatus() == MemberStatus.ACTIVE)
			.toList();
	}

	/**
	 * Records a receipt of assets from the client and issues its custody receipt.
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @param receipt the receipt
	 * @return the receipt recorded
	 * @throws InvalidInputProblem naming every field at fault; nothing is stored then
	 */
	@Transactional
	public AssetReceipt receive(Actor actor, UUID contractId, ReceiptForm receipt) {
		Contract contract = recordableInPart(actor, contractId);
		List<FieldProblem> problems = receipt.problems();
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		RosterMember found = this.rosterReads.findUnscoped(receipt.getReceiverId()).orElse(null);
		ReceiverRule.requireReceiver(contractId, ReceiverRule.Person.of(found));
		// requireReceiver refuses a missing member
		RosterMember receiver = Objects.requireNonNull(found);
		requireOwn(actor, "receiverId", receiver);
		List<AssetItemForm> items = new ArrayList<>();
		List<RosterMember> holders = new ArrayList<>();
		List<AssetItemForm> all = receipt.getItems();
		for (int i = 0; i < all.size(); i++) {
			AssetItemForm item = all.get(i);
			if (item == null || item.isBlank()) {
				continue;
			}
			RosterMember holder = holder(contractId, "items[" + i + "].holderId", item.getHolderId(), receiver);
			requireOwn(actor, "items[" + i + "].holderId", holder);
			holders.add(holder);
			items.add(item);
		}
		Instant now = Instant.now(this.clock);
		Instant receivedAt = receipt.getReceivedAt().atZone(ItakuTime.ZONE).toInstant();
		if (receivedAt.isAfter(now.plusSeconds(300))) {
			throw new InvalidInputProblem("receivedAt", "asset.error.receivedAt.future");
		}
		LocalDate day = receipt.getReceivedAt().toLocalDate();
		ReceiptNumber number = this.numbers.nextReceipt(contractId, day.getYear());
		UUID receiptId = UUID.randomUUID();
		// the form's problems() has refused a blank handedOverBy
		String handedOverBy = Objects.requireNonNull(AssetItemForm.clean(receipt.getHandedOverBy()));
		// The events first (to render the form), then the receipt with its stored form.
		AssetReceipt draft = new AssetReceipt(receiptId, contractId, number, receivedAt, receiver.getId(),
				receiver.getName(), handedOverBy, actor.userId(), now, "-", "-", "-");
		List<Asset> created = new ArrayList<>();
		List<AssetEvent> rows = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Asset asset = new Asset(contractId, receiptId, i + 1, now);
			created.add(asset);
			rows.add(AssetEvent.received(asset, items.get(i), holders.get(i), receivedAt, actor.userId(), now));
		}
		byte[] pdf = this.form.render(contract, draft, rows);
		String fileName = this.form.fileName(draft);
		UploadedDocument document = this.documents.accept(fileName, "application/pdf", new ByteArrayInputStream(pdf));
		AssetReceipt saved = this.receipts.saveAndFlush(
				new AssetReceipt(receiptId, contractId, number, receivedAt, receiver.getId(), receiver.getName(),
						handedOverBy, actor.userId(), now, document.key(), document.sha256(), document.fileName()));
		this.assets.saveAll(created);
		this.assets.flush();
		this.events.saveAll(rows);
		List<Obligation> raised = this.obligations
			.raise(contractId, ObligationTrigger.event(TriggerEvent.ASSET_RECEIVED), new Obligations.Occurrence(
					"RECEIPT-" + number.text(), day, this.form.subject(number.text()), "AssetReceipt:" + receiptId));
		List<UUID> submitted = new ArrayList<>();
		byte[] extract = null;
		for (Obligation obligation : raised) {
			if (!obligation.awaitsSubmission()) {
				continue;
			}
			if (obligation.getDeliverable() == Deliverable.CUSTODY_RECEIPT) {
				submit(actor, contract, obligation, "AssetReceipt:" + receiptId, this.form.comment(number.text()),
						new Obligations.Upload(fileName, "application/pdf", new ByteArrayResource(pdf)));
				submitted.add(obligation.getId());
			}
			else if (obligation.getDeliverable() == Deliverable.RECEIPT_REGISTER) {
				// The register is kept here; the rows this receipt added are its record.
				extract = this.form.registerExtract(contract, draft, rows);
				submit(actor, contract, obligation, "AssetReceipt:" + receiptId,
						this.form.registerComment(number.text()), new Obligations.Upload(
								this.form.registerFileName(draft), "application/pdf", new ByteArrayResource(extract)));
				submitted.add(obligation.getId());
			}
		}
		this.audit.record(AuditRecord.of("ASSET_RECEIVED")
			.actor(actor)
			.target("AssetReceipt", receiptId)
			.detail("contract", contractId)
			.detail("number", number.text())
			.detail("items", rows.size())
			.detail("assets", created.stream().map(Asset::getId).toList())
			.detail("sha256", document.sha256())
			.detail("registerSha256", (extract != null) ? Sha256.of(extract) : "")
			.detail("obligations", raised.stream().map(Obligation::getId).toList())
			.detail("submitted", submitted));
		return saved;
	}

	/**
	 * Corrects an asset: a new event referring to the asset's current one.
	 * @param actor the contractor's lead
	 * @param assetId the asset
	 * @param correction the corrected state, the event corrected and why
	 * @return the new event
	 * @throws InvalidInputProblem naming every field at fault, or when the event
	 * corrected is not the asset's current one
	 */
	@Transactional
	public AssetEvent correct(Actor actor, UUID assetId, CorrectionForm correction) {
		Asset asset = this.assets.findById(assetId).orElseThrow(() -> new NotFoundProblem(ASSET));
		UUID keeper = inPart(actor, asset, ASSET);
		try {
			recordableInPart(actor, asset.getContractId());
		}
		catch (NotFoundProblem ex) {
			throw new NotFoundProblem(ASSET);
		}
		if (!actor.organisationId().equals(keeper)) {
			// Each organisation corrects only the assets its own people received.
			throw new AccessDeniedProblem("error.forbidden");
		}
		List<FieldProblem> problems = correction.problems("");
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		AssetEvent current = current(this.events.findByAssetIdOrderByRecordedAtAsc(assetId));
		if (correction.getCorrectsId() == null || !correction.getCorrectsId().equals(current.getId())) {
			throw new InvalidInputProblem("correctsId", "asset.error.stale");
		}
		RosterMember holder = holder(asset.getContractId(), "holderId", correction.getHolderId(), null);
		requireOwn(actor, "holderId", holder);
		AssetEvent event = this.events
			.save(current.correctedBy(correction, holder, actor.userId(), Instant.now(this.clock)));
		this.audit.record(AuditRecord.of("ASSET_CORRECTED")
			.actor(actor)
			.target("Asset", assetId)
			.detail("contract", asset.getContractId())
			.detail("event", event.getId())
			.detail("corrects", current.getId()));
		return event;
	}

	/**
	 * Opens a custody receipt for a party to the contract; the download is audited.
	 * @param actor the acting user
	 * @param receiptId the receipt
	 * @return the receipt and its PDF; the caller closes the stream
	 */
	@Transactional
	public OpenedReceipt open(Actor actor, UUID receiptId) {
		AssetReceipt receipt = this.receipts.findById(receiptId).orElseThrow(() -> new NotFoundProblem(RECEIPT));
		seen(actor, receipt, RECEIPT);
		this.audit.record(AuditRecord.of("ASSET_CUSTODY_RECEIPT_VIEWED")
			.actor(actor)
			.target("AssetReceipt", receiptId)
			.detail("number", receipt.getNumber())
			.detail("sha256", receipt.getSha256()));
		return new OpenedReceipt(receipt, this.documents.open(receipt.getDocumentKey()));
	}

	/**
	 * Returns the assets a receipt brought in, with their state as received.
	 * @param actor a party to the contract, or the subcontractor whose people received
	 * @param receiptId the receipt
	 * @return the received events in order
	 * @throws NotFoundProblem when the receipt does not exist or is outside the actor's
	 * part
	 */
	@Transactional(readOnly = true)
	public List<AssetEvent> itemsOf(Actor actor, UUID receiptId) {
		AssetReceipt receipt = this.receipts.findById(receiptId).orElseThrow(() -> new NotFoundProblem(RECEIPT));
		seen(actor, receipt, RECEIPT);
		List<AssetEvent> items = new ArrayList<>();
		for (Asset asset : this.assets.findByReceiptIdOrderByPositionAsc(receiptId)) {
			this.events.findByAssetIdOrderByRecordedAtAsc(asset.getId())
				.stream()
				.filter((e) -> e.getType() == AssetEvent.Type.RECEIVED)
				.findFirst()
				.ifPresent(items::add);
		}
		return items;
	}

	static AssetEvent current(List<AssetEvent> history) {
		// The row nobody corrected: corrections form a chain from the received row.
		Set<UUID> corrected = history.stream()
			.map(AssetEvent::getCorrectsId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		return history.stream()
			.filter((e) -> !corrected.contains(e.getId()))
			.reduce((a, b) -> b)
			.orElseThrow(() -> new NotFoundProblem(ASSET));
	}

	private RosterMember holder(UUID contractId, String field, @Nullable UUID holderId,
			@Nullable RosterMember fallback) {
		if (holderId == null && fallback != null) {
			return fallback;
		}
		if (holderId == null) {
			throw new InvalidInputProblem(field, "asset.error.holder.required");
		}
		RosterMember holder = this.rosterReads.findUnscoped(holderId).orElse(null);
		ReceiverRule.requireHolder(contractId, field, ReceiverRule.Person.of(holder));
		// requireHolder refuses a missing member
		return Objects.requireNonNull(holder);
	}

	/**
	 * Returns an active member of the contract's roster named in a request's step or a
	 * shipment.
	 * @param contractId the contract (scoped by the caller)
	 * @param field the field that names the member
	 * @param memberId the member
	 * @return the member
	 * @throws InvalidInputProblem naming the field when no member is named or the member
	 * may not hold assets
	 */
	RosterMember member(UUID contractId, String field, @Nullable UUID memberId) {
		if (memberId == null) {
			throw new InvalidInputProblem(field, "asset.request.error.person");
		}
		return holder(contractId, field, memberId, null);
	}

	/**
	 * Returns a contract the actor is party to, or reports the thing asked for as not
	 * found (so that a stranger learns nothing of the contract).
	 */
	Contract scoped(Actor actor, UUID contractId, String what) {
		try {
			return this.contracts.get(actor, contractId);
		}
		catch (NotFoundProblem ex) {
			throw new NotFoundProblem(what);
		}
	}

	/**
	 * Returns a contract whose register the actor may record in: its contractor's lead,
	 * or an approved subcontractor's lead.
	 */
	private Contract recordableInPart(Actor actor, UUID contractId) {
		Contract contract = this.contracts.getAsParticipant(actor, contractId);
		ContractRoles.require(mayRecord(actor, contract));
		return contract;
	}

	/**
	 * A receipt is in the actor's part when its receiver's organisation is; returns that
	 * organisation.
	 */
	private @Nullable UUID seen(Actor actor, AssetReceipt receipt, String what) {
		return keptBy(actor, receipt.getContractId(), receipt.getReceiverId(), what);
	}

	/**
	 * Returns the organisation of the member keeping a record, when the actor sees it.
	 */
	private @Nullable UUID keptBy(Actor actor, UUID contractId, UUID memberId, String what) {
		UUID keeper = this.rosterReads.findUnscoped(memberId).map(RosterMember::getOrganisationId).orElse(null);
		this.contracts.getForRecord(actor, contractId, keeper, what);
		return keeper;
	}

	/**
	 * An asset is in the actor's part when the receiver of its receipt is, or — for a
	 * copy or a bring-in, which came with no receipt — its current holder.
	 */
	private @Nullable UUID inPart(Actor actor, Asset asset, String what) {
		if (asset.getReceiptId() != null) {
			AssetReceipt receipt = this.receipts.findById(asset.getReceiptId())
				.orElseThrow(() -> new NotFoundProblem(what));
			return seen(actor, receipt, what);
		}
		return keptBy(actor, asset.getContractId(),
				current(this.events.findByAssetIdOrderByRecordedAtAsc(asset.getId())).getHolderId(), what);
	}

	private void requireOwn(Actor actor, String field, @Nullable RosterMember member) {
		if (member != null && !member.getOrganisationId().equals(actor.organisationId())) {
			throw new InvalidInputProblem(field, "asset.error.otherOrganisation", member.getName());
		}
	}

	private Map<UUID, UUID> organisationsOf(UUID contractId) {
		return this.rosterReads.membersUnscoped(contractId)
			.stream()
			.collect(Collectors.toMap(RosterMember::getId, RosterMember::getOrganisationId));
	}

	/**
	 * Submits a written record to an obligation the record raised: as the contractor, or
	 * for a subcontractor's own record as that subcontractor.
	 */
	private void submit(Actor actor, Contract contract, Obligation obligation, String source, String comment,
			Obligations.Upload upload) {
		if (ContractRoles.isParty(actor, contract)) {
			this.obligations.submit(actor, obligation.getId(), comment, List.of(upload));
		}
		else {
			this.obligations.submitFromPart(actor, obligation.getId(), source, List.of(upload), comment);
		}
	}

	/**
	 * Returns a contract whose register the actor may record in: its contractor's lead.
	 */
	Contract recordable(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		ContractRoles.require(mayRecord(actor, contract));
		return contract;
	}

	/**
	 * A contract's register.
	 *
	 * @param contract the contract
	 * @param entries the assets, in order of receipt
	 * @param receipts the receipts, latest first
	 * @param mayRecord whether the actor may record receipts and corrections
	 */
	public record Register(Contract contract, List<Entry> entries, List<AssetReceipt> receipts, boolean mayRecord) {
	}

	/**
	 * An asset of the register.
	 *
	 * @param asset the asset
	 * @param receiptNumber the number of the custody receipt it came with
	 * @param current its current state
	 * @param history every event, oldest first
	 */
	public record Entry(Asset asset, @Nullable String receiptNumber, AssetEvent current, List<AssetEvent> history) {
	}

	/**
	 * A custody receipt opened for reading.
	 *
	 * @param receipt the receipt
	 * @param content its PDF
	 */
	public record OpenedReceipt(AssetReceipt receipt, InputStream content) {
	}

}
