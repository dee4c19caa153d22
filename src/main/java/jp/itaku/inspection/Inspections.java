package jp.itaku.inspection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.Deliverable;
import jp.itaku.contract.Contract;
import jp.itaku.finding.FindingParties;
import jp.itaku.finding.FindingStep;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.ItakuProblem.FieldProblem;
import jp.itaku.platform.NotFoundProblem;
import jp.itaku.platform.Sha256;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audits and on-site inspections of the contracts (Setagaya 33–34, Kadoma 11(2)–(4),
 * Nerima 22–23, Gunma 15): the client's officers and security administrators plan an
 * inspection with a checklist drawn from the contract's profile and record observations
 * per line; every party reads the inspection with its findings
 * ({@link InspectionFindings}) and requests for material ({@link MaterialRequests}), and
 * the audit report issued with its SHA-256 on the audit trail. The auditor reads; a party
 * not to the contract finds nothing.
 */
@Service
public class Inspections {

	private final InspectionRepository inspections;

	private final ChecklistLineRepository lines;

	private final InspectionScope scope;

	private final InspectionFindings findings;

	private final MaterialRequests requests;

	private final InspectionReport report;

	private final AuditTrail audit;

	private final WorkingCalendar calendar;

	private final Clock clock;

	Inspections(InspectionRepository inspections, ChecklistLineRepository lines, InspectionScope scope,
			InspectionFindings findings, MaterialRequests requests, InspectionReport report, AuditTrail audit,
			WorkingCalendar calendar, Clock clock) {
		this.inspections = inspections;
		this.lines = lines;
		this.scope = scope;
		this.findings = findings;
		this.requests = requests;
		this.report = report;
		this.audit = audit;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * Returns whether the actor plans and verifies inspections of the contract: a decider
	 * of its client while its rights run, also after closing
	 * ({@code ContractRoles.decidesForClientWhileRightsRun}).
	 * @param actor the acting user
	 * @param contract the contract
	 * @return {@code true} when the actor may
	 */
	public boolean mayInspect(Actor actor, Contract contract) {
		return this.scope.mayInspect(actor, contract);
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
		Contract contract = this.scope.contract(actor, contractId);
		boolean mayPlan = mayInspect(actor, contract);
		List<Inspection> all = this.inspections.findByContractIdOrderBySeqDesc(contractId);
		LocalDate today = this.calendar.today();
		Map<UUID, InspectionState> states = new HashMap<>();
		for (Inspection inspection : all) {
			states.put(inspection.getId(),
					InspectionState.of(inspection, this.lines.findByInspectionIdOrderByPosition(inspection.getId()),
							this.findings.of(inspection.getId()), today));
		}
		return new ContractInspections(contract, all, states, mayPlan, mayPlan ? candidates(contract) : List.of());
	}

	/**
	 * Returns the lines an inspection of the contract may check.
	 * @param contract the contract
	 * @return the lines, in document order
	 */
	List<Checklist.Candidate> candidates(Contract contract) {
		return Checklist.candidates(this.scope.profile(contract), contract.getAttributes());
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
		Contract contract = this.scope.contract(actor, contractId);
		this.scope.requireInspector(actor, contract);
		List<FieldProblem> problems = new ArrayList<>();
		if (form.getKind() == null) {
			problems.add(new FieldProblem("kind", "inspection.error.required.kind"));
		}
		if (form.getHeldOn() == null) {
			problems.add(new FieldProblem("heldOn", "inspection.error.required.heldOn"));
		}
		String planScope = Texts.collect(problems,
				() -> Texts.required("scope", form.getScope(), Inspection.SCOPE_MAX));
		String inspectors = Texts.collect(problems,
				() -> Texts.required("inspectors", form.getInspectors(), Inspection.NAMES_MAX));
		String subcontractors = Texts.collect(problems,
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
		this.scope.lock("inspection:" + contractId);
		Inspection inspection = this.inspections
			.saveAndFlush(new Inspection(contractId, contract.getClientOrganisationId(),
					contract.getContractorOrganisationId(), this.inspections.lastSeq(contractId) + 1, form.getKind(),
					planScope, form.getHeldOn(), inspectors, subcontractors, actor.userId(), Instant.now(this.clock)));
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
		Inspection inspection = this.scope.find(inspectionId);
		Contract contract = this.scope.scoped(actor, inspection);
		List<Finding> found = this.findings.of(inspectionId);
		LocalDate today = this.calendar.today();
		boolean inspector = mayInspect(actor, contract);
		List<ChecklistLine> checklist = this.lines.findByInspectionIdOrderByPosition(inspectionId);
		return new Detail(inspection, contract, InspectionState.of(inspection, checklist, found, today), checklist,
				this.findings.views(inspection, found, today), this.requests.views(actor, inspection, today), inspector,
				FindingParties.mayTake(actor, contract, FindingStep.EXPLAIN),
				InspectionScope.mayAnswer(actor, contract), inspector ? this.scope.requestable(contract) : List.of(),
				today);
	}

	/**
	 * Records the observation on a checklist line.
	 * @param actor an officer or security administrator of the client
	 * @param lineId the line
	 * @param result the result
	 * @param note what was seen (optional)
	 * @return the line
	 */
	// ChecklistLine.observe has refused a missing result before it is audited here
	@SuppressWarnings("NullAway")
	@Transactional
	public ChecklistLine observe(Actor actor, UUID lineId, @Nullable LineResult result, @Nullable String note) {
		ChecklistLine line = this.lines.findById(lineId).orElseThrow(() -> new NotFoundProblem(InspectionScope.WHAT));
		Inspection inspection = this.scope.find(line.getInspectionId());
		this.scope.requireInspector(actor, this.scope.scoped(actor, inspection));
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
	 * @param mayExplain whether the reader explains findings (contractor's lead)
	 * @param mayAnswer whether the reader answers requests (contractor's side)
	 * @param requestable the deliverables the client may request
	 * @param today today in Tokyo
	 */
	public record Detail(Inspection inspection, Contract contract, InspectionState state, List<ChecklistLine> lines,
			List<InspectionFindings.FindingView> findings, List<MaterialRequests.RequestView> requests,
			boolean mayInspect, boolean mayExplain, boolean mayAnswer, List<Deliverable> requestable, LocalDate today) {
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

}
