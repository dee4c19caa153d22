package jp.itaku.asset;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jp.itaku.account.AccountSystemReads;
import jp.itaku.account.UserAccount;
import jp.itaku.account.UserAccounts;
import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.ContractStatus;
import jp.itaku.contract.ContractSystemReads;
import jp.itaku.contract.Contracts;
import jp.itaku.document.Documents;
import jp.itaku.document.UploadedDocument;
import jp.itaku.obligation.Obligation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.ItakuTime;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.roster.RosterMember;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requests of a contract's information assets after receipt, each step only when the
 * clauses allow it: copies, take-outs and bring-ins, disposals and returns are applied
 * for by the contractor's lead and decided by the client (maker and checker both
 * recorded), then carried out and reported. Every movement is a new row of the asset
 * register; every written form (application, certificate, register extract) is a PDF
 * submitted to the obligations it meets ({@link AssetSubmissions}), its SHA-256 in the
 * audit trail. Shipments are {@link AssetShipments}, operational backups
 * {@link AssetBackups}.
 */
@Service
public class AssetRequests {

	private static final String REQUEST = "asset.request.entity";

	private final AssetRepository assets;

	private final AssetEventRepository events;

	private final AssetRequestRepository requests;

	private final AssetRequestItemRepository items;

	private final AssetRegister register;

	private final AssetBackups backups;

	private final AssetNumbers numbers;

	private final AssetSubmissions submissions;

	private final AssetRequestForms forms;

	private final AssetEndOfContract endOfContract;

	private final Contracts contracts;

	private final ContractSystemReads contractReads;

	private final ClauseCatalog catalog;

	private final Documents documents;

	private final UserAccounts users;

	private final AccountSystemReads accountReads;

	private final AuditTrail audit;

	private final Clock clock;

