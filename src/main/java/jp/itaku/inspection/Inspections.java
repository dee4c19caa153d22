package jp.itaku.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.ClauseCatalog;
import jp.itaku.catalog.Deliverable;
import jp.itaku.catalog.ProfileDefinition;
import jp.itaku.catalog.TriggerEvent;
import jp.itaku.catalog.TriggerType;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractStatus;
import jp.itaku.contract.Contracts;
import jp.itaku.document.Documents;
import jp.itaku.document.UploadedDocument;
import jp.itaku.finding.FindingEvents;
import jp.itaku.finding.FindingParties;
import jp.itaku.finding.FindingStep;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.Obligations;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.OrganisationKind;
import jp.itaku.platform.Role;
import jp.itaku.platform.Sha256;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audits and on-site inspections of the contracts, followed to closure (Setagaya 33–34,
 * Kadoma 11(2)–(4), Nerima 22–23, Gunma 15; requests for material, Gunma 9). The client's
 * officers and security administrators plan an inspection with a checklist drawn from the
 * contract's profile, record observations and findings, give improvement instructions
 * with due dates (raising the profile's AUDIT_FINDING obligations, key
 * {@code AUD-<n>-F<m>}), verify the contractor's response (accept: closed; return: back
 * to the contractor) and request material (raising the ON_REQUEST obligations of that
 * deliverable only, key {@code AUD-<n>-R<m>}). The contractor's lead responds with the
 * actions taken and evidence; the contractor's side answers requests by submitting to
 * their obligations. The auditor reads; a party not to the contract finds nothing. Every
 * change, and every audit report issued with its SHA-256, is on the audit trail.
 */
@Service
public class Inspections {

	private static final String WHAT = "inspection.entity";

	private static final Set<Role> CLIENT_INSPECTORS = Set.of(Role.CLIENT_OFFICER, Role.CLIENT_SECURITY_ADMIN);

	private final InspectionRepository inspections;

	private final ChecklistLineRepository lines;

	private final FindingRepository findings;

	private final EvidenceRepository evidence;

	private final MaterialRequestRepository requests;

	private final Contracts contracts;

	private final ClauseCatalog catalog;

	private final Obligations obligations;

	private final Documents documents;

	private final InspectionReport report;

	private final AuditTrail audit;

