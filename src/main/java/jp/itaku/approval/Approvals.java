package jp.itaku.approval;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.ContractSystemReads;
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
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.database.TransactionLocks;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prior approvals of a contract (事前承認: Gunma 第5条第2項, 第12条, 第13条第6項; Nerima 第14条;
 * Setagaya 10; Kadoma 7(2)イ, and any act a profile allows only with the client's prior
 * approval that no dedicated flow approves). The contractor's lead applies for an act of
 * the contract's profile ({@link ApprovableActs}) with what its clause asks the
 * application to state and any attachments; the application is numbered (A-1, A-2…),
 * rendered as a PDF/A-2b 申請書 and submitted to the BEFORE_ACTION obligation it raises. The
 * client's officer or security administrator — never the applicant — approves it with
 * conditions and a validity period (accepting the submission) or rejects it with a reason
 * (returning it); the client may revoke an approval, the applicant withdraw it. Other
 * modules ask {@link #require} before they record an act (a roster member at another
 * place, an entry in another area).
 * <p>
 * Scoping: the client and the contractor of the contract see its approvals; nobody else.
 * Every step and every opened file is audited.
 */
@Service
public class Approvals {

	private static final String WHAT = "approval.entity";

	private final ApprovalRepository repository;

	private final ApprovalAttachmentRepository attachments;

	private final ApprovableActs acts;

	private final ObjectProvider<ApprovalSource> sources;

	private final Contracts contracts;

	private final ContractSystemReads contractReads;

	private final Obligations obligations;

	private final Documents documents;

	private final ApprovalPdf pdf;

	private final AuditTrail audit;

	private final WorkingCalendar calendar;

	private final Clock clock;

	private final TransactionLocks locks;

	Approvals(ApprovalRepository repository, ApprovalAttachmentRepository attachments, ApprovableActs acts,
			ObjectProvider<ApprovalSource> sources, Contracts contracts, ContractSystemReads contractReads,
			Obligations obligations, Documents documents, ApprovalPdf pdf, AuditTrail audit, WorkingCalendar calendar,
			Clock clock, TransactionLocks locks) {
		this.repository = repository;
		this.attachments = attachments;
		this.acts = acts;
		this.sources = sources;
		this.contracts = contracts;
		this.contractReads = contractReads;
		this.obligations = obligations;
		this.documents = documents;
		this.pdf = pdf;
		this.audit = audit;
		this.calendar = calendar;
		this.clock = clock;
		this.locks = locks;
	}

	/**
	 * Returns a contract's register: its applications here and those of the dedicated
	 * flows, with what the actor may do.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the register
	 * @throws NotFoundProblem when the actor is no party to the contract
	 */
	@Transactional(readOnly = true)
	public Register register(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		List<ApprovalSource.Entry> others = new ArrayList<>();
		this.sources.orderedStream().forEach((s) -> others.addAll(s.entries(contractId)));
		others.sort(Comparator.comparing(ApprovalSource.Entry::appliedAt));
		return new Register(contract, this.repository.findByContractIdOrderBySeqAsc(contractId), others,
				this.acts.of(contract), mayApply(actor, contract), ContractRoles.decidesForClient(actor, contract),
				this.calendar.today());
	}

	/**
	 * Returns the acts of a contract applied for here.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the acts, in clause order
	 */
	@Transactional(readOnly = true)
	public List<ApprovableAct> acts(Actor actor, UUID contractId) {
		return this.acts.of(this.contracts.get(actor, contractId));
	}

	/**
	 * Returns one application the actor may see.
	 * @param actor a party to its contract
	 * @param id the application
	 * @return the application
	 * @throws NotFoundProblem when it does not exist or the actor is no party
	 */
	@Transactional(readOnly = true)
	public Approval get(Actor actor, UUID id) {
		Approval a = this.repository.findById(id).orElseThrow(() -> new NotFoundProblem(WHAT));
		contractOf(actor, a);
		return a;
	}

	/**
	 * Returns the files attached to an application.
	 * @param actor a party to its contract
	 * @param id the application
	 * @return the files, in the order they were attached
	 */
	@Transactional(readOnly = true)
	public List<ApprovalAttachment> attachments(Actor actor, UUID id) {
		return this.attachments.findByApprovalIdOrderByUploadedAtAsc(get(actor, id).getId());
	}

