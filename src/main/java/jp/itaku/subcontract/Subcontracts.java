package jp.itaku.subcontract;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.ContractAttribute;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.GuardedAction;
import jp.itaku.catalog.TriggerType;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.contract.ContractSystemReads;
import jp.itaku.contract.Contracts;
import jp.itaku.document.Documents;
import jp.itaku.document.UploadedDocument;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationSystemReads;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.Obligations;
import jp.itaku.organisation.Organisation;
import jp.itaku.organisation.OrganisationSystemReads;
import jp.itaku.organisation.Organisations;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.database.TransactionLocks;
import jp.itaku.roster.MemberStatus;
import jp.itaku.roster.RosterMember;
import jp.itaku.roster.RosterSystemReads;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subcontracts of a contract (Setagaya 4, Kadoma 8, Nerima 15/16, Gunma 14). The
 * contractor's lead, or the lead of an approved subcontractor for a further level (再々委託),
 * applies with everything the clauses ask for; the application is rendered as a PDF, the
 * BEFORE_ACTION SUBCONTRACT obligations are raised and the PDF is submitted to the
 * application ones. The client's officer or security administrator approves (raising the
 * SUBCONTRACT_APPROVED obligations; the subcontractor then takes part in the contract) or
 * rejects with a reason. An organisation already in the chain above is refused (no
 * cycles). The applicant records its supervision of each subcontractor and submits it
 * when the client asks (Kadoma 8(5), Nerima 22②).
 * <p>
 * Scoping: the client and the contractor see every level; a subcontractor sees its own
 * subcontract and the levels below it; nobody else sees anything. Every change and every
 * download of an application is audited.
 */
@Service
public class Subcontracts {

	private static final String WHAT = "subcontract.entity";

	private final SubcontractRepository repository;

	private final SupervisionRepository supervision;

	private final StaffNotices staffNotices;

	private final StaffNoticeRepository staffNoticeRepository;

	private final Contracts contracts;

	private final ContractSystemReads contractReads;

	private final Organisations organisations;

	private final OrganisationSystemReads organisationReads;

	private final Obligations obligations;

	private final ObligationSystemReads obligationReads;

	private final RosterSystemReads rosterReads;

	private final Documents documents;

	private final SubcontractPdf pdf;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final WorkingCalendar calendar;

	private final Clock clock;

	private final TransactionLocks locks;

	private final ChainDuties chainDuties;

	private final SubcontractorDocumentFiles documentFiles;

	Subcontracts(SubcontractRepository repository, SupervisionRepository supervision, Contracts contracts,
			Organisations organisations, Obligations obligations, Documents documents, SubcontractPdf pdf,
			AuditTrail audit, ApplicationEventPublisher events, WorkingCalendar calendar, Clock clock,
			TransactionLocks locks, StaffNotices staffNotices, StaffNoticeRepository staffNoticeRepository,
			ContractSystemReads contractReads, OrganisationSystemReads organisationReads, RosterSystemReads rosterReads,
			ObligationSystemReads obligationReads, ChainDuties chainDuties, SubcontractorDocumentFiles documentFiles) {
		this.documentFiles = documentFiles;
		this.chainDuties = chainDuties;
		this.obligationReads = obligationReads;
		this.rosterReads = rosterReads;
		this.organisationReads = organisationReads;
		this.contractReads = contractReads;
		this.staffNotices = staffNotices;
		this.staffNoticeRepository = staffNoticeRepository;
		this.repository = repository;
		this.supervision = supervision;
		this.contracts = contracts;
		this.organisations = organisations;
		this.obligations = obligations;
		this.documents = documents;
		this.pdf = pdf;
		this.audit = audit;
		this.events = events;
		this.calendar = calendar;
		this.clock = clock;
		this.locks = locks;
	}