	private final WorkingCalendar calendar;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Inspections(InspectionRepository inspections, ChecklistLineRepository lines, FindingRepository findings,
			EvidenceRepository evidence, MaterialRequestRepository requests, Contracts contracts, ClauseCatalog catalog,
			Obligations obligations, Documents documents, InspectionReport report, AuditTrail audit,
			WorkingCalendar calendar, Clock clock, JdbcClient jdbc, ApplicationEventPublisher events) {
		this.events = events;
		this.inspections = inspections;
		this.lines = lines;
		this.findings = findings;
		this.evidence = evidence;
		this.requests = requests;
		this.contracts = contracts;
		this.catalog = catalog;
		this.obligations = obligations;
		this.documents = documents;
		this.report = report;
		this.audit = audit;
		this.calendar = calendar;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/**
	 * Returns whether the actor plans and verifies inspections of the contract: an
	 * officer or security administrator of its client, while the contract is not closed.
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor may
	 */
	public boolean mayInspect(Actor actor, Contract contract) {
		return CLIENT_INSPECTORS.contains(actor.role()) && actor.organisationKind() == OrganisationKind.CLIENT
				&& contract.getClientOrganisationId().equals(actor.organisationId())
				&& contract.getStatus() != ContractStatus.CLOSED;
	}

	/**
	 * Lists a contract's inspections, latest first, with what a new plan may check.
	 * @param actor a party to the contract
	 * @param contractId the contract
	 * @return the list
	 * @throws NotFoundProblem when the actor is no party to the contract
	 */
	@Transactional(readOnly = true)
	public ContractInspections list(Actor actor, UUID contractId) {
		Contract contract = this.contracts.get(actor, contractId);
		boolean mayPlan = mayInspect(actor, contract);
		List<Inspection> all = this.inspections.findByContractIdOrderBySeqDesc(contractId);
		LocalDate today = this.calendar.today();
		Map<UUID, InspectionState> states = new HashMap<>();
		for (Inspection inspection : all) {
			states.put(inspection.getId(),
					InspectionState.of(inspection, this.lines.findByInspectionIdOrderByPosition(inspection.getId()),
							this.findings.findByInspectionIdOrderBySeq(inspection.getId()), today));
		}
		return new ContractInspections(contract, all, states, mayPlan, mayPlan ? candidates(contract) : List.of());
	}

	/**
	 * Returns the lines an inspection of the contract may check.
	 * @param contract the contract
	 * @return the lines, in document order
	 */
	List<Checklist.Candidate> candidates(Contract contract) {
		return Checklist.candidates(profile(contract), contract.getAttributes());
	}

	/**
	 * Plans an inspection with its checklist.
	 * @param actor an officer or security administrator of the contract's client
	 * @param contractId the contract
	 * @param form the plan
	 * @return the inspection
	 * @throws InvalidInputProblem naming every field at fault; nothing is stored then
	 * @throws AccessDeniedProblem for anyone else party to the contract
	 */
	@Transactional
	public Inspection plan(Actor actor, UUID contractId, InspectionForm form) {
		Contract contract = this.contracts.get(actor, contractId);
		requireInspector(actor, contract);
		List<FieldProblem> problems = new ArrayList<>();
		if (form.getKind() == null) {
			problems.add(new FieldProblem("kind", "inspection.error.required.kind"));
		}
		if (form.getHeldOn() == null) {
			problems.add(new FieldProblem("heldOn", "inspection.error.required.heldOn"));
		}
		String scope = collect(problems, () -> Texts.required("scope", form.getScope(), Inspection.SCOPE_MAX));
		String inspectors = collect(problems,
				() -> Texts.required("inspectors", form.getInspectors(), Inspection.NAMES_MAX));
		String subcontractors = collect(problems,
				() -> Texts.optional("subcontractorsInScope", form.getSubcontractorsInScope(), Inspection.NAMES_MAX));
		List<Checklist.Candidate> candidates = candidates(contract);
		List<Checklist.Candidate> kept = candidates;
		if (form.getLines() != null) {
			Set<String> keys = new HashSet<>(form.getLines());
			kept = candidates.stream().filter((c) -> keys.contains(c.key())).toList();
			Set<String> known = candidates.stream().map(Checklist.Candidate::key).collect(Collectors.toSet());
			if (!known.containsAll(keys)) {
				problems.add(new FieldProblem("lines", "inspection.error.lines.unknown"));
			}
		}
		if (kept.isEmpty()) {
			problems.add(new FieldProblem("lines", "inspection.error.lines.empty"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		lock("inspection:" + contractId);
		Inspection inspection = this.inspections
			.saveAndFlush(new Inspection(contractId, contract.getClientOrganisationId(),
					contract.getContractorOrganisationId(), this.inspections.lastSeq(contractId) + 1, form.getKind(),
					scope, form.getHeldOn(), inspectors, subcontractors, actor.userId(), Instant.now(this.clock)));
		int position = 1;
		for (Checklist.Candidate line : kept) {
			this.lines.save(new ChecklistLine(inspection.getId(), position++, line.clauseRef(), line.summary()));
		}
		this.audit.record(AuditRecord.of("INSPECTION_PLANNED")
			.actor(actor)
			.target("Inspection", inspection.getId())
			.detail("contract", contractId)
			.detail("number", inspection.getNumber())
			.detail("kind", inspection.getKind().name())
			.detail("heldOn", inspection.getHeldOn())
			.detail("lines", kept.size())
			.detail("linesOffered", candidates.size())
			.detail("subcontractorsInScope", subcontractors != null));
		return inspection;
	}

	/**
	 * Returns an inspection with its checklist, findings, requests and what the actor may
	 * do.
	 * @param actor a party to the contract
	 * @param inspectionId the inspection
	 * @return the detail
	 * @throws NotFoundProblem when the actor is no party to the contract
	 */
	@Transactional(readOnly = true)
	public Detail detail(Actor actor, UUID inspectionId) {
		Inspection inspection = find(inspectionId);
		Contract contract = scoped(actor, inspection);
		List<Finding> found = this.findings.findByInspectionIdOrderBySeq(inspectionId);
		Map<UUID, List<Evidence>> files = found.isEmpty() ? Map.of()
				: this.evidence.findByFindingIdInOrderByUploadedAt(found.stream().map(Finding::getId).toList())
					.stream()
					.collect(Collectors.groupingBy(Evidence::getFindingId));
		LocalDate today = this.calendar.today();
		List<FindingView> findingViews = found.stream()
			.map((f) -> new FindingView(f, f.keyIn(inspection), files.getOrDefault(f.getId(), List.of()),
					f.isOverdue(today)))
			.toList();
		List<Obligation> raised = this.obligations.forContract(actor, contract.getId())
			.stream()
			.filter((o) -> o.getOrigin() == Obligation.Origin.RAISED
					&& o.getPeriodKey().startsWith(inspection.getNumber() + "-"))
			.toList();
		List<RequestView> requestViews = this.requests.findByInspectionIdOrderBySeq(inspectionId).stream().map((r) -> {
			String key = r.keyIn(inspection);
			List<Obligation> mine = raised.stream()
				.filter((o) -> o.getPeriodKey().equals(key) && o.getDeliverable() == r.getDeliverable())
				.toList();
			return RequestView.of(r, key, mine, today);
		}).toList();
		boolean inspector = mayInspect(actor, contract);
		List<ChecklistLine> checklist = this.lines.findByInspectionIdOrderByPosition(inspectionId);
		return new Detail(inspection, contract, InspectionState.of(inspection, checklist, found, today), checklist,
				findingViews, requestViews, inspector, FindingParties.mayTake(actor, contract, FindingStep.EXPLAIN),
				contractorSide(actor, inspection), inspector ? requestable(contract) : List.of(), today);
	}

	/**
	 * Records the observation on a checklist line.
	 * @param actor an officer or security administrator of the client
	 * @param lineId the line
	 * @param result the result
	 * @param note what was seen (optional)
	 * @return the line
	 */
	@Transactional
	public ChecklistLine observe(Actor actor, UUID lineId, LineResult result, String note) {
		ChecklistLine line = this.lines.findById(lineId).orElseThrow(() -> new NotFoundProblem(WHAT));
		Inspection inspection = find(line.getInspectionId());
		requireInspector(actor, scoped(actor, inspection));
		line.observe(result, note);
		this.audit.record(AuditRecord.of("INSPECTION_OBSERVED")
			.actor(actor)
			.target("Inspection", inspection.getId())
			.detail("contract", inspection.getContractId())
			.detail("line", lineId)
			.detail("clause", line.getClauseRef())
			.detail("result", result.name()));
		return line;
	}

	/**
	 * Records a finding and, when an instruction is given, instructs at once.
	 * @param actor an officer or security administrator of the client
	 * @param inspectionId the inspection
	 * @param severity how serious
	 * @param clauseRef the clause it concerns
	 * @param description what was found
	 * @param instruction the improvement instruction, or {@code null} to instruct later
	 * @param dueOn its due date (with the instruction)
	 * @return the finding
	 * @throws InvalidInputProblem naming the field at fault; nothing is stored then
	 */
	@Transactional
	public Finding recordFinding(Actor actor, UUID inspectionId, Severity severity, String clauseRef,
			String description, String instruction, LocalDate dueOn) {
		Inspection inspection = find(inspectionId);
		requireInspector(actor, scoped(actor, inspection));
		lock("finding:" + inspectionId);
		int seq = this.findings.findByInspectionIdOrderBySeq(inspectionId).size() + 1;
		Finding finding = new Finding(inspection, seq, severity, clauseRef, description, actor.userId(),
				Instant.now(this.clock));
		this.findings.saveAndFlush(finding);
		this.audit.record(AuditRecord.of("FINDING_RECORDED")
			.actor(actor)
			.target("Finding", finding.getId())
			.detail("contract", inspection.getContractId())
			.detail("inspection", inspection.getNumber())
			.detail("finding", finding.keyIn(inspection))
			.detail("severity", severity.name())
			.detail("clause", finding.getClauseRef()));
		if (Texts.clean(instruction) != null || dueOn != null) {
			instruct(actor, inspection, finding, instruction, dueOn);
		}
		return finding;
	}

	/**
	 * Gives the improvement instruction on a recorded finding (改善指示).
	 * @param actor an officer or security administrator of the client
	 * @param findingId the finding
	 * @param instruction what the contractor must improve
	 * @param dueOn by when
	 * @return the finding
	 */
	@Transactional
	public Finding instruct(Actor actor, UUID findingId, String instruction, LocalDate dueOn) {
		Finding finding = findFinding(findingId);
		Inspection inspection = find(finding.getInspectionId());
		requireStep(actor, scoped(actor, inspection), FindingStep.ACKNOWLEDGE);
		return instruct(actor, inspection, finding, instruction, dueOn);
	}

	private Finding instruct(Actor actor, Inspection inspection, Finding finding, String instruction, LocalDate dueOn) {
		LocalDate today = this.calendar.today();
		finding.instruct(instruction, dueOn, today, Instant.now(this.clock));
		List<Obligation> raised = this.obligations.raise(inspection.getContractId(),
				ObligationTrigger.event(TriggerEvent.AUDIT_FINDING),
				new Obligations.Occurrence(finding.keyIn(inspection), today, this.report.subject(inspection, finding),
						"Finding:" + finding.getId()));
		this.audit.record(AuditRecord.of("FINDING_INSTRUCTED")
			.actor(actor)
			.target("Finding", finding.getId())
			.detail("contract", inspection.getContractId())
			.detail("finding", finding.keyIn(inspection))
			.detail("dueOn", finding.getDueOn())
			.detail("obligations", raised.stream().map(Obligation::getId).toList()));
		told(inspection, finding, FindingStep.ACKNOWLEDGE, null);
		return finding;
	}

	/**
	 * The contractor's lead responds to an instructed (or returned) finding with the
	 * actions taken and evidence files.
	 * @param actor the lead of the contract's contractor
	 * @param findingId the finding
	 * @param actions what was done
	 * @param files evidence (may be empty)
	 * @return the finding
	 * @throws InvalidInputProblem on a missing text, a refused file or a finding not
	 * awaiting the contractor
	 */
	@Transactional
	public Finding respond(Actor actor, UUID findingId, String actions, List<Obligations.Upload> files) {
		Finding finding = findFinding(findingId);
		Inspection inspection = find(finding.getInspectionId());
		requireStep(actor, scoped(actor, inspection), FindingStep.EXPLAIN);
		Instant now = Instant.now(this.clock);
		finding.respond(actions, actor.userId(), now);
		List<String> hashes = new ArrayList<>();
		for (Obligations.Upload file : (files != null) ? files : List.<Obligations.Upload>of()) {
			UploadedDocument document;
			try (InputStream in = file.content().getInputStream()) {
				document = this.documents.accept(file.fileName(), file.contentType(), in);
			}
			catch (IOException ex) {
				throw new InvalidInputProblem("files", "inspection.error.file");
			}
			this.evidence.save(new Evidence(findingId, document.key(), document.sha256(), document.fileName(),
					document.contentType(), actor.userId(), now));
			hashes.add(document.sha256());
		}
		this.audit.record(AuditRecord.of("FINDING_RESPONDED")
			.actor(actor)
			.target("Finding", findingId)
			.detail("contract", inspection.getContractId())
			.detail("finding", finding.keyIn(inspection))
			.detail("evidence", hashes));
		told(inspection, finding, FindingStep.EXPLAIN, null);
		return finding;
	}

	/**
	 * The client accepts the response: the finding is closed.
	 * @param actor an officer or security administrator of the client
	 * @param findingId the finding
	 * @param comment optional comment
	 * @return the finding
	 */
	@Transactional
	public Finding accept(Actor actor, UUID findingId, String comment) {
		Finding finding = findFinding(findingId);
		Inspection inspection = find(finding.getInspectionId());
		requireStep(actor, scoped(actor, inspection), FindingStep.CLOSE);
		finding.accept(comment, actor.userId(), Instant.now(this.clock));
		this.audit.record(AuditRecord.of("FINDING_ACCEPTED")
			.actor(actor)
			.target("Finding", findingId)
			.detail("contract", inspection.getContractId())
			.detail("finding", finding.keyIn(inspection))
			.detail("status", finding.getStatus().name()));
		told(inspection, finding, FindingStep.CLOSE, null);
		return finding;
	}

	/**
	 * The client returns the response with a comment: back to the contractor.
	 * @param actor an officer or security administrator of the client
	 * @param findingId the finding
	 * @param comment why (required)
	 * @return the finding
	 */
	@Transactional
	public Finding returnResponse(Actor actor, UUID findingId, String comment) {
		Finding finding = findFinding(findingId);
		Inspection inspection = find(finding.getInspectionId());
		requireStep(actor, scoped(actor, inspection), FindingStep.RETURN);
		finding.returnResponse(comment, actor.userId(), Instant.now(this.clock));
		this.audit.record(AuditRecord.of("FINDING_RETURNED")
			.actor(actor)
			.target("Finding", findingId)
			.detail("contract", inspection.getContractId())
			.detail("finding", finding.keyIn(inspection))
			.detail("status", finding.getStatus().name()));
		told(inspection, finding, FindingStep.RETURN, finding.getReviewComment());
		return finding;
	}

	/**
	 * The client requests material (Kadoma 11(4), Gunma 9, Setagaya 33): raises the
	 * profile's ON_REQUEST obligations of that deliverable only.
	 * @param actor an officer or security administrator of the client
	 * @param inspectionId the inspection
	 * @param deliverable what is asked for; one the profile lets the client request
	 * @param description exactly what (e.g. the access logs of the last three months)
	 * @param dueOn by when
	 * @return the request
	 * @throws InvalidInputProblem naming every field at fault
	 */
	@Transactional
	public MaterialRequest requestMaterial(Actor actor, UUID inspectionId, Deliverable deliverable, String description,
			LocalDate dueOn) {
		Inspection inspection = find(inspectionId);
		Contract contract = scoped(actor, inspection);
		requireInspector(actor, contract);
		List<FieldProblem> problems = new ArrayList<>();
		if (deliverable == null || !requestable(contract).contains(deliverable)) {
			problems.add(new FieldProblem("deliverable", "inspection.error.deliverable"));
		}
		String clean = collect(problems,
				() -> Texts.required("description", description, MaterialRequest.DESCRIPTION_MAX));
		LocalDate today = this.calendar.today();
		if (dueOn == null) {
			problems.add(new FieldProblem("dueOn", "inspection.error.required.dueOn"));
		}
		else if (dueOn.isBefore(today)) {
			problems.add(new FieldProblem("dueOn", "inspection.error.dueOn.past"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		lock("request:" + inspectionId);
		int seq = this.requests.findByInspectionIdOrderBySeq(inspectionId).size() + 1;
		MaterialRequest request = this.requests.saveAndFlush(new MaterialRequest(inspection, seq, deliverable, clean,
				dueOn, actor.userId(), Instant.now(this.clock)));
		List<Obligation> raised = this.obligations.raise(inspection.getContractId(),
				new ObligationTrigger(TriggerType.ON_REQUEST, null, null, null),
				new Obligations.Occurrence(request.keyIn(inspection), today,
						this.report.requestSubject(inspection, request), "MaterialRequest:" + request.getId(), dueOn),
				deliverable);
		this.audit.record(AuditRecord.of("MATERIAL_REQUESTED")
			.actor(actor)
			.target("MaterialRequest", request.getId())
			.detail("contract", inspection.getContractId())
			.detail("request", request.keyIn(inspection))
			.detail("deliverable", deliverable.name())
			.detail("dueOn", dueOn)
			.detail("obligations", raised.stream().map(Obligation::getId).toList()));
		return request;
	}

	/**
	 * The contractor's side answers a request: submits the files to every open (or
	 * returned) obligation the request raised.
	 * @param actor a lead or worker of the contract's contractor
	 * @param requestId the request
	 * @param comment optional comment
	 * @param files the material
	 * @return the obligations submitted to
	 * @throws InvalidInputProblem when no obligation of the request awaits a submission,
	 * or a file is refused
	 */
	@Transactional
	public List<UUID> answer(Actor actor, UUID requestId, String comment, List<Obligations.Upload> files) {
		MaterialRequest request = this.requests.findById(requestId).orElseThrow(() -> new NotFoundProblem(WHAT));
		Inspection inspection = find(request.getInspectionId());
		scoped(actor, inspection);
		if (!contractorSide(actor, inspection)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
		List<UUID> submitted = this.obligations.submitFor(actor, inspection.getContractId(), request.getDeliverable(),
				request.keyIn(inspection), comment, files);
		if (submitted.isEmpty()) {
			throw new InvalidInputProblem("files", "inspection.error.request.nothingOpen");
		}
		this.audit.record(AuditRecord.of("MATERIAL_SUBMITTED")
			.actor(actor)
			.target("MaterialRequest", requestId)
			.detail("contract", inspection.getContractId())
			.detail("request", request.keyIn(inspection))
			.detail("obligations", submitted));
		return submitted;
	}

	/**
	 * Issues the audit report (PDF/A-2b): the plan, the checklist results, the findings
	 * and their state, the requests; its SHA-256 goes on the audit trail.
	 * @param actor a party to the contract
	 * @param inspectionId the inspection
	 * @return the report
	 */
	@Transactional
	public IssuedReport issueReport(Actor actor, UUID inspectionId) {
		Detail detail = detail(actor, inspectionId);
		byte[] pdf = this.report.render(detail, Instant.now(this.clock));
		String sha256 = Sha256.of(pdf);
		this.audit.record(AuditRecord.of("INSPECTION_REPORT_ISSUED")
			.actor(actor)
			.target("Inspection", inspectionId)
			.detail("contract", detail.contract().getId())
			.detail("number", detail.inspection().getNumber())
			.detail("sha256", sha256));
		return new IssuedReport(this.report.fileName(detail.inspection()), pdf, sha256);
	}

	/**
	 * Opens an evidence file; the download is audited.
	 * @param actor a party to the contract
	 * @param evidenceId the file
	 * @return the file and its content; the caller closes the stream
	 */
	@Transactional
	public OpenedEvidence openEvidence(Actor actor, UUID evidenceId) {
		Evidence file = this.evidence.findById(evidenceId).orElseThrow(() -> new NotFoundProblem(WHAT));
		Finding finding = findFinding(file.getFindingId());
		Inspection inspection = find(finding.getInspectionId());
		scoped(actor, inspection);
		this.audit.record(AuditRecord.of("FINDING_EVIDENCE_VIEWED")
			.actor(actor)
			.target("Finding", finding.getId())
			.detail("evidence", evidenceId)
			.detail("sha256", file.getSha256()));
		return new OpenedEvidence(file, this.documents.open(file.getDocumentKey()));
	}

	/**
	 * Returns the finding's id and inspection, scoped: for the pages' redirects.
	 * @param actor a party to the contract
	 * @param findingId the finding
	 * @return its inspection's id
	 */
	@Transactional(readOnly = true)
	public UUID inspectionOf(Actor actor, UUID findingId) {
		Finding finding = findFinding(findingId);
		scoped(actor, find(finding.getInspectionId()));
		return finding.getInspectionId();
	}

	private List<Deliverable> requestable(Contract contract) {
		return Checklist.requestable(profile(contract), contract.getAttributes());
	}

	private ProfileDefinition profile(Contract contract) {
		return this.catalog.get(contract.getProfileId()).definition();
	}

	/**
	 * Tells the other side (and any listener) that a step was taken on a finding; the
	 * finding module mails after commit.
	 */
	private void told(Inspection inspection, Finding finding, FindingStep step, String comment) {
		this.events.publishEvent(new FindingEvents.StepTaken(inspection.getContractId(), "Finding", step,
				InspectionFindingSource.summary(inspection, finding), comment));
	}

	/**
	 * Refuses a step of a finding's workflow the actor may not take: the rule every
	 * finding shares ({@link FindingParties}); the client's steps also wait for an open
	 * contract, as planning does.
	 */
	private void requireStep(Actor actor, Contract contract, FindingStep step) {
		FindingParties.require(actor, contract, step);
		if (step.side() == FindingStep.Side.CLIENT) {
			requireInspector(actor, contract);
		}
	}

	private boolean contractorSide(Actor actor, Inspection inspection) {
		return (actor.is(Role.CONTRACTOR_LEAD) || actor.is(Role.CONTRACTOR_WORKER))
				&& actor.organisationKind() != OrganisationKind.CLIENT
				&& Objects.equals(inspection.getContractorOrganisationId(), actor.organisationId());
	}

	private void requireInspector(Actor actor, Contract contract) {
		if (!mayInspect(actor, contract)) {
			throw new AccessDeniedProblem("error.forbidden");
		}
	}

	private void lock(String key) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", key).query((rs, n) -> 1).list();
	}

	private Inspection find(UUID inspectionId) {
		return this.inspections.findById(inspectionId).orElseThrow(() -> new NotFoundProblem(WHAT));
	}

	private Finding findFinding(UUID findingId) {
		return this.findings.findById(findingId).orElseThrow(() -> new NotFoundProblem(WHAT));
	}

	private Contract scoped(Actor actor, Inspection inspection) {
		try {
			return this.contracts.get(actor, inspection.getContractId());
		}
		catch (NotFoundProblem ex) {
			throw new NotFoundProblem(WHAT);
		}
	}

	private static String collect(List<FieldProblem> problems, Supplier<String> check) {
		try {
			return check.get();
		}
		catch (InvalidInputProblem problem) {
			problems.addAll(problem.getFieldProblems());
			return null;
		}
	}

	/**
	 * A contract's inspections.
	 *
	 * @param contract the contract
	 * @param inspections latest first
	 * @param states where each stands, by inspection
	 * @param mayPlan whether the actor may plan one
	 * @param candidates the lines a new plan may check (empty unless the actor may plan)
	 */
	public record ContractInspections(Contract contract, List<Inspection> inspections,
			Map<UUID, InspectionState> states, boolean mayPlan, List<Checklist.Candidate> candidates) {
	}

	/**
	 * An inspection and what the reader may do.
	 *
	 * @param inspection the inspection
	 * @param contract its contract
	 * @param state where it stands
	 * @param lines its checklist
	 * @param findings its findings
	 * @param requests its requests for material
	 * @param mayInspect whether the reader records, instructs, verifies and requests
	 * (client)
	 * @param mayRespond whether the reader responds to findings (contractor's lead)
	 * @param mayAnswer whether the reader answers requests (contractor's side)
	 * @param requestable the deliverables the client may request
	 * @param today today in Tokyo
	 */
	public record Detail(Inspection inspection, Contract contract, InspectionState state, List<ChecklistLine> lines,
			List<FindingView> findings, List<RequestView> requests, boolean mayInspect, boolean mayRespond,
			boolean mayAnswer, List<Deliverable> requestable, LocalDate today) {
	}

	/**
	 * A finding with its key, evidence and whether it is overdue.
	 *
	 * @param finding the finding
	 * @param key e.g. AUD-1-F2
	 * @param evidence the files of the responses
	 * @param overdue past its due date and not closed
	 */
	public record FindingView(Finding finding, String key, List<Evidence> evidence, boolean overdue) {
	}

	/**
	 * A request for material with its obligations and where it stands.
	 *
	 * @param request the request
	 * @param key e.g. AUD-1-R1
	 * @param obligations the obligations it raised
	 * @param state {@code NONE} (the profile asks for nothing), {@code OPEN},
	 * {@code SUBMITTED} or {@code ACCEPTED}
	 * @param overdue past its due date with nothing submitted
	 */
	public record RequestView(MaterialRequest request, String key, List<Obligation> obligations, String state,
			boolean overdue) {

		static RequestView of(MaterialRequest request, String key, List<Obligation> obligations, LocalDate today) {
			String state;
			if (obligations.isEmpty()) {
				state = "NONE";
			}
			else if (obligations.stream().allMatch((o) -> o.getStatus() == ObligationStatus.ACCEPTED)) {
				state = "ACCEPTED";
			}
			else if (obligations.stream().noneMatch(Obligation::awaitsSubmission)) {
				state = "SUBMITTED";
			}
			else {
				state = "OPEN";
			}
			return new RequestView(request, key, obligations, state,
					"OPEN".equals(state) && request.getDueOn().isBefore(today));
		}

	}

	/**
	 * An audit report issued.
	 *
	 * @param fileName its file name
	 * @param pdf the PDF/A-2b
	 * @param sha256 its hash, as on the audit trail
	 */
	public record IssuedReport(String fileName, byte[] pdf, String sha256) {
	}

	/**
	 * An evidence file opened for reading.
	 *
	 * @param evidence the file
	 * @param content its content; the caller closes it
	 */
	public record OpenedEvidence(Evidence evidence, InputStream content) {
	}

}