	AssetRequests(AssetRepository assets, AssetEventRepository events, AssetRequestRepository requests,
			AssetRequestItemRepository items, AssetRegister register, AssetBackups backups, AssetNumbers numbers,
			AssetSubmissions submissions, AssetRequestForms forms, Contracts contracts, ClauseCatalog catalog,
			Documents documents, UserAccounts users, AuditTrail audit, Clock clock, AccountSystemReads accountReads,
			ContractSystemReads contractReads, AssetEndOfContract endOfContract) {
		this.contractReads = contractReads;
		this.accountReads = accountReads;
		this.endOfContract = endOfContract;
		this.assets = assets;
		this.events = events;
		this.requests = requests;
		this.items = items;
		this.register = register;
		this.backups = backups;
		this.numbers = numbers;
		this.submissions = submissions;
		this.forms = forms;
		this.contracts = contracts;
		this.catalog = catalog;
		this.documents = documents;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	// ------------------------------------------------------------------ reading

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
		boolean client = ContractRoles.decidesForClientWhileOpen(actor, contract);
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
			this.contractReads.findUnscoped(request.getContractId())
				.filter((contract) -> ContractRoles.isParty(actor, contract))
				.ifPresent((contract) -> visible.add(new Overdue(contract, request)));
		}
		return visible;
	}

	/**
	 * Returns the applications that wait for the actor's decision: requests of the open
	 * contracts on which the actor decides for the client, oldest first.
	 * @param actor the acting user
	 * @return the requests awaiting approval; empty for anyone who decides nothing
	 */
	@Transactional(readOnly = true)
	public List<Awaiting> awaitingDecision(Actor actor) {
		Map<UUID, Contract> deciding = this.contracts.listWhere(actor,
				(c) -> ContractRoles.decidesForClientWhileOpen(actor, c));
		if (deciding.isEmpty()) {
			return List.of();
		}
		return this.requests.inState(deciding.keySet().toArray(UUID[]::new), RequestStatus.REQUESTED.name())
			.stream()
			// the requests are read for the keys of deciding, so each finds its contract
			.map((request) -> new Awaiting(Objects.requireNonNull(deciding.get(request.getContractId())), request))
			.toList();
	}

	/**
	 * Counts the applications {@link #awaitingDecision} lists, in the database.
	 * @param actor the acting user
	 * @return {@code awaitingDecision(actor).size()}
	 */
	@Transactional(readOnly = true)
	public int countAwaitingDecision(Actor actor) {
		return this.contracts.countActingForClient(actor, ContractRoles.CLIENT_DECIDERS, "asset_request",
				"c.status <> '%s' and x.status = '%s'".formatted(ContractStatus.CLOSED, RequestStatus.REQUESTED));
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
			personName = this.register.member(contractId, "personId", form.getPersonId()).getName();
		}
		ProfileDefinition profile = this.catalog.get(contract.getProfileId()).definition();
		if (form.getType() == RequestType.TAKE_OUT) {
			for (AssetEvent state : states) {
				problems.addAll(AssetClauses.takeOutProblems(AssetClauses.demands(profile, contract.getAttributes(),
						GuardedAction.TAKE_OUT, AssetClauses.Facts.of(state)), form));
			}
		}
		if (form.getType() == RequestType.DISPOSAL && form.isIncludeBackups()) {
			problems.addAll(this.backups.inclusionProblems(contractId));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems.stream().distinct().toList());
		}
		Instant now = Instant.now(this.clock);
		LocalDate day = ItakuTime.inTokyo(now).toLocalDate();
		ReceiptNumber number = this.numbers.nextRequest(contractId, day.getYear());
		AssetRequest request = new AssetRequest(UUID.randomUUID(), contractId, number, form, personName, actor.userId(),
				now);
		byte[] pdf = this.forms.application(contract, request, actor.displayName(), states,
				this.backups.declared(contractId).orElse(null));
		String fileName = this.forms.fileName(this.forms.text("asset.request.pdf.file." + request.getType().name()),
				request.getNumber());
		UploadedDocument document = this.documents.accept(fileName, "application/pdf", new ByteArrayInputStream(pdf));
		request.application(document.key(), document.sha256());
		this.requests.saveAndFlush(request);
		for (int i = 0; i < assetIds.size(); i++) {
			this.items.save(new AssetRequestItem(request.getId(), assetIds.get(i), i + 1));
		}
		List<Obligation> raised = this.submissions.raise(contract, request, states, day);
		List<UUID> submitted = (request.getType().application() != null) ? this.submissions.submit(actor, contractId,
				request.getType().application(), AssetSubmissions.key(request),
				this.forms.text("asset.request.obligation.comment",
						this.forms.text("asset.request.type." + request.getType().name()), request.getNumber()),
				fileName, pdf) : List.of();
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
		Contract contract = this.contractReads.findUnscoped(request.getContractId()).orElseThrow();
		String witnessName = null;
		if (step.getWitnessId() != null) {
			witnessName = witnesses(contract).stream()
				.filter((u) -> u.getId().equals(step.getWitnessId()))
				.map(UserAccount::getDisplayName)
				.findFirst()
				.orElseThrow(() -> new InvalidInputProblem("witnessId", "asset.request.error.witness"));
		}
		request.approve(actor, step.getComment(), step.isThirdPartyApproved(), step.getWitnessId(), witnessName,
				Instant.now(this.clock));
		List<UUID> reviewed = this.submissions.reviewApplication(actor, request, true, step.getComment());
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
		request.reject(actor, reason, Instant.now(this.clock));
		List<UUID> reviewed = this.submissions.reviewApplication(actor, request, false, reason);
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
		Instant at = AssetStepForm.happenedAt(step.getAt(), this.clock);
		RosterMember holder = this.register.member(request.getContractId(), "personId", step.getPersonId());
		request.copied(at, holder.getName());
		AssetRequestItem item = this.items.findByRequestIdOrderByPositionAsc(requestId).get(0);
		Asset source = this.assets.findById(item.getAssetId()).orElseThrow();
		AssetEvent sourceState = AssetRegister.current(this.events.findByAssetIdOrderByRecordedAtAsc(source.getId()));
		Instant now = Instant.now(this.clock);
		Asset copy = Asset.copyOf(source, now);
		this.assets.saveAndFlush(copy);
		// the form's problems() refuses a copy request without copies
		int copies = Objects.requireNonNull(request.getCopies());
		this.events.save(AssetEvent.copied(copy, sourceState, copies, holder, requestId, at, actor.userId(), now));
		List<UUID> submitted = this.submissions.submitRegisterExtract(actor, request, List.of(sourceState));
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
		Instant at = AssetStepForm.happenedAt(step.getAt(), this.clock);
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
		Instant at = AssetStepForm.happenedAt(step.getAt(), this.clock);
		RosterMember confirmer = this.register.member(request.getContractId(), "personId", step.getPersonId());
		request.finish(at, confirmer.getName());
		Instant now = Instant.now(this.clock);
		List<AssetEvent> states = states(requestId);
		for (AssetEvent state : states) {
			this.events.save(state.moved(AssetEvent.Type.BROUGHT_BACK, AssetEvent.Status.IN_CUSTODY, null, requestId,
					null, at, actor.userId(), now));
		}
		List<UUID> submitted = this.submissions.submitRegisterExtract(actor, request, states);
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
		Instant at = AssetStepForm.happenedAt(step.getAt(), this.clock);
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
		Instant at = AssetStepForm.happenedAt(step.getAt(), this.clock);
		RosterMember person = this.register.member(request.getContractId(), "personId", step.getPersonId());
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
		Contract contract = this.contractReads.findUnscoped(request.getContractId()).orElseThrow();
		List<AssetEvent> states = states(requestId);
		Instant now = Instant.now(this.clock);
		List<UUID> submitted = new ArrayList<>();
		byte[] pdf;
		String fileName;
		AssetBackup backup = this.backups.declared(contract.getId()).orElse(null);
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
			// After the end, the disposal report a clause asks for only then (Setagaya 7,
			// 29).
			this.endOfContract.disposed(contract, states, ItakuTime.today(this.clock));
			for (String period : List.of(AssetSubmissions.key(request), "END")) {
				submitted.addAll(this.submissions.submit(actor, contract.getId(), Deliverable.DISPOSAL_REPORT, period,
						this.forms.text("asset.certificate.comment", request.getNumber()), fileName, pdf));
			}
			submitted.addAll(this.submissions.submitRegisterExtract(actor, request, states));
		}
		else {
			pdf = this.forms.returnReceipt(contract, request, states, null);
			fileName = this.forms.fileName(this.forms.text("asset.returnNote.file"), request.getNumber());
			for (String period : List.of(AssetSubmissions.key(request), "END")) {
				submitted.addAll(this.submissions.submit(actor, contract.getId(), Deliverable.RETURN_RECORD, period,
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
		ContractRoles.require(ContractRoles.decidesForClientWhileOpen(actor, contract));
		Instant now = Instant.now(this.clock);
		request.confirmReturn(actor.userId(), now);
		List<AssetEvent> states = states(requestId);
		for (AssetEvent state : states) {
			// a REPORTED return has its completion time (confirmReturn requires REPORTED)
			this.events.save(state.moved(AssetEvent.Type.RETURNED, AssetEvent.Status.RETURNED, null, requestId, null,
					Objects.requireNonNull(request.getCompletedAt()), actor.userId(), now));
		}
		byte[] pdf = this.forms.returnReceipt(contract, request, states, actor.displayName());
		String fileName = this.forms.fileName(this.forms.text("asset.returnReceipt.file"), request.getNumber());
		UploadedDocument document = this.documents.accept(fileName, "application/pdf", new ByteArrayInputStream(pdf));
		request.certificate(document.key(), document.sha256(), document.fileName());
		List<UUID> reviewed = new ArrayList<>();
		for (String period : List.of(AssetSubmissions.key(request), "END")) {
			reviewed.addAll(this.submissions.accept(actor, contract.getId(), Deliverable.RETURN_RECORD, period,
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

	// ------------------------------------------------------------------ overdue

	/**
	 * Returns the overdue take-outs nobody has been told about yet, for the notifier.
	 * @return the take-outs
	 */
	@Transactional(readOnly = true)
	List<AssetRequest> overdueUnnotified() {
		return this.requests.overdueUnnotified(Instant.now(this.clock));
	}

	/**
	 * Marks an overdue take-out as notified.
	 * @param requestId the take-out
	 */
	@Transactional
	void markOverdueNotified(UUID requestId) {
		this.requests.findById(requestId).ifPresent((r) -> r.overdueNotified(Instant.now(this.clock)));
	}

	// ------------------------------------------------------------------ helpers

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
	private @Nullable AssetRequest busy(UUID assetId) {
		Collection<UUID> ids = this.items.findByAssetId(assetId).stream().map(AssetRequestItem::getRequestId).toList();
		return this.requests.findAllById(ids)
			.stream()
			.filter((r) -> r.getType() != RequestType.COPY && r.getStatus().isOpen())
			.findFirst()
			.orElse(null);
	}

	private List<UserAccount> witnesses(Contract contract) {
		return this.accountReads.enabledUsersUnscoped(contract.getClientOrganisationId(),
				ContractRoles.CLIENT_DECIDERS);
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
		ContractRoles.require(ContractRoles.decidesForClientWhileOpen(actor, contract));
		return request;
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
	 * An application awaiting the client's decision.
	 *
	 * @param contract the contract
	 * @param request the request
	 */
	public record Awaiting(Contract contract, AssetRequest request) {
	}

	/**
	 * A document opened for reading.
	 *
	 * @param fileName its name
	 * @param content its content
	 */
	public record OpenedDocument(@Nullable String fileName, InputStream content) {
	}

}