	/**
	 * Returns whether the actor may apply on a contract: its contractor's lead while it
	 * is open.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor may apply
	 */
	public boolean mayApply(Actor actor, Contract contract) {
		return ContractRoles.leadsForContractorWhileOpen(actor, contract);
	}

	/**
	 * Applies for an act: validates what the act's clause asks for, numbers the
	 * application, stores it with its PDF and attachments, raises the act's BEFORE_ACTION
	 * obligation and submits the PDF to it.
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @param form the application
	 * @param uploads the attachments, possibly none
	 * @return the pending application
	 * @throws InvalidInputProblem naming every field at fault; nothing is stored then
	 * @throws AccessDeniedProblem when the actor is not the contractor's lead
	 */
	@Transactional
	public Approval apply(Actor actor, UUID contractId, ApprovalForm form, List<Upload> uploads) {
		Contract contract = this.contracts.get(actor, contractId);
		if (!mayApply(actor, contract)) {
			throw new AccessDeniedProblem("approval.error.applicant");
		}
		ApprovableAct act = actOf(contract, form);
		List<FieldProblem> problems = form.problems(act);
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		this.locks.lock("approval:" + contractId);
		Instant now = Instant.now(this.clock);
		Approval a = new Approval(contractId, this.repository.lastSeq(contractId) + 1, act, form, actor.userId(),
				actor.organisationId(), now);
		byte[] application = this.pdf.application(contract, act, a, actor);
		UploadedDocument document = this.documents.accept(this.pdf.fileName(a), "application/pdf",
				new ByteArrayInputStream(application));
		a.attachApplication(document.key(), document.sha256(), document.fileName());
		this.repository.saveAndFlush(a);
		List<String> attached = new ArrayList<>();
		for (Upload upload : uploads) {
			UploadedDocument file;
			try (InputStream content = upload.content().getInputStream()) {
				file = this.documents.accept(upload.fileName(), upload.contentType(), content);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.attachments.save(new ApprovalAttachment(a.getId(), file.key(), file.sha256(), file.fileName(),
					file.contentType(), file.size(), actor.userId(), now));
			attached.add(file.fileName() + " sha256:" + file.sha256());
		}
		String key = occurrenceKey(a);
		List<Obligation> raised = this.obligations.raise(contractId, ObligationTrigger.before(act.action()),
				new Obligations.Occurrence(key, this.calendar.today(),
						this.pdf.text("approval.obligation.subject", a.number(),
								this.pdf.text("approval.action." + act.action().name())),
						"Approval:" + a.getId()),
				(r) -> r.equals(act.requirement()));
		List<UUID> submitted = (act.deliverable() != null) ? this.obligations.submitFor(actor, contractId,
				act.deliverable(), key, this.pdf.text("approval.obligation.comment", a.number()),
				List.of(new Obligations.Upload(a.getFileName(), "application/pdf", new ByteArrayResource(application))))
				: List.of();
		this.audit.record(AuditRecord.of("APPROVAL_APPLIED")
			.actor(actor)
			.target("Approval", a.getId())
			.detail("contract", contractId)
			.detail("number", a.number())
			.detail("action", a.getAction())
			.detail("clause", a.getClauseRef())
			.detail("subject", a.getSubject())
			.detail("sha256", document.sha256())
			.detail("attachments", attached)
			.detail("obligations", raised.stream().map(Obligation::getId).toList())
			.detail("submitted", submitted));
		return a;
	}

	/**
	 * Approves a pending application, with conditions and the period it is valid for
	 * (from the day of approval when no first day is given), and accepts the application
	 * submitted to its obligation.
	 * @param actor the client's officer or security administrator; never the applicant
	 * @param id the application
	 * @param form the conditions and validity
	 * @return the approval
	 * @throws AccessDeniedProblem when the actor applied or may not decide
	 */
	@Transactional
	public Approval approve(Actor actor, UUID id, DecisionForm form) {
		Approval a = decidable(actor, id);
		LocalDate from = (form.getValidFrom() != null) ? form.getValidFrom() : this.calendar.today();
		a.approve(actor.userId(), form.getConditions(), from, form.getValidUntil(), Instant.now(this.clock));
		this.repository.flush();
		List<UUID> reviewed = review(actor, a, true, (a.getConditions() != null) ? a.getConditions()
				: this.pdf.text("approval.obligation.approved", a.number()));
		this.audit.record(AuditRecord.of("APPROVAL_APPROVED")
			.actor(actor)
			.target("Approval", id)
			.detail("contract", a.getContractId())
			.detail("number", a.number())
			.detail("appliedBy", a.getAppliedBy())
			.detail("conditions", a.getConditions())
			.detail("validFrom", a.getValidFrom())
			.detail("validUntil", a.getValidUntil())
			.detail("sha256", a.getDocumentSha256())
			.detail("reviewed", reviewed));
		return a;
	}

	/**
	 * Rejects a pending application with a reason, returning the application submitted to
	 * its obligation.
	 * @param actor the client's officer or security administrator; never the applicant
	 * @param id the application
	 * @param reason why
	 * @return the application
	 */
	@Transactional
	public Approval reject(Actor actor, UUID id, @Nullable String reason) {
		Approval a = decidable(actor, id);
		a.reject(actor.userId(), reason, Instant.now(this.clock));
		this.repository.flush();
		List<UUID> reviewed = review(actor, a, false, a.getRejectionReason());
		this.audit.record(AuditRecord.of("APPROVAL_REJECTED")
			.actor(actor)
			.target("Approval", id)
			.detail("contract", a.getContractId())
			.detail("number", a.number())
			.detail("appliedBy", a.getAppliedBy())
			.detail("reason", a.getRejectionReason())
			.detail("reviewed", reviewed));
		return a;
	}

	/**
	 * Revokes an approval: from now on the act is refused.
	 * @param actor the client's officer or security administrator
	 * @param id the approval
	 * @param reason why
	 * @return the approval
	 */
	@Transactional
	public Approval revoke(Actor actor, UUID id, @Nullable String reason) {
		Approval a = get(actor, id);
		ContractRoles.require(ContractRoles.decidesForClient(actor, contractOf(actor, a)));
		a.revoke(actor.userId(), reason, Instant.now(this.clock));
		this.audit.record(AuditRecord.of("APPROVAL_REVOKED")
			.actor(actor)
			.target("Approval", id)
			.detail("contract", a.getContractId())
			.detail("number", a.number())
			.detail("reason", a.getEndReason()));
		return a;
	}

	/**
	 * Withdraws an application or an approval the contractor no longer needs.
	 * @param actor the contractor's lead
	 * @param id the application
	 * @param reason why, or {@code null}
	 * @return the application
	 */
	@Transactional
	public Approval withdraw(Actor actor, UUID id, @Nullable String reason) {
		Approval a = get(actor, id);
		Contract contract = contractOf(actor, a);
		ContractRoles.require(ContractRoles.leadsForContractor(actor, contract)
				&& a.getAppliedByOrganisationId().equals(actor.organisationId()));
		a.withdraw(actor.userId(), reason, Instant.now(this.clock));
		this.audit.record(AuditRecord.of("APPROVAL_WITHDRAWN")
			.actor(actor)
			.target("Approval", id)
			.detail("contract", a.getContractId())
			.detail("number", a.number())
			.detail("reason", a.getEndReason()));
		return a;
	}

	/**
	 * Opens an application's PDF for a party to its contract; the view is audited.
	 * @param actor a party to the contract
	 * @param id the application
	 * @return the application and its PDF
	 */
	@Transactional
	public Opened openApplication(Actor actor, UUID id) {
		Approval a = get(actor, id);
		this.audit.record(AuditRecord.of("APPROVAL_APPLICATION_VIEWED")
			.actor(actor)
			.target("Approval", id)
			.detail("contract", a.getContractId())
			.detail("sha256", a.getDocumentSha256()));
		return new Opened(a.getFileName(), "application/pdf", this.documents.open(a.getDocumentKey()));
	}

	/**
	 * Opens a file attached to an application for a party to its contract; the view is
	 * audited.
	 * @param actor a party to the contract
	 * @param id the application
	 * @param fileId the attachment
	 * @return the file
	 */
	@Transactional
	public Opened openAttachment(Actor actor, UUID id, UUID fileId) {
		Approval a = get(actor, id);
		ApprovalAttachment file = this.attachments.findById(fileId)
			.filter((f) -> f.getApprovalId().equals(a.getId()))
			.orElseThrow(() -> new NotFoundProblem(WHAT));
		this.audit.record(AuditRecord.of("APPROVAL_ATTACHMENT_VIEWED")
			.actor(actor)
			.target("Approval", id)
			.detail("file", fileId)
			.detail("sha256", file.getSha256()));
		return new Opened(file.getFileName(), file.getContentType(), this.documents.open(file.getDocumentKey()));
	}

	/**
	 * Returns the approval that allows an act on a day, if any: approved, valid on that
	 * day, and covering the subject (the place, the third party).
	 * @param contractId the contract
	 * @param action the act
	 * @param subject what it concerns, or {@code null}
	 * @param day the day (Tokyo)
	 * @return the approval, or empty
	 */
	@Transactional(readOnly = true)
	public Optional<Approval> validFor(UUID contractId, GuardedAction action, @Nullable String subject, LocalDate day) {
		return this.repository.findByContractIdAndActionAndStatus(contractId, action, ApprovalStatus.APPROVED)
			.stream()
			.filter((a) -> a.isValidOn(day) && a.covers(subject))
			.findFirst();
	}

	/**
	 * Refuses an act the contract's profile allows only with the client's prior approval
	 * when no approval valid on the day covers it; allows it when the profile asks for no
	 * such approval. How a module that records an act (the roster's work location, the
	 * entry log's area) gates it.
	 * @param contractId the contract
	 * @param action the act
	 * @param subject what it concerns (the place, the third party)
	 * @param day the day the act takes place (Tokyo)
	 * @param field the field of the caller's form the refusal names
	 * @throws InvalidInputProblem on {@code field}, naming the clause, when no valid
	 * approval covers the act
	 */
	@Transactional(readOnly = true)
	public void require(UUID contractId, GuardedAction action, @Nullable String subject, LocalDate day, String field) {
		Contract contract = this.contractReads.findUnscoped(contractId)
			.orElseThrow(() -> new NotFoundProblem("contract.entity"));
		List<ApprovableAct> gated = this.acts.of(contract).stream().filter((a) -> a.action() == action).toList();
		if (gated.isEmpty() || validFor(contractId, action, subject, day).isPresent()) {
			return;
		}
		throw new InvalidInputProblem(field, "approval.gate.missing", gated.get(0).clauseRef(),
				(subject != null) ? subject : "");
	}

	/**
	 * Returns the approval that allows an act recorded in another module, refusing the
	 * act when the profile allows it only with the client's prior approval and none valid
	 * on the day covers it (Nerima 第14条, Gunma 第12条 and 第13条第6項: a shipment to a third
	 * party). The approval named must be one of this contract, for this act, approved and
	 * valid on the day; without one named, an approval covering the subject is looked up.
	 * @param contractId the contract
	 * @param action the act
	 * @param approvalId the approval the caller names, or {@code null}
	 * @param subject what the act concerns (the third party), or {@code null}
	 * @param day the day the act takes place (Tokyo)
	 * @param field the field of the caller's form a missing approval is reported on
	 * @return the approval, empty when the profile asks for none and none was named
	 * @throws InvalidInputProblem on {@code approvalId} when the approval named does not
	 * allow the act on that day, on {@code field} when none does; both name the clauses
	 */
	@Transactional(readOnly = true)
	public Optional<Approval> requireFor(UUID contractId, GuardedAction action, @Nullable UUID approvalId,
			@Nullable String subject, LocalDate day, String field) {
		Contract contract = this.contractReads.findUnscoped(contractId)
			.orElseThrow(() -> new NotFoundProblem("contract.entity"));
		String clauses = this.acts.of(contract)
			.stream()
			.filter((a) -> a.action() == action)
			.map(ApprovableAct::clauseRef)
			.distinct()
			.collect(Collectors.joining("・"));
		if (approvalId != null) {
			Optional<Approval> named = this.repository.findById(approvalId)
				.filter((a) -> a.getContractId().equals(contractId) && a.getAction() == action && a.isValidOn(day));
			if (named.isEmpty()) {
				throw new InvalidInputProblem("approvalId", "approval.gate.notValid", clauses);
			}
			return named;
		}
		Optional<Approval> found = validFor(contractId, action, subject, day);
		if (found.isEmpty() && !clauses.isEmpty()) {
			throw new InvalidInputProblem(field, "approval.gate.missing", clauses, (subject != null) ? subject : "");
		}
		return found;
	}

	/**
	 * Lists the approvals of an act valid on a day, for the form that names one.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @param action the act
	 * @param day the day (Tokyo)
	 * @return the approvals, by number
	 */
	@Transactional(readOnly = true)
	public List<Approval> validOn(Actor actor, UUID contractId, GuardedAction action, LocalDate day) {
		this.contracts.get(actor, contractId);
		return this.repository.findByContractIdAndActionAndStatus(contractId, action, ApprovalStatus.APPROVED)
			.stream()
			.filter((a) -> a.isValidOn(day))
			.toList();
	}

	/**
	 * Refuses work at a place other than those the contract designates (its work
	 * locations, one a line; a place that names one of them or is part of one, such as a
	 * room of the designated building, is within them) when the profile allows it only
	 * with prior approval and no approval valid on the day covers the place (Gunma
	 * 第5条第2項). A contract that designates no place is not gated: there is nothing to be
	 * outside of.
	 * @param contractId the contract
	 * @param place the place the work is recorded at, or {@code null}
	 * @param day the day the work takes place (Tokyo)
	 * @param field the field of the caller's form the refusal names
	 * @throws InvalidInputProblem on {@code field}, naming the clause, when refused
	 */
	@Transactional(readOnly = true)
	public void requirePlace(UUID contractId, @Nullable String place, LocalDate day, String field) {
		String normalised = Subjects.normalise(place);
		if (normalised == null) {
			return;
		}
		Contract contract = this.contractReads.findUnscoped(contractId)
			.orElseThrow(() -> new NotFoundProblem("contract.entity"));
		List<String> designated = designatedPlaces(contract);
		if (designated.isEmpty()
				|| designated.stream().anyMatch((d) -> d.contains(normalised) || normalised.contains(d))) {
			return;
		}
		require(contractId, GuardedAction.WORK_OUTSIDE_DESIGNATED_SITE, place, day, field);
	}

	/**
	 * Returns the places a contract designates for the work, normalised.
	 * @param contract the contract
	 * @return the places, empty when it names none
	 */
	static List<String> designatedPlaces(Contract contract) {
		if (contract.getWorkLocations() == null) {
			return List.of();
		}
		return contract.getWorkLocations().lines().map(Subjects::normalise).filter(Objects::nonNull).toList();
	}

	/**
	 * Returns the applications that wait for the actor's decision, oldest first.
	 * @param actor the acting user
	 * @return the applications with their contracts; empty for anyone who decides nothing
	 */
	@Transactional(readOnly = true)
	public List<Pending> awaitingDecision(Actor actor) {
		Map<UUID, Contract> deciding = this.contracts.listWhere(actor, (c) -> ContractRoles.decidesForClient(actor, c));
		if (deciding.isEmpty()) {
			return List.of();
		}
		return this.repository.inState(deciding.keySet().toArray(UUID[]::new), ApprovalStatus.PENDING.name())
			.stream()
			.map((a) -> new Pending(a, Objects.requireNonNull(deciding.get(a.getContractId()))))
			.toList();
	}

	/**
	 * Counts the applications {@link #awaitingDecision} lists, in the database.
	 * @param actor the acting user
	 * @return {@code awaitingDecision(actor).size()}
	 */
	@Transactional(readOnly = true)
	public int countAwaitingDecision(Actor actor) {
		return this.contracts.countActingForClient(actor, ContractRoles.CLIENT_DECIDERS, "approval",
				"x.status = '%s'".formatted(ApprovalStatus.PENDING));
	}

	/**
	 * Returns the actor's organisation's approvals that end within some days, or were
	 * decided since, soonest end first: for the contractor's lead.
	 * @param actor the acting user
	 * @param days how many days ahead
	 * @return the approvals with their contracts
	 */
	@Transactional(readOnly = true)
	public List<Pending> expiring(Actor actor, int days) {
		Map<UUID, Contract> leading = this.contracts.listWhere(actor,
				(c) -> ContractRoles.leadsForContractorWhileOpen(actor, c));
		if (leading.isEmpty()) {
			return List.of();
		}
		LocalDate today = this.calendar.today();
		return expiringAmong(leading, today, days);
	}

	/**
	 * Returns, for the reminder job, every approval that ends within some days, whoever
	 * reads it.
	 * @param days how many days ahead
	 * @return the approvals with their contracts, soonest end first
	 */
	@Transactional(readOnly = true)
	List<Pending> expiringUnscoped(int days) {
		Map<UUID, Contract> open = new HashMap<>();
		this.contractReads.allUnscoped().stream().filter(ContractRoles::isOpen).forEach((c) -> open.put(c.getId(), c));
		return expiringAmong(open, this.calendar.today(), days);
	}

	private List<Pending> expiringAmong(Map<UUID, Contract> contracts, LocalDate today, int days) {
		if (contracts.isEmpty()) {
			return List.of();
		}
		return this.repository.inState(contracts.keySet().toArray(UUID[]::new), ApprovalStatus.APPROVED.name())
			.stream()
			.filter((a) -> a.getValidUntil() != null && a.isValidOn(today)
					&& !a.getValidUntil().isAfter(today.plusDays(days)))
			.sorted(Comparator.comparing(Approval::getValidUntil, Comparator.nullsLast(Comparator.naturalOrder())))
			.map((a) -> new Pending(a, Objects.requireNonNull(contracts.get(a.getContractId()))))
			.toList();
	}

	private ApprovableAct actOf(Contract contract, ApprovalForm form) {
		if (form.getAction() == null) {
			throw new InvalidInputProblem("action", "approval.error.required.action");
		}
		List<ApprovableAct> matching = this.acts.of(contract)
			.stream()
			.filter((a) -> a.action() == form.getAction())
			.toList();
		if (matching.isEmpty()) {
			throw new InvalidInputProblem("action", "approval.error.action");
		}
		if (form.getClauseRef() != null && !form.getClauseRef().isBlank()) {
			return matching.stream()
				.filter((a) -> a.clauseRef().equals(form.getClauseRef().strip()))
				.findFirst()
				.orElseThrow(() -> new InvalidInputProblem("clauseRef", "approval.error.clauseRef"));
		}
		if (matching.size() > 1) {
			throw new InvalidInputProblem("clauseRef", "approval.error.required.clauseRef");
		}
		return matching.get(0);
	}

	private Approval decidable(Actor actor, UUID id) {
		Approval a = get(actor, id);
		if (a.getAppliedBy().equals(actor.userId())) {
			throw new AccessDeniedProblem("approval.error.ownApplication", a.number());
		}
		ContractRoles.require(ContractRoles.decidesForClient(actor, contractOf(actor, a)));
		return a;
	}

	private List<UUID> review(Actor actor, Approval a, boolean accept, @Nullable String comment) {
		if (a.getDeliverable() == null) {
			return List.of();
		}
		return this.obligations.reviewFor(actor, a.getContractId(), a.getDeliverable(), occurrenceKey(a), accept,
				(comment != null) ? comment : "");
	}

	private Contract contractOf(Actor actor, Approval a) {
		try {
			return this.contracts.get(actor, a.getContractId());
		}
		catch (NotFoundProblem ex) {
			throw new NotFoundProblem(WHAT);
		}
	}

	/**
	 * Returns the occurrence key of an application's obligations.
	 * @param a the application
	 * @return e.g. {@code APR-A-1}
	 */
	static String occurrenceKey(Approval a) {
		return "APR-" + a.number();
	}

	/**
	 * A file attached on application.
	 *
	 * @param fileName its name as uploaded
	 * @param contentType the declared type
	 * @param content its content
	 */
	public record Upload(@Nullable String fileName, @Nullable String contentType, InputStreamSource content) {
	}

	/**
	 * A file opened for reading.
	 *
	 * @param fileName its name
	 * @param contentType its type
	 * @param content its content; the caller closes it
	 */
	public record Opened(String fileName, String contentType, InputStream content) {
	}

	/**
	 * An application or approval with its contract, for the inbox and the reminders.
	 *
	 * @param approval the application
	 * @param contract its contract
	 */
	public record Pending(Approval approval, Contract contract) {
	}

	/**
	 * A contract's approvals register.
	 *
	 * @param contract the contract
	 * @param approvals its applications in this workflow, by number
	 * @param others the applications of the dedicated flows, by date
	 * @param acts the acts applied for here
	 * @param mayApply whether the reader may apply
	 * @param mayDecide whether the reader decides for the client
	 * @param today today (Tokyo), for validity
	 */
	public record Register(Contract contract, List<Approval> approvals, List<ApprovalSource.Entry> others,
			List<ApprovableAct> acts, boolean mayApply, boolean mayDecide, LocalDate today) {
	}

}
