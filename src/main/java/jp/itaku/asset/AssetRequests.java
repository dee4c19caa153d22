package jp.itaku.asset;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jp.itaku.account.UserAccount;
import jp.itaku.account.UserAccounts;
import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.catalog.TriggerEvent;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractStatus;
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
import jp.itaku.platform.Role;
import jp.itaku.platform.Sha256;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.Rosters;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to a contract's information assets after receipt, each step only when the
 * clauses allow it: copies, take-outs and bring-ins, disposals and returns are applied
 * for by the contractor's lead and decided by the client (maker and checker both
 * recorded); shipments are checked against the profile's rules; operational backups are
 * declared once. Every movement is a new row of the asset register; every written form
 * (application, certificate, register extract) is a PDF submitted to the obligations it
 * meets, its SHA-256 in the audit trail.
 */
@Service
public class AssetRequests {

	private static final String REQUEST = "asset.request.entity";

	private static final String SHIPMENT = "asset.shipment.entity";

	private static final Set<Role> WITNESSES = EnumSet.of(Role.CLIENT_OFFICER, Role.CLIENT_SECURITY_ADMIN);

	private static final long FUTURE_TOLERANCE_SECONDS = 300;

	private final AssetRepository assets;

	private final AssetEventRepository events;

	private final AssetRequestRepository requests;

	private final AssetRequestItemRepository items;

	private final AssetShipmentRepository shipments;

	private final AssetBackupRepository backups;

	private final AssetRegister register;

	private final Contracts contracts;

	private final Rosters rosters;

	private final Obligations obligations;

	private final Documents documents;

	private final ClauseCatalog catalog;

	private final AssetRequestForms forms;

	private final UserAccounts users;

	private final AuditTrail audit;

	private final Clock clock;

	private final JdbcClient jdbc;