	/**
	 * Returns a contract's chain of subcontracts as far as the actor may see it.
	 * @param actor a party to the contract (or an approved subcontractor)
	 * @param contractId the contract
	 * @return the chain
	 * @throws NotFoundProblem when the actor may not see the contract
	 */
	@Transactional(readOnly = true)
	public Chain chain(Actor actor, UUID contractId) {
		Contract contract = this.contracts.getAsParticipant(actor, contractId);
		List<Subcontract> all = this.repository.findByContractIdOrderBySeqAsc(contractId);
		List<Subcontract> visible = visible(actor, contract, all);
		Map<String, Long> open = new HashMap<>();
		for (Obligation o : this.obligationReads.pendingUnscoped(List.of(contractId))) {
			if (o.getSource() != null) {
				open.merge(o.getSource(), 1L, Long::sum);
			}
		}
		List<RosterMember> roster = this.rosterReads.membersUnscoped(contractId);
		Set<UUID> visibleIds = visible.stream().map(Subcontract::getId).collect(Collectors.toSet());
		Map<UUID, String> names = this.organisationReads
			.namesUnscoped(visible.stream().map(Subcontract::getApplicantOrganisationId).collect(Collectors.toSet()));
		List<Node> nodes = new ArrayList<>();
		for (Subcontract s : visible) {
			long ready = roster.stream()
				.filter((m) -> m.getStatus() == MemberStatus.ACTIVE
						&& s.getSubcontractorOrganisationId().equals(m.getOrganisationId()))
				.count();
			nodes.add(new Node(s, names.getOrDefault(s.getApplicantOrganisationId(), ""),
					(s.getParentId() != null && visibleIds.contains(s.getParentId())) ? s.getParentId() : null, ready,
					open.getOrDefault("Subcontract:" + s.getId(), 0L), mayDecide(actor, contract, s),
					maySupervise(actor, contract, s), this.staffNotices.mayFile(actor, contract, s)));
		}
		List<SupervisionRecord> records = this.supervision.findByContractIdOrderBySupervisedOnAsc(contractId)
			.stream()
			.filter((r) -> visibleIds.contains(r.getSubcontractId()))
			.toList();
		List<Obligation> reportObligations = this.obligationReads.pendingUnscoped(List.of(contractId))
			.stream()
			.filter((o) -> o.getDeliverable() == Deliverable.SUBCONTRACT_SUPERVISION_REPORT)
			.toList();
		List<StaffNotice> staff = this.staffNoticeRepository.findByContractIdOrderByFiledAtAsc(contractId)
			.stream()
			.filter((n) -> visibleIds.contains(n.getSubcontractId()))
			.toList();
		return new Chain(contract, ordered(nodes), records, mayApply(actor, contract), mayAskReport(actor, contract),
				mayReport(actor, contract) ? reportObligations : List.of(), staff);
	}

	/**
	 * Returns one subcontract the actor may see.
	 * @param actor the acting user
	 * @param id the subcontract
	 * @return the subcontract
	 * @throws NotFoundProblem when it does not exist or is not visible
	 */
	@Transactional(readOnly = true)
	public Subcontract get(Actor actor, UUID id) {
		Subcontract s = this.repository.findById(id).orElseThrow(() -> new NotFoundProblem(WHAT));
		Contract contract = scopedContract(actor, s.getContractId());
		if (visible(actor, contract, this.repository.findByContractIdOrderBySeqAsc(s.getContractId())).stream()
			.noneMatch((v) -> v.getId().equals(id))) {
			throw new NotFoundProblem(WHAT);
		}
		return s;
	}

	/**
	 * Returns the organisations an application may name: contractors and subcontractors.
	 * @return the organisations
	 */
	@Transactional(readOnly = true)
	public List<Organisation> candidates() {
		List<Organisation> all = new ArrayList<>(
				this.organisationReads.findAllOfKindUnscoped(OrganisationKind.SUBCONTRACTOR));
		all.addAll(this.organisationReads.findAllOfKindUnscoped(OrganisationKind.CONTRACTOR));
		return all;
	}