	AssetRequests(AssetRepository assets, AssetEventRepository events, AssetRequestRepository requests,
			AssetRequestItemRepository items, AssetShipmentRepository shipments, AssetBackupRepository backups,
			AssetRegister register, Contracts contracts, Rosters rosters, Obligations obligations, Documents documents,
			ClauseCatalog catalog, AssetRequestForms forms, UserAccounts users, AuditTrail audit, Clock clock,
			JdbcClient jdbc) {
		this.assets = assets;
		this.events = events;
		this.requests = requests;
		this.items = items;
		this.shipments = shipments;
		this.backups = backups;
		this.register = register;
		this.contracts = contracts;
		this.rosters = rosters;
		this.obligations = obligations;
		this.documents = documents;
		this.catalog = catalog;
		this.forms = forms;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	// ------------------------------------------------------------------ reading

	/**
	 * Returns a contract's requests, shipments and backup declaration.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the overview
	 */
	@Transactional(readOnly = true)
	public Overview overview(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		Instant now = Instant.now(this.clock);
		List<AssetRequest> list = this.requests.findByContractIdOrderByRequestedAtDesc(contractId);
		return new Overview(contract, list, this.shipments.findByContractIdOrderByShippedAtDesc(contractId),
				this.backups.findById(contractId).orElse(null), this.register.mayRecord(actor, contract),
				mayDecide(actor, contract), list.stream().filter((r) -> r.isOverdue(now)).count());
	}

	/**
	 * Returns one request with its assets and what the actor may do with it.
	 * @param actor a party to the request's contract
	 * @param requestId the request
	 * @return the detail
	 */
	@Transactional(readOnly = true)
	public Detail detail(Actor actor, UUID requestId) {
		AssetRequest request = this.requests.findById(requestId).orElseThrow(() -> new NotFoundProblem(REQUEST));
		Contract contract = this.register.scoped(actor, request.getContractId(), REQUEST);
		boolean contractor = this.register.mayRecord(actor, contract);
		boolean client = mayDecide(actor, contract);
		return new Detail(contract, request, states(requestId), contractor, client,
				request.getWitnessId() != null && request.getWitnessId().equals(actor.userId()),
				client ? witnesses(contract) : List.of(),
				contractor ? this.register.holders(contract.getId()) : List.of(),
				request.isOverdue(Instant.now(this.clock)));
	}

	/**
	 * Returns the assets that may be named in a new request of a type: in custody, and
	 * not in another open request (copies aside).
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @param type the type of request
	 * @return the assets with their current state
	 */
	@Transactional(readOnly = true)
	public List<AssetRegister.Entry> requestable(Actor actor, UUID contractId, RequestType type) {
		return this.register.register(actor, contractId)
			.entries()
			.stream()
			.filter((e) -> e.current().getStatus() == AssetEvent.Status.IN_CUSTODY)
			.filter((e) -> type == RequestType.COPY || busy(e.asset().getId()) == null)
			.toList();
	}

	/**
	 * Returns the roster members who may take, hold, send or confirm assets: the active
	 * members of the contract's roster.
	 * @param contractId the contract (scoped by the caller)
	 * @return the members
	 */
	@Transactional(readOnly = true)
	public List<RosterMember> people(UUID contractId) {
		return this.register.holders(contractId);
	}

	/**
	 * Returns the take-outs past their planned return on the contracts the actor may see.
	 * @param actor the acting user
	 * @return the overdue take-outs, the longest overdue first
	 */
	@Transactional(readOnly = true)
	public List<Overdue> overdueTakeOuts(Actor actor) {
		// Few take-outs are ever overdue at once (a partial index finds them), so they
		// are
		// found first and then kept only when the actor is party to their contract.
		List<Overdue> visible = new ArrayList<>();
		for (AssetRequest request : this.requests.overdueTakeOuts(Instant.now(this.clock))) {
			this.contracts.findUnscoped(request.getContractId())
				.filter((contract) -> this.contracts.isParty(actor, contract))
				.ifPresent((contract) -> visible.add(new Overdue(contract, request)));
		}
		return visible;
	}

	// ------------------------------------------------------------------ applying

	/**
	 * Applies for the client's approval.
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @param form the application
	 * @return the request
	 * @throws InvalidInputProblem naming every field at fault (a protection the clauses
	 * demand is cited with its clause); nothing is stored then
	 */
	@Transactional
	public AssetRequest request(Actor actor, UUID contractId, AssetRequestForm form) {
		Contract contract = this.register.recordable(actor, contractId);
		List<FieldProblem> problems = new ArrayList<>(form.problems());
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		List<UUID> assetIds = form.getType().hasItems() ? form.items() : List.of();
		List<AssetEvent> states = new ArrayList<>();
		for (UUID assetId : assetIds) {
			Asset asset = this.assets.findById(assetId).orElse(null);
			if (asset == null || !asset.getContractId().equals(contractId)) {
				throw new InvalidInputProblem("assetIds", "asset.request.error.unknownAsset");
			}
			AssetEvent state = AssetRegister.current(this.events.findByAssetIdOrderByRecordedAtAsc(assetId));
			if (state.getStatus() != AssetEvent.Status.IN_CUSTODY) {
				problems.add(new FieldProblem("assetIds", "asset.request.error.notInCustody", state.getDescription()));
			}
			AssetRequest open = busy(assetId);
			if (form.getType() != RequestType.COPY && open != null) {
				problems.add(new FieldProblem("assetIds", "asset.request.error.busy", state.getDescription(),
						open.getNumber()));
			}
			states.add(state);
		}
		String personName = null;
		if (form.getType() == RequestType.TAKE_OUT || form.getType() == RequestType.BRING_IN) {
			RosterMember person = this.rosters.findUnscoped(form.getPersonId()).orElse(null);
			ReceiverRule.requireHolder(contractId, "personId", ReceiverRule.Person.of(person));
			personName = person.getName();
		}
		ProfileDefinition profile = this.catalog.get(contract.getProfileId()).definition();
		if (form.getType() == RequestType.TAKE_OUT) {
			for (AssetEvent state : states) {
				problems.addAll(AssetClauses.takeOutProblems(AssetClauses.demands(profile, contract.getAttributes(),
						GuardedAction.TAKE_OUT, AssetClauses.Facts.of(state)), form));
			}
		}
		AssetBackup backup = this.backups.findById(contractId).orElse(null);
		if (form.getType() == RequestType.DISPOSAL && form.isIncludeBackups()) {
			if (backup == null) {
				problems.add(new FieldProblem("includeBackups", "asset.backup.error.none"));
			}
			else if (backup.isErased()) {
				problems.add(new FieldProblem("includeBackups", "asset.backup.error.erasedAlready"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems.stream().distinct().toList());
		}
		Instant now = Instant.now(this.clock);
		LocalDate day = ItakuTime.inTokyo(now).toLocalDate();
		lock("asset_request:" + contractId);
		ReceiptNumber number = ReceiptNumber.next(day.getYear(), this.requests.lastSeq(contractId, day.getYear()));
		AssetRequest request = new AssetRequest(UUID.randomUUID(), contractId, number, form, personName, actor.userId(),
				now);
		byte[] pdf = this.forms.application(contract, request, actor.displayName(), states, backup);
		String fileName = this.forms.fileName(this.forms.text("asset.request.pdf.file." + request.getType().name()),
				request.getNumber());
		UploadedDocument document = this.documents.accept(fileName, "application/pdf", new ByteArrayInputStream(pdf));
		request.application(document.key(), document.sha256());
		this.requests.saveAndFlush(request);
		for (int i = 0; i < assetIds.size(); i++) {
			this.items.save(new AssetRequestItem(request.getId(), assetIds.get(i), i + 1));
		}
		List<Obligation> raised = raise(contract, request, states, day);
		List<UUID> submitted = (request.getType().application() != null)
				? submit(actor, contractId, request.getType().application(), key(request),
						this.forms.text("asset.request.obligation.comment",
								this.forms.text("asset.request.type." + request.getType().name()), request.getNumber()),
						fileName, pdf)
				: List.of();
		this.audit.record(AuditRecord.of("ASSET_REQUESTED")
			.actor(actor)
			.target("AssetRequest", request.getId())
			.detail("contract", contractId)
			.detail("type", request.getType().name())
			.detail("number", request.getNumber())
			.detail("assets", assetIds)
			.detail("sha256", document.sha256())
			.detail("obligations", raised.stream().map(Obligation::getId).toList())
			.detail("submitted", submitted));
		return request;
	}

	/**
	 * Withdraws a request the client has not decided.
	 * @param actor the contractor's lead
	 * @param requestId the request
	 */
	@Transactional
	public void withdraw(Actor actor, UUID requestId) {
		AssetRequest request = contractorRequest(actor, requestId);
		request.withdraw();
		this.audit.record(AuditRecord.of("ASSET_REQUEST_WITHDRAWN").actor(actor).target("AssetRequest", requestId));
	}

	// ------------------------------------------------------------------ deciding

	/**
	 * The client approves: the written application submitted for the request is accepted
	 * with it. A disposal by a third party needs that approved explicitly (Nerima 21②); a
	 * disposal may name a client officer to witness it.
	 * @param actor a client officer or security administrator of the contract's client
	 * @param requestId the request
	 * @param step the comment, third-party approval and witness
	 */
	@Transactional
	public void approve(Actor actor, UUID requestId, AssetStepForm step) {
		AssetRequest request = clientRequest(actor, requestId);
		Contract contract = this.contracts.findUnscoped(request.getContractId()).orElseThrow();
		String witnessName = null;
		if (step.getWitnessId() != null) {
			witnessName = witnesses(contract).stream()
				.filter((u) -> u.getId().equals(step.getWitnessId()))
				.map(UserAccount::getDisplayName)
				.findFirst()
				.orElseThrow(() -> new InvalidInputProblem("witnessId", "asset.request.error.witness"));
		}
		request.approve(actor.userId(), actor.displayName(), step.getComment(), step.isThirdPartyApproved(),
				step.getWitnessId(), witnessName, Instant.now(this.clock));
		List<UUID> reviewed = review(actor, request, true, step.getComment());
		this.audit.record(AuditRecord.of("ASSET_REQUEST_APPROVED")
			.actor(actor)
			.target("AssetRequest", requestId)
			.detail("number", request.getNumber())
			.detail("requestedBy", request.getRequestedBy())
			.detail("thirdParty", (request.getThirdParty() != null) ? request.getThirdParty() : "")
			.detail("witness", (request.getWitnessId() != null) ? request.getWitnessId().toString() : "")
			.detail("reviewed", reviewed));
	}

	/**
	 * The client rejects, with a reason; the written application is returned with it.
	 * @param actor a client officer or security administrator of the contract's client
	 * @param requestId the request
	 * @param reason why
	 */
	@Transactional
	public void reject(Actor actor, UUID requestId, String reason) {
		AssetRequest request = clientRequest(actor, requestId);
		request.reject(actor.userId(), actor.displayName(), reason, Instant.now(this.clock));
		List<UUID> reviewed = review(actor, request, false, reason);
		this.audit.record(AuditRecord.of("ASSET_REQUEST_REJECTED")
			.actor(actor)
			.target("AssetRequest", requestId)
			.detail("number", request.getNumber())
			.detail("requestedBy", request.getRequestedBy())
			.detail("reviewed", reviewed));
	}

	// ------------------------------------------------------------------ acting

	/**
	 * Records an approved copy: a new asset derived from the one copied.
	 * @param actor the contractor's lead
	 * @param requestId the approved copy request
	 * @param step when it was made and who holds the copy
	 * @return the copy
	 */
	@Transactional
	public Asset recordCopy(Actor actor, UUID requestId, AssetStepForm step) {
		AssetRequest request = contractorRequest(actor, requestId);
		Instant at = at(step.getAt());
		RosterMember holder = member(request.getContractId(), "personId", step.getPersonId());
		request.copied(at, holder.getName());
		AssetRequestItem item = this.items.findByRequestIdOrderByPositionAsc(requestId).get(0);
		Asset source = this.assets.findById(item.getAssetId()).orElseThrow();
		AssetEvent sourceState = AssetRegister.current(this.events.findByAssetIdOrderByRecordedAtAsc(source.getId()));
		Instant now = Instant.now(this.clock);
		Asset copy = Asset.copyOf(source, now);
		this.assets.saveAndFlush(copy);
		this.events.save(
				AssetEvent.copied(copy, sourceState, request.getCopies(), holder, requestId, at, actor.userId(), now));
		List<UUID> submitted = registerExtract(actor, request, List.of(sourceState));
		this.audit.record(AuditRecord.of("ASSET_COPIED")
			.actor(actor)
			.target("Asset", copy.getId())
			.detail("request", requestId)
			.detail("source", source.getId())
			.detail("copies", request.getCopies())
			.detail("submitted", submitted));
		return copy;
	}

	/**
	 * Records an approved take-out leaving, or an approved bring-in entering the site. A
	 * take-out that is not approved is refused.
	 * @param actor the contractor's lead
	 * @param requestId the request
	 * @param step when
	 */
	@Transactional
	public void start(Actor actor, UUID requestId, AssetStepForm step) {
		AssetRequest request = contractorRequest(actor, requestId);
		Instant at = at(step.getAt());
		request.start(at, request.getPersonName());
		Instant now = Instant.now(this.clock);
		List<UUID> moved = new ArrayList<>();
		for (AssetEvent state : states(requestId)) {
			this.events.save(state.moved(AssetEvent.Type.TAKEN_OUT, AssetEvent.Status.TAKEN_OUT, null, requestId, null,
					at, actor.userId(), now));
			moved.add(state.getAssetId());
		}
		this.audit
			.record(AuditRecord.of((request.getType() == RequestType.TAKE_OUT) ? "ASSET_TAKEN_OUT" : "ASSET_BROUGHT_IN")
				.actor(actor)
				.target("AssetRequest", requestId)
				.detail("number", request.getNumber())
				.detail("assets", moved)
				.detail("at", at));
	}

	/**
	 * Records a take-out coming back, its return confirmed by a person on the roster, or
	 * a bring-in leaving the site; the register extract is submitted.
	 * @param actor the contractor's lead
	 * @param requestId the request in progress
	 * @param step when, and who confirmed
	 */
	@Transactional
	public void finish(Actor actor, UUID requestId, AssetStepForm step) {
		AssetRequest request = contractorRequest(actor, requestId);
		Instant at = at(step.getAt());
		RosterMember confirmer = member(request.getContractId(), "personId", step.getPersonId());
		request.finish(at, confirmer.getName());
		Instant now = Instant.now(this.clock);
		List<AssetEvent> states = states(requestId);
		for (AssetEvent state : states) {
			this.events.save(state.moved(AssetEvent.Type.BROUGHT_BACK, AssetEvent.Status.IN_CUSTODY, null, requestId,
					null, at, actor.userId(), now));
		}
		List<UUID> submitted = registerExtract(actor, request, states);
		this.audit.record(AuditRecord
			.of((request.getType() == RequestType.TAKE_OUT) ? "ASSET_BROUGHT_BACK" : "ASSET_BRING_IN_REMOVED")
			.actor(actor)
			.target("AssetRequest", requestId)
			.detail("number", request.getNumber())
			.detail("confirmedBy", confirmer.getId())
			.detail("at", at)
			.detail("submitted", submitted));
	}

	/**
	 * The officer named as witness confirms having witnessed a disposal.
	 * @param actor the witness
	 * @param requestId the approved disposal
	 * @param step when, and remarks
	 */
	@Transactional
	public void witness(Actor actor, UUID requestId, AssetStepForm step) {
		AssetRequest request = this.requests.findById(requestId).orElseThrow(() -> new NotFoundProblem(REQUEST));
		this.register.scoped(actor, request.getContractId(), REQUEST);
		Instant at = at(step.getAt());
		request.witnessed(actor.userId(), at, step.getComment());
		this.audit.record(AuditRecord.of("ASSET_DISPOSAL_WITNESSED")
			.actor(actor)
			.target("AssetRequest", requestId)
			.detail("number", request.getNumber())
			.detail("at", at));
	}

	/**
	 * Reports a disposal done — the assets' register rows say so and the disposal
	 * certificate (廃棄証明書) is issued and submitted — or assets handed back, with the
	 * return note submitted, for the client to confirm.
	 * @param actor the contractor's lead
	 * @param requestId the approved (and, if asked, witnessed) request
	 * @param step when, the person in charge, what and how, and for a return who received
	 * @return the request
	 */
	@Transactional
	public AssetRequest report(Actor actor, UUID requestId, AssetStepForm step) {
		AssetRequest request = contractorRequest(actor, requestId);
		Instant at = at(step.getAt());
		RosterMember person = member(request.getContractId(), "personId", step.getPersonId());
		String detail = AssetItemForm.clean(step.getDetail());
		if (detail == null) {
			throw new InvalidInputProblem("detail", "asset.request.error.detail");
		}
		if (detail.length() > AssetRequestForm.TEXT_MAX) {
			throw new InvalidInputProblem("detail", "asset.request.error.tooLong",
					String.valueOf(AssetRequestForm.TEXT_MAX));
		}
		if (request.getDecidedAt() != null && at.isBefore(request.getDecidedAt().truncatedTo(ChronoUnit.MINUTES))) {
			throw new InvalidInputProblem("at", "asset.request.error.beforeApproval");
		}
		request.report(at, person.getName(), detail, step.getReceivedBy());
		Contract contract = this.contracts.findUnscoped(request.getContractId()).orElseThrow();
		List<AssetEvent> states = states(requestId);
		Instant now = Instant.now(this.clock);
		List<UUID> submitted = new ArrayList<>();
		byte[] pdf;
		String fileName;
		AssetBackup backup = this.backups.findById(contract.getId()).orElse(null);
		if (request.getType() == RequestType.DISPOSAL) {
			for (AssetEvent state : states) {
				this.events.save(state.moved(AssetEvent.Type.DISPOSED, AssetEvent.Status.DISPOSED, null, requestId,
						null, at, actor.userId(), now));
			}
			if (request.isIncludeBackups() && backup != null) {
				backup.erased(requestId, at);
			}
			pdf = this.forms.certificate(contract, request, states, backup);
			fileName = this.forms.fileName(this.forms.text("asset.certificate.file"), request.getNumber());
			for (String period : List.of(key(request), "END")) {
				submitted.addAll(submit(actor, contract.getId(), Deliverable.DISPOSAL_REPORT, period,
						this.forms.text("asset.certificate.comment", request.getNumber()), fileName, pdf));
			}
			submitted.addAll(registerExtract(actor, request, states));
		}
		else {
			pdf = this.forms.returnReceipt(contract, request, states, null);
			fileName = this.forms.fileName(this.forms.text("asset.returnNote.file"), request.getNumber());
			for (String period : List.of(key(request), "END")) {
				submitted.addAll(submit(actor, contract.getId(), Deliverable.RETURN_RECORD, period,
						this.forms.text("asset.returnNote.comment", request.getNumber()), fileName, pdf));
			}
		}
		UploadedDocument document = this.documents.accept(fileName, "application/pdf", new ByteArrayInputStream(pdf));
		request.certificate(document.key(), document.sha256(), document.fileName());
		this.audit.record(
				AuditRecord.of((request.getType() == RequestType.DISPOSAL) ? "ASSET_DISPOSED" : "ASSET_RETURN_REPORTED")
					.actor(actor)
					.target("AssetRequest", requestId)
					.detail("number", request.getNumber())
					.detail("assets", states.stream().map(AssetEvent::getAssetId).toList())
					.detail("backups", request.isIncludeBackups())
					.detail("sha256", document.sha256())
					.detail("submitted", submitted));
		return request;
	}

	/**
	 * The client confirms it received the assets returned: their register rows say so,
	 * and the return receipt (返却受領書) is issued; the return note submitted is accepted.
	 * @param actor a client officer or security administrator of the contract's client
	 * @param requestId the reported return
	 */
	@Transactional
	public void confirmReturn(Actor actor, UUID requestId) {
		AssetRequest request = this.requests.findById(requestId).orElseThrow(() -> new NotFoundProblem(REQUEST));
		Contract contract = this.register.scoped(actor, request.getContractId(), REQUEST);
		if (!mayDecide(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		Instant now = Instant.now(this.clock);
		request.confirmReturn(actor.userId(), now);
		List<AssetEvent> states = states(requestId);
		for (AssetEvent state : states) {
			this.events.save(state.moved(AssetEvent.Type.RETURNED, AssetEvent.Status.RETURNED, null, requestId, null,
					request.getCompletedAt(), actor.userId(), now));
		}
		byte[] pdf = this.forms.returnReceipt(contract, request, states, actor.displayName());
		String fileName = this.forms.fileName(this.forms.text("asset.returnReceipt.file"), request.getNumber());
		UploadedDocument document = this.documents.accept(fileName, "application/pdf", new ByteArrayInputStream(pdf));
		request.certificate(document.key(), document.sha256(), document.fileName());
		List<UUID> reviewed = new ArrayList<>();
		for (String period : List.of(key(request), "END")) {
			reviewed.addAll(accept(actor, contract.getId(), Deliverable.RETURN_RECORD, period,
					this.forms.text("asset.returnReceipt.comment", request.getNumber())));
		}
		this.audit.record(AuditRecord.of("ASSET_RETURN_CONFIRMED")
			.actor(actor)
			.target("AssetRequest", requestId)
			.detail("number", request.getNumber())
			.detail("assets", states.stream().map(AssetEvent::getAssetId).toList())
			.detail("sha256", document.sha256())
			.detail("reviewed", reviewed));
	}

	// ------------------------------------------------------------------ shipments

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
		RosterMember sender = member(contractId, "senderId", form.getSenderId());
		ProfileDefinition profile = this.catalog.get(contract.getProfileId()).definition();
		problems.addAll(AssetClauses.shipmentProblems(AssetClauses.demands(profile, contract.getAttributes(),
				GuardedAction.SHIPMENT, AssetClauses.Facts.of(state)), form));
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		Instant at = at(form.getShippedAt());
		Instant now = Instant.now(this.clock);
		lock("asset_shipment:" + contractId);
		String number = new ReceiptNumber(ItakuTime.inTokyo(at).getYear(),
				(int) this.shipments.countByContractId(contractId) + 1)
			.text("送");
		AssetShipment shipment = this.shipments
			.saveAndFlush(new AssetShipment(contractId, number, form, at, sender.getName(), actor.userId(), now));
		this.events.save(state.moved(AssetEvent.Type.SHIPPED, AssetEvent.Status.IN_TRANSIT, null, null,
				shipment.getId(), at, actor.userId(), now));
		LocalDate day = ItakuTime.inTokyo(at).toLocalDate();
		List<Obligation> raised = this.obligations.raise(contractId, ObligationTrigger.before(GuardedAction.SHIPMENT),
				new Obligations.Occurrence("SHIP-" + number, day,
						this.forms.text("asset.shipment.subject", number, state.getDescription()),
						"AssetShipment:" + shipment.getId()),
				(r) -> AssetClauses.concerns(r, AssetClauses.Facts.of(state)));
		byte[] extract = this.forms.shipmentExtract(contract, shipment, state);
		List<UUID> submitted = submit(actor, contractId, Deliverable.SHIPMENT_REGISTER, "SHIP-" + number,
				this.forms.text("asset.shipment.comment", number), this.forms.fileName("送付管理簿", number), extract);
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
		Instant at = at(step.getAt());
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

	// ------------------------------------------------------------------ backups

	/**
	 * Declares the contract's operational backups, once, as the permitted exception to
	 * per-copy approval.
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @param form what, where, how long
	 * @return the declaration
	 */
	@Transactional
	public AssetBackup declareBackups(Actor actor, UUID contractId, BackupForm form) {
		this.register.recordable(actor, contractId);
		List<FieldProblem> problems = form.problems();
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		if (this.backups.existsById(contractId)) {
			throw new InvalidInputProblem("description", "asset.backup.error.declaredAlready");
		}
		AssetBackup backup = this.backups.save(new AssetBackup(contractId, AssetItemForm.clean(form.getDescription()),
				AssetItemForm.clean(form.getStorage()), AssetItemForm.clean(form.getRetention()), actor.userId(),
				Instant.now(this.clock)));
		this.audit.record(AuditRecord.of("ASSET_BACKUPS_DECLARED")
			.actor(actor)
			.target("Contract", contractId)
			.detail("contract", contractId));
		return backup;
	}

	/**
	 * The client approves the backup declaration.
	 * @param actor a client officer or security administrator of the contract's client
	 * @param contractId the contract
	 */
	@Transactional
	public void approveBackups(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		if (!mayDecide(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		AssetBackup backup = this.backups.findById(contractId)
			.orElseThrow(() -> new InvalidInputProblem("status", "asset.backup.error.none"));
		backup.approve(actor.userId(), actor.displayName(), Instant.now(this.clock));
		this.audit.record(AuditRecord.of("ASSET_BACKUPS_APPROVED")
			.actor(actor)
			.target("Contract", contractId)
			.detail("contract", contractId));
	}

	// ------------------------------------------------------------------ documents

	/**
	 * Opens a request's application or its certificate (disposal certificate, return note
	 * or return receipt) for a party to the contract; the download is audited.
	 * @param actor the acting user
	 * @param requestId the request
	 * @param certificate {@code true} for the certificate, {@code false} for the
	 * application
	 * @return the file name and content; the caller closes the stream
	 */
	@Transactional
	public OpenedDocument open(Actor actor, UUID requestId, boolean certificate) {
		AssetRequest request = this.requests.findById(requestId).orElseThrow(() -> new NotFoundProblem(REQUEST));
		this.register.scoped(actor, request.getContractId(), REQUEST);
		String key = certificate ? request.getCertificateKey() : request.getApplicationKey();
		if (key == null) {
			throw new NotFoundProblem("asset.certificate.entity");
		}
		String fileName = certificate ? request.getCertificateFile() : this.forms
			.fileName(this.forms.text("asset.request.pdf.file." + request.getType().name()), request.getNumber());
		String sha256 = certificate ? request.getCertificateSha256() : request.getApplicationSha256();
		this.audit.record(AuditRecord.of("ASSET_REQUEST_DOCUMENT_VIEWED")
			.actor(actor)
			.target("AssetRequest", requestId)
			.detail("document", certificate ? "certificate" : "application")
			.detail("sha256", sha256));
		return new OpenedDocument(fileName, this.documents.open(key));
	}

	// ------------------------------------------------------------------ close-out

	/**
	 * Lists what keeps a contract from being closed as far as its assets go: every asset
	 * and copy not returned or disposed of with a report, every open request, backups not
	 * erased.
	 * @param contractId the contract
	 * @return the problems, in the order of the register
	 */
	@Transactional(readOnly = true)
	public List<FieldProblem> closingBlockers(UUID contractId) {
		List<FieldProblem> blockers = new ArrayList<>();
		Map<UUID, List<AssetEvent>> byAsset = new HashMap<>();
		for (AssetEvent event : this.events.findByContractIdOrderByRecordedAtAsc(contractId)) {
			byAsset.computeIfAbsent(event.getAssetId(), (k) -> new ArrayList<>()).add(event);
		}
		for (Asset asset : this.assets.findByContractIdOrderByCreatedAtAscPositionAsc(contractId)) {
			List<AssetEvent> history = byAsset.get(asset.getId());
			if (history == null) {
				continue;
			}
			AssetEvent state = AssetRegister.current(history);
			if (!state.getStatus().isSettled()) {
				blockers.add(new FieldProblem("status", asset.isCopy() ? "asset.close.copy" : "asset.close.asset",
						state.getDescription(), label("asset.status." + state.getStatus().name())));
			}
		}
		for (AssetRequest request : this.requests.findByContractIdOrderByRequestedAtDesc(contractId)) {
			if (request.getStatus().isOpen()) {
				blockers.add(new FieldProblem("status", "asset.close.request", request.getNumber()));
			}
		}
		this.backups.findById(contractId)
			.filter((b) -> !b.isErased())
			.ifPresent((b) -> blockers.add(new FieldProblem("status", "asset.close.backups", b.getDescription())));
		return blockers;
	}

	// ------------------------------------------------------------------ overdue

	/**
	 * Returns the overdue take-outs nobody has been told about yet, for the notifier.
	 * @return the take-outs
	 */
	@Transactional(readOnly = true)
	public List<AssetRequest> overdueUnnotified() {
		return this.requests.overdueUnnotified(Instant.now(this.clock));
	}

	/**
	 * Marks an overdue take-out as notified.
	 * @param requestId the take-out
	 */
	@Transactional
	public void markOverdueNotified(UUID requestId) {
		this.requests.findById(requestId).ifPresent((r) -> r.overdueNotified(Instant.now(this.clock)));
	}

	// ------------------------------------------------------------------ helpers

	private static Object label(String key) {
		// Resolved in the reader's language with the message that names it.
		return new DefaultMessageSourceResolvable(key);
	}

	static String key(AssetRequest request) {
		return "REQ-" + request.getNumber();
	}

	private List<Obligation> raise(Contract contract, AssetRequest request, List<AssetEvent> states, LocalDate day) {
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

	private List<UUID> submit(Actor actor, UUID contractId, Deliverable deliverable, String periodKey, String comment,
			String fileName, byte[] pdf) {
		return this.obligations.submitFor(actor, contractId, deliverable, periodKey, comment,
				List.of(new Obligations.Upload(fileName, "application/pdf", new ByteArrayResource(pdf))));
	}

	private List<UUID> registerExtract(Actor actor, AssetRequest request, List<AssetEvent> states) {
		Deliverable register = request.getType().register();
		if (register == null
				|| this.obligations.findUnscoped(request.getContractId(), register, key(request)).isEmpty()) {
			return List.of();
		}
		Contract contract = this.contracts.findUnscoped(request.getContractId()).orElseThrow();
		byte[] extract = this.forms.registerExtract(contract, request, states);
		return submit(actor, request.getContractId(), register, key(request),
				this.forms.text("asset.registerExtract.comment", request.getNumber()),
				this.forms.fileName(this.forms.text("asset.registerExtract.file." + request.getType().name()),
						request.getNumber()),
				extract);
	}

	private List<UUID> review(Actor actor, AssetRequest request, boolean accept, String comment) {
		if (request.getType().application() == null) {
			return List.of();
		}
		return review(actor, request.getContractId(), request.getType().application(), key(request), accept,
				(comment != null && !comment.isBlank()) ? comment
						: this.forms.text(accept ? "asset.request.approvedComment" : "asset.request.rejectedComment",
								request.getNumber()));
	}

	private List<UUID> accept(Actor actor, UUID contractId, Deliverable deliverable, String periodKey, String comment) {
		return review(actor, contractId, deliverable, periodKey, true, comment);
	}

	private List<UUID> review(Actor actor, UUID contractId, Deliverable deliverable, String periodKey, boolean accept,
			String comment) {
		return this.obligations.reviewFor(actor, contractId, deliverable, periodKey, accept, comment);
	}

	private List<AssetEvent> states(UUID requestId) {
		List<AssetEvent> states = new ArrayList<>();
		for (AssetRequestItem item : this.items.findByRequestIdOrderByPositionAsc(requestId)) {
			states.add(AssetRegister.current(this.events.findByAssetIdOrderByRecordedAtAsc(item.getAssetId())));
		}
		return states;
	}

	/**
	 * Returns the open request (other than a copy) an asset is in, if any.
	 */
	private AssetRequest busy(UUID assetId) {
		Collection<UUID> ids = this.items.findByAssetId(assetId).stream().map(AssetRequestItem::getRequestId).toList();
		return this.requests.findAllById(ids)
			.stream()
			.filter((r) -> r.getType() != RequestType.COPY && r.getStatus().isOpen())
			.findFirst()
			.orElse(null);
	}

	private List<UserAccount> witnesses(Contract contract) {
		return this.users.enabledUsersUnscoped(contract.getClientOrganisationId(), WITNESSES);
	}

	private RosterMember member(UUID contractId, String field, UUID memberId) {
		if (memberId == null) {
			throw new InvalidInputProblem(field, "asset.request.error.person");
		}
		RosterMember member = this.rosters.findUnscoped(memberId).orElse(null);
		ReceiverRule.requireHolder(contractId, field, ReceiverRule.Person.of(member));
		return member;
	}

	private Instant at(LocalDateTime local) {
		if (local == null) {
			throw new InvalidInputProblem("at", "asset.request.error.at");
		}
		Instant at = local.atZone(ItakuTime.ZONE).toInstant();
		if (at.isAfter(Instant.now(this.clock).plusSeconds(FUTURE_TOLERANCE_SECONDS))) {
			throw new InvalidInputProblem("at", "asset.request.error.future");
		}
		return at;
	}

	private void lock(String key) {
		// Numbers of one contract are issued one at a time, also across nodes; the lock
		// ends with the transaction.
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", key).query((rs, n) -> 1).list();
	}

	private boolean mayDecide(Actor actor, Contract contract) {
		return WITNESSES.contains(actor.role()) && contract.getClientOrganisationId().equals(actor.organisationId())
				&& contract.getStatus() != ContractStatus.CLOSED;
	}

	private AssetRequest contractorRequest(Actor actor, UUID requestId) {
		AssetRequest request = this.requests.findById(requestId).orElseThrow(() -> new NotFoundProblem(REQUEST));
		try {
			this.register.recordable(actor, request.getContractId());
		}
		catch (NotFoundProblem ex) {
			throw new NotFoundProblem(REQUEST);
		}
		return request;
	}

	private AssetRequest clientRequest(Actor actor, UUID requestId) {
		AssetRequest request = this.requests.findById(requestId).orElseThrow(() -> new NotFoundProblem(REQUEST));
		Contract contract = this.register.scoped(actor, request.getContractId(), REQUEST);
		if (!mayDecide(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		return request;
	}

	/**
	 * A contract's requests, shipments and backups.
	 *
	 * @param contract the contract
	 * @param requests the requests, latest first
	 * @param shipments the shipments, latest first
	 * @param backup the backup declaration, or {@code null}
	 * @param mayApply whether the actor may apply and record
	 * @param mayDecide whether the actor may decide
	 * @param overdue how many take-outs are overdue
	 */
	public record Overview(Contract contract, List<AssetRequest> requests, List<AssetShipment> shipments,
			AssetBackup backup, boolean mayApply, boolean mayDecide, long overdue) {
	}

	/**
	 * A request with its assets and what the actor may do.
	 *
	 * @param contract the contract
	 * @param request the request
	 * @param items the assets' current state
	 * @param mayAct whether the actor is the contractor's lead
	 * @param mayDecide whether the actor may decide for the client
	 * @param isWitness whether the actor is the named witness
	 * @param witnesses the client's users who may witness (for the decider)
	 * @param people the roster members who may take, hold or confirm (for the lead)
	 * @param overdue whether a take-out is overdue
	 */
	public record Detail(Contract contract, AssetRequest request, List<AssetEvent> items, boolean mayAct,
			boolean mayDecide, boolean isWitness, List<UserAccount> witnesses, List<RosterMember> people,
			boolean overdue) {
	}

	/**
	 * A take-out past its planned return.
	 *
	 * @param contract its contract
	 * @param request the take-out
	 */
	public record Overdue(Contract contract, AssetRequest request) {
	}

	/**
	 * A document opened for reading.
	 *
	 * @param fileName its name
	 * @param content its content
	 */
	public record OpenedDocument(String fileName, InputStream content) {
	}

}