	/**
	 * Returns whether the actor may apply for a subcontract on the contract: the lead of
	 * the contractor or of an approved subcontractor, while the contract is not closed.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor may apply
	 */
	public boolean mayApply(Actor actor, Contract contract) {
		if (!ContractRoles.CONTRACTOR_LEADS.contains(actor.role())
				|| actor.organisationKind() == OrganisationKind.CLIENT || !ContractRoles.isOpen(contract)) {
			return false;
		}
		return ContractRoles.ofContractor(actor, contract)
				|| approvedOf(contract.getId(), actor.organisationId()).isPresent();
	}

	/**
	 * Applies for a subcontract: validates, refuses cycles, stores the application with
	 * its PDF, raises the BEFORE_ACTION SUBCONTRACT obligations and submits the PDF to
	 * the application ones (where the applicant is the contractor, who submits), and
	 * tells the levels above after commit.
	 * @param actor the lead of the contractor or of an approved subcontractor
	 * @param contractId the contract
	 * @param form the application
	 * @return the pending subcontract
	 * @throws InvalidInputProblem naming every field at fault; nothing is stored then
	 */
	@Transactional
	public Subcontract apply(Actor actor, UUID contractId, SubcontractForm form) {
		return apply(actor, contractId, form, Map.of());
	}

	/**
	 * Applies for a subcontract with the subcontractor's own documents the profile asks
	 * for (Setagaya 4: its item-3 documents): as
	 * {@link #apply(Actor, UUID, SubcontractForm)}, and each document's files are stored
	 * with their SHA-256 and listed in the application PDF.
	 * @param actor the lead of the contractor or of an approved subcontractor
	 * @param contractId the contract
	 * @param form the application
	 * @param documents the files per document type
	 * @return the pending subcontract
	 * @throws InvalidInputProblem naming every field at fault and every document missing
	 * with its clause; nothing is stored then
	 */
	@Transactional
	public Subcontract apply(Actor actor, UUID contractId, SubcontractForm form,
			Map<Deliverable, List<SubcontractDocuments.Upload>> documents) {
		Contract contract = this.contracts.getAsParticipant(actor, contractId);
		if (!mayApply(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		List<FieldProblem> problems = new ArrayList<>(form.problems());
		List<SubcontractDocuments.Required> required = this.documentFiles.required(contract,
				!contract.getContractorOrganisationId().equals(actor.organisationId()));
		problems.addAll(SubcontractorDocumentFiles.problems(required, documents));
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		Organisation target = this.organisationReads.findUnscoped(form.getSubcontractorOrganisationId())
			.filter((o) -> o.getKind() != OrganisationKind.CLIENT)
			.orElseThrow(
					() -> new InvalidInputProblem("subcontractorOrganisationId", "subcontract.error.subcontractor"));
		// One at a time per contract: numbering and the cycle check see every earlier
		// one.
		this.locks.lock("subcontract:" + contractId);
		List<Subcontract> all = this.repository.findByContractIdOrderBySeqAsc(contractId);
		Subcontract parent = contract.getContractorOrganisationId().equals(actor.organisationId()) ? null
				: approvedOf(all, actor.organisationId()).orElseThrow(() -> new AccessDeniedProblem("error.forbidden"));
		if (upstream(contract, all, parent, actor.organisationId()).contains(target.getId())) {
			throw new InvalidInputProblem("subcontractorOrganisationId", "subcontract.error.cycle", target.getName());
		}
		if (all.stream()
			.anyMatch((s) -> s.getSubcontractorOrganisationId().equals(target.getId())
					&& s.getStatus() != SubcontractStatus.REJECTED)) {
			throw new InvalidInputProblem("subcontractorOrganisationId", "subcontract.error.already", target.getName());
		}
		Instant now = Instant.now(this.clock);
		int seq = this.repository.lastSeq(contractId) + 1;
		Subcontract s = new Subcontract(contractId, seq, parent, actor.organisationId(), target.getName(),
				(target.getAddress() != null && !target.getAddress().isBlank()) ? target.getAddress() : "-", form,
				actor.userId(), now);
		this.repository.saveAndFlush(s);
		List<SubcontractDocument> attached = new ArrayList<>();
		for (SubcontractDocuments.Required r : required) {
			attached.addAll(this.documentFiles.store(actor, s, r.deliverable(), 1,
					documents.getOrDefault(r.deliverable(), List.of()), null, now));
		}
		byte[] application = this.pdf.application(contract, s, attached);
		UploadedDocument document = this.documents.accept(this.pdf.fileName(s), "application/pdf",
				new ByteArrayInputStream(application));
		s.attachApplication(document.key(), document.sha256(), document.fileName());
		// Stored before its documents (they refer to it), by merge: stored again.
		this.repository.saveAndFlush(s);
		LocalDate today = this.calendar.today();
		List<Obligation> raised = this.obligations.raise(contractId,
				ObligationTrigger.before(GuardedAction.SUBCONTRACT),
				new Obligations.Occurrence("SUB-" + seq, today,
						this.pdf.text("subcontract.obligation.subject", target.getName(), seq),
						"Subcontract:" + s.getId()));
		// One application meeting several obligations is filed once, for one review.
		List<UUID> submitted = raised.stream()
			.filter((o) -> o.getDeliverable() == Deliverable.SUBCONTRACT_APPLICATION && o.awaitsSubmission())
			.map(Obligation::getId)
			.toList();
		if (!submitted.isEmpty()) {
			List<Obligations.Upload> uploads = List
				.of(new Obligations.Upload(s.getFileName(), "application/pdf", new ByteArrayResource(application)));
			String comment = this.pdf.text("subcontract.obligation.comment", seq);
			if (parent == null) {
				this.obligations.submitTogether(actor, submitted, comment, uploads);
			}
			else {
				// A further level's application reaches the client in writing as well,
				// submitted by the subcontractor that applied.
				this.obligations.submitTogetherFromPart(actor, submitted, "Subcontract:" + s.getId(), comment, uploads);
			}
		}
		this.audit.record(AuditRecord.of("SUBCONTRACT_APPLIED")
			.actor(actor)
			.target("Subcontract", s.getId())
			.detail("contract", contractId)
			.detail("number", "SUB-" + seq)
			.detail("depth", s.getDepth())
			.detail("parent", (parent != null) ? parent.getId() : "")
			.detail("subcontractor", target.getName())
			.detail("personalInformation", s.isPersonalInformation())
			.detail("sha256", document.sha256())
			.detail("documents",
					attached.stream()
						.map((d) -> d.getDeliverable() + " " + d.getFileName() + " sha256:" + d.getSha256())
						.toList())
			.detail("obligations", raised.stream().map(Obligation::getId).toList())
			.detail("submitted", submitted));
		this.events.publishEvent(new SubcontractEvents.SubcontractApplied(contractId, s.getId()));
		return s;
	}

	/**
	 * Approves a pending subcontract: the subcontractor now takes part in the contract;
	 * the SUBCONTRACT_APPROVED obligations are raised.
	 * @param actor the client's officer or security administrator
	 * @param id the subcontract
	 * @return the subcontract
	 */
	@Transactional
	public Subcontract approve(Actor actor, UUID id) {
		// One decision at a time per contract, before the contract is read: two approvals
		// of one chain must not both give it the subcontracting attribute.
		this.repository.findById(id).ifPresent((p) -> this.locks.lock("subcontract:" + p.getContractId()));
		Subcontract s = decidable(actor, id);
		s.approve(actor.userId(), Instant.now(this.clock));
		this.repository.flush();
		// The chain now has an approved subcontract: the contract has subcontractors, and
		// what is conditioned on that is planned and raised (ChainDuties), also for the
		// levels approved before.
		boolean derived = this.contracts.deriveAttribute(actor, s.getContractId(), ContractAttribute.HAS_SUBCONTRACTORS,
				"Subcontract:" + s.getId());
		List<Obligation> raised = this.chainDuties.raise(s);
		this.audit.record(AuditRecord.of("SUBCONTRACT_APPROVED")
			.actor(actor)
			.target("Subcontract", id)
			.detail("contract", s.getContractId())
			.detail("appliedBy", s.getAppliedBy())
			.detail("subcontractor", s.getSubcontractorName())
			.detail("attributeDerived", derived)
			.detail("obligations", raised.stream().map(Obligation::getId).toList()));
		this.events.publishEvent(new SubcontractEvents.SubcontractApproved(s.getContractId(), id,
				s.getSubcontractorOrganisationId(), s.getApplicantOrganisationId()));
		return s;
	}

	/**
	 * Rejects a pending subcontract with a reason.
	 * @param actor the client's officer or security administrator
	 * @param id the subcontract
	 * @param reason why
	 * @return the subcontract
	 */
	@Transactional
	public Subcontract reject(Actor actor, UUID id, @Nullable String reason) {
		Subcontract s = decidable(actor, id);
		s.reject(actor.userId(), reason, Instant.now(this.clock));
		this.audit.record(AuditRecord.of("SUBCONTRACT_REJECTED")
			.actor(actor)
			.target("Subcontract", id)
			.detail("contract", s.getContractId())
			.detail("appliedBy", s.getAppliedBy())
			.detail("reason", s.getRejectionReason()));
		return s;
	}

	/**
	 * Records the applicant's check of an approved subcontractor.
	 * @param actor the lead of the organisation that applied for the subcontract
	 * @param subcontractId the subcontract
	 * @param form the check
	 * @return the record
	 */
	@Transactional
	public SupervisionRecord recordSupervision(Actor actor, UUID subcontractId, SupervisionForm form) {
		Subcontract s = get(actor, subcontractId);
		Contract contract = this.contracts.getAsParticipant(actor, s.getContractId());
		if (!maySupervise(actor, contract, s)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		List<FieldProblem> problems = form.problems();
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		if (form.getSupervisedOn().isAfter(this.calendar.today())) {
			throw new InvalidInputProblem("supervisedOn", "subcontract.error.supervisedOn.future");
		}
		SupervisionRecord record = this.supervision.save(new SupervisionRecord(s, form.getSupervisedOn(),
				SubcontractForm.clean(form.getMethod()), SubcontractForm.clean(form.getResult()),
				SubcontractForm.clean(form.getFindings()), actor.userId(), Instant.now(this.clock)));
		this.audit.record(AuditRecord.of("SUBCONTRACT_SUPERVISION_RECORDED")
			.actor(actor)
			.target("Subcontract", subcontractId)
			.detail("contract", s.getContractId())
			.detail("record", record.getId())
			.detail("supervisedOn", record.getSupervisedOn()));
		return record;
	}

	/**
	 * The client asks for the supervision report (Kadoma 8(5), Nerima 22②): raises the
	 * profile's SUBCONTRACT_SUPERVISION_REPORT obligations on request.
	 * @param actor the client's officer or security administrator
	 * @param contractId the contract
	 * @return the obligations raised, never empty
	 * @throws InvalidInputProblem when the contract's profile asks for no such report on
	 * request, so that nobody is told a report was asked for when nothing was raised
	 */
	@Transactional
	public List<Obligation> askForSupervisionReport(Actor actor, UUID contractId) {
		Contract contract = this.contracts.getAsParticipant(actor, contractId);
		if (!mayAskReport(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		Instant now = Instant.now(this.clock);
		String key = "SUPERVISION-" + now.toEpochMilli();
		List<Obligation> raised = this.obligations.raise(contractId,
				new ObligationTrigger(TriggerType.ON_REQUEST, null, null, null),
				new Obligations.Occurrence(key, this.calendar.today(),
						this.pdf.text("subcontract.supervision.obligation.subject"), "SubcontractSupervision:" + key),
				Deliverable.SUBCONTRACT_SUPERVISION_REPORT);
		if (raised.isEmpty()) {
			throw new InvalidInputProblem("contract", "subcontract.error.supervision.nothingToRequest");
		}
		this.audit.record(AuditRecord.of("SUBCONTRACT_SUPERVISION_REQUESTED")
			.actor(actor)
			.target("Contract", contractId)
			.detail("obligations", raised.stream().map(Obligation::getId).toList()));
		return raised;
	}

	/**
	 * Submits the supervision records of the contract as a PDF report to an open
	 * SUBCONTRACT_SUPERVISION_REPORT obligation.
	 * @param actor the contractor's lead
	 * @param contractId the contract
	 * @param obligationId the obligation
	 */
	@Transactional
	public void submitSupervisionReport(Actor actor, UUID contractId, @Nullable UUID obligationId) {
		Contract contract = this.contracts.getAsParticipant(actor, contractId);
		if (!mayReport(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		if (obligationId == null) {
			throw new InvalidInputProblem("obligationId", "subcontract.error.obligation");
		}
		Obligation obligation = this.obligationReads.findUnscoped(obligationId)
			.filter((o) -> o.getContractId().equals(contractId)
					&& o.getDeliverable() == Deliverable.SUBCONTRACT_SUPERVISION_REPORT)
			.orElseThrow(() -> new InvalidInputProblem("obligationId", "subcontract.error.obligation"));
		List<SupervisionRecord> records = this.supervision.findByContractIdOrderBySupervisedOnAsc(contractId);
		if (records.isEmpty()) {
			throw new InvalidInputProblem("obligationId", "subcontract.error.noSupervision");
		}
		byte[] report = this.pdf.supervisionReport(contract, this.repository.findByContractIdOrderBySeqAsc(contractId),
				records);
		this.obligations.submit(actor, obligation.getId(),
				this.pdf.text("subcontract.supervision.comment", records.size()),
				List.of(new Obligations.Upload("再委託先管理監督報告書.pdf", "application/pdf", new ByteArrayResource(report))));
		this.audit.record(AuditRecord.of("SUBCONTRACT_SUPERVISION_REPORTED")
			.actor(actor)
			.target("Obligation", obligationId)
			.detail("contract", contractId)
			.detail("records", records.stream().map(SupervisionRecord::getId).toList()));
	}

	/**
	 * Opens an application's PDF for someone who may see the subcontract; audited.
	 * @param actor the acting user
	 * @param id the subcontract
	 * @return the subcontract and its PDF; the caller closes the stream
	 */
	@Transactional
	public Opened open(Actor actor, UUID id) {
		Subcontract s = get(actor, id);
		this.audit.record(AuditRecord.of("SUBCONTRACT_APPLICATION_VIEWED")
			.actor(actor)
			.target("Subcontract", id)
			.detail("sha256", s.getSha256()));
		return new Opened(s, this.documents.open(s.getDocumentKey()));
	}

	/**
	 * Returns the organisations above a subcontract's applicant, nearest first: the
	 * subcontractors of the levels above, then the contractor (the client is not listed).
	 * @param subcontractId the subcontract
	 * @return organisation ids
	 */
	@Transactional(readOnly = true)
	List<UUID> upstreamOfApplicantUnscoped(UUID subcontractId) {
		Subcontract s = this.repository.findById(subcontractId).orElseThrow(() -> new NotFoundProblem(WHAT));
		Contract contract = this.contractReads.findUnscoped(s.getContractId()).orElseThrow();
		List<Subcontract> all = this.repository.findByContractIdOrderBySeqAsc(s.getContractId());
		Subcontract parent = byId(all, s.getParentId());
		List<UUID> upstream = new ArrayList<>(upstream(contract, all, parent, s.getApplicantOrganisationId()));
		upstream.remove(s.getApplicantOrganisationId());
		return upstream;
	}

	/**
	 * Organisations in the chain from the applicant up to the contractor, the applicant
	 * first.
	 */
	private Set<UUID> upstream(Contract contract, List<Subcontract> all, @Nullable Subcontract parent, UUID applicant) {
		Set<UUID> chain = new LinkedHashSet<>();
		chain.add(applicant);
		for (Subcontract p = parent; p != null; p = byId(all, p.getParentId())) {
			chain.add(p.getSubcontractorOrganisationId());
			chain.add(p.getApplicantOrganisationId());
		}
		chain.add(contract.getContractorOrganisationId());
		return chain;
	}

	private static @Nullable Subcontract byId(List<Subcontract> all, @Nullable UUID id) {
		if (id == null) {
			return null;
		}
		return all.stream().filter((s) -> s.getId().equals(id)).findFirst().orElse(null);
	}

	private Optional<Subcontract> approvedOf(UUID contractId, UUID organisationId) {
		return approvedOf(this.repository.findByContractIdOrderBySeqAsc(contractId), organisationId);
	}

	private static Optional<Subcontract> approvedOf(List<Subcontract> all, UUID organisationId) {
		return all.stream()
			.filter((s) -> s.isApproved() && s.getSubcontractorOrganisationId().equals(organisationId))
			.findFirst();
	}

	/**
	 * The client and the contractor see every level; an approved subcontractor its own
	 * subcontract and every level below it.
	 */
	private List<Subcontract> visible(Actor actor, Contract contract, List<Subcontract> all) {
		if (ContractRoles.isParty(actor, contract)) {
			return all;
		}
		Set<UUID> shown = new HashSet<>();
		approvedOf(all, actor.organisationId()).ifPresent((own) -> shown.add(own.getId()));
		boolean grew = !shown.isEmpty();
		while (grew) {
			grew = false;
			for (Subcontract s : all) {
				if (s.getParentId() != null && shown.contains(s.getParentId()) && shown.add(s.getId())) {
					grew = true;
				}
			}
		}
		return all.stream().filter((s) -> shown.contains(s.getId())).toList();
	}

	private boolean mayDecide(Actor actor, Contract contract, Subcontract s) {
		return s.getStatus() == SubcontractStatus.PENDING && ContractRoles.decidesForClient(actor, contract);
	}

	private boolean maySupervise(Actor actor, Contract contract, Subcontract s) {
		return s.isApproved() && ContractRoles.CONTRACTOR_LEADS.contains(actor.role())
				&& s.getApplicantOrganisationId().equals(actor.organisationId()) && ContractRoles.isOpen(contract);
	}

	private boolean mayAskReport(Actor actor, Contract contract) {
		return ContractRoles.decidesForClientWhileOpen(actor, contract);
	}

	private boolean mayReport(Actor actor, Contract contract) {
		return ContractRoles.leadsForContractorWhileOpen(actor, contract);
	}

	/**
	 * Returns the subcontract applications that wait for the actor's decision: pending
	 * applications of the contracts on which the actor decides for the client, oldest
	 * first.
	 * @param actor the acting user
	 * @return the applications with their contracts; empty for anyone who decides nothing
	 */
	@Transactional(readOnly = true)
	public List<Pending> awaitingDecision(Actor actor) {
		Map<UUID, Contract> deciding = this.contracts.listWhere(actor, (c) -> ContractRoles.decidesForClient(actor, c));
		if (deciding.isEmpty()) {
			return List.of();
		}
		return this.repository.inState(deciding.keySet().toArray(UUID[]::new), SubcontractStatus.PENDING.name())
			.stream()
			.map((s) -> new Pending(Objects.requireNonNull(deciding.get(s.getContractId())), s))
			.toList();
	}

	/**
	 * Counts the applications {@link #awaitingDecision} lists, in the database.
	 * @param actor the acting user
	 * @return {@code awaitingDecision(actor).size()}
	 */
	@Transactional(readOnly = true)
	public int countAwaitingDecision(Actor actor) {
		return this.contracts.countActingForClient(actor, ContractRoles.CLIENT_DECIDERS, "subcontract",
				"x.status = '%s'".formatted(SubcontractStatus.PENDING));
	}

	/**
	 * A subcontract application with its contract.
	 *
	 * @param contract the contract
	 * @param subcontract the pending application
	 */
	public record Pending(Contract contract, Subcontract subcontract) {
	}

	private Subcontract decidable(Actor actor, UUID id) {
		Subcontract s = get(actor, id);
		Contract contract = this.contracts.getAsParticipant(actor, s.getContractId());
		if (!ContractRoles.decidesForClient(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		return s;
	}

	private Contract scopedContract(Actor actor, UUID contractId) {
		try {
			return this.contracts.getAsParticipant(actor, contractId);
		}
		catch (NotFoundProblem ex) {
			throw new NotFoundProblem(WHAT);
		}
	}

	/** Depth-first order: each node followed by the nodes below it. */
	private static List<Node> ordered(List<Node> nodes) {
		List<Node> out = new ArrayList<>();
		nodes.stream().filter((n) -> n.parentId() == null).forEach((root) -> add(root, nodes, out));
		return out;
	}

	private static void add(Node node, List<Node> nodes, List<Node> out) {
		out.add(node);
		nodes.stream()
			.filter((n) -> node.subcontract().getId().equals(n.parentId()))
			.forEach((child) -> add(child, nodes, out));
	}

	/**
	 * A contract's chain as the actor sees it.
	 *
	 * @param contract the contract
	 * @param nodes the subcontracts, each followed by the levels below it
	 * @param supervision the supervision records of the visible subcontracts
	 * @param mayApply whether the actor may apply for a subcontract
	 * @param mayAskReport whether the actor (the client) may ask for the supervision
	 * report
	 * @param reportObligations open supervision-report obligations the actor may submit
	 * to
	 * @param staffNotices the staff notices of the visible subcontracts (Gunma 14③)
	 */
	public record Chain(Contract contract, List<Node> nodes, List<SupervisionRecord> supervision, boolean mayApply,
			boolean mayAskReport, List<Obligation> reportObligations, List<StaffNotice> staffNotices) {

		/**
		 * Returns the staff notices of one subcontract.
		 * @param subcontractId the subcontract
		 * @return its notices, oldest first
		 */
		public List<StaffNotice> staffOf(UUID subcontractId) {
			return this.staffNotices.stream().filter((n) -> n.getSubcontractId().equals(subcontractId)).toList();
		}

	}

	/**
	 * One level of the chain.
	 *
	 * @param subcontract the subcontract
	 * @param applicantName who passed the work on
	 * @param parentId the visible subcontract above, or {@code null}
	 * @param activeRosterMembers the subcontractor's active roster members on the
	 * contract
	 * @param openObligations open obligations this subcontract raised
	 * @param mayDecide whether the actor may approve or reject it
	 * @param maySupervise whether the actor records its supervision
	 * @param mayFileStaff whether the actor files its staff notices
	 */
	public record Node(Subcontract subcontract, String applicantName, @Nullable UUID parentId, long activeRosterMembers,
			long openObligations, boolean mayDecide, boolean maySupervise, boolean mayFileStaff) {
	}

	/**
	 * An application's PDF, opened.
	 *
	 * @param subcontract the subcontract
	 * @param content the PDF; the caller closes it
	 */
	public record Opened(Subcontract subcontract, InputStream content) {
	}

}
