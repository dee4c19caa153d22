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
import jp.itaku.contract.ContractPart;
import jp.itaku.contract.SubcontractChain;
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
 * the audit report issued with its SHA-256 on the audit trail. An inspection is of the
 * contractor itself or of one approved subcontractor at a level of the chain (Setagaya
 * 33: 再受託者も同様), which then answers it and reads it besides the parties; other
 * subcontractors find nothing, as does anyone not taking part in the contract. The
 * auditor reads. Every audit entry names the party inspected.
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
	 * Lists a contract's inspections the actor may read, latest first, with what a new
	 * plan may check and at whom it may be aimed.
	 * @param actor a party to the contract, or an approved subcontractor (who lists the
	 * inspections of itself and of the subcontractors below it)
	 * @param contractId the contract
	 * @return the list
	 * @throws NotFoundProblem when the actor takes no part in the contract
	 */
	@Transactional(readOnly = true)
	public ContractInspections list(Actor actor, UUID contractId) {
		ContractPart part = this.scope.part(actor, contractId);
		Contract contract = part.contract();
		boolean mayPlan = mayInspect(actor, contract);
		List<Inspection> all = this.inspections.findByContractIdOrderBySeqDesc(contractId)
			.stream()
			.filter((i) -> InspectionScope.sees(part, i))
			.toList();
		LocalDate today = this.calendar.today();
		Map<UUID, InspectionState> states = new HashMap<>();
		for (Inspection inspection : all) {
			states.put(inspection.getId(),
					InspectionState.of(inspection, this.lines.findByInspectionIdOrderByPosition(inspection.getId()),
							this.findings.of(inspection.getId()), today));
		}
		Map<UUID, InspectedParty> inspected = new HashMap<>();
		for (Inspection inspection : all) {
			inspected.computeIfAbsent(inspection.getInspectedParty(),
					(party) -> this.scope.inspected(actor, contract, inspection));
		}
		return new ContractInspections(contract, all, states, inspected, mayPlan,
				mayPlan ? candidates(contract) : List.of(), mayPlan ? this.scope.chain(actor, contract) : List.of());
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
		SubcontractChain.Link inspected = this.scope.aim(contract, form, problems);
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
					planScope, form.getHeldOn(), inspectors, (inspected != null) ? inspected.organisationId() : null,
					(inspected != null) ? inspected.level() : null, actor.userId(), Instant.now(this.clock)));
		int position = 1;
		for (Checklist.Candidate line : kept) {
			this.lines.save(new ChecklistLine(inspection.getId(), position++, line.clauseRef(), line.summary()));
		}
		this.audit.record(this.scope.audited(AuditRecord.of("INSPECTION_PLANNED")
			.actor(actor)
			.target("Inspection", inspection.getId())
			.detail("contract", contractId)
			.detail("number", inspection.getNumber())
			.detail("kind", inspection.getKind().name())
			.detail("heldOn", inspection.getHeldOn())
			.detail("lines", kept.size())
			.detail("linesOffered", candidates.size()), inspection));
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
		return new Detail(inspection, contract, this.scope.inspected(actor, contract, inspection),
				InspectionState.of(inspection, checklist, found, today), checklist,
				this.findings.views(inspection, found, today), this.requests.views(actor, inspection, today), inspector,
				InspectionScope.mayTake(actor, contract, inspection, FindingStep.EXPLAIN),
				InspectionScope.mayAnswer(actor, contract, inspection),
				inspector ? this.scope.requestable(contract) : List.of(), today);
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
		this.audit.record(this.scope.audited(AuditRecord.of("INSPECTION_OBSERVED")
			.actor(actor)
			.target("Inspection", inspection.getId())
			.detail("contract", inspection.getContractId())
			.detail("line", lineId)
			.detail("clause", line.getClauseRef())
			.detail("result", result.name()), inspection));
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
		this.audit.record(this.scope.audited(AuditRecord.of("INSPECTION_REPORT_ISSUED")
			.actor(actor)
			.target("Inspection", inspectionId)
			.detail("contract", detail.contract().getId())
			.detail("number", detail.inspection().getNumber())
			.detail("sha256", sha256), detail.inspection()));
		return new IssuedReport(this.report.fileName(detail.inspection()), pdf, sha256);
	}

	/**
	 * A contract's inspections.
	 *
	 * @param contract the contract
	 * @param inspections latest first, those the actor may read
	 * @param states where each stands, by inspection
	 * @param inspected the parties inspected, by organisation
	 * @param mayPlan whether the actor may plan one
	 * @param candidates the lines a new plan may check (empty unless the actor may plan)
	 * @param chain the approved subcontractors a new plan may be aimed at (empty unless
	 * the actor may plan)
	 */
	public record ContractInspections(Contract contract, List<Inspection> inspections,
			Map<UUID, InspectionState> states, Map<UUID, InspectedParty> inspected, boolean mayPlan,
			List<Checklist.Candidate> candidates, List<InspectedParty> chain) {

		/**
		 * Returns the deepest level of the chain a plan may be aimed at.
		 * @return 0 when nothing is subcontracted
		 */
		public int deepestLevel() {
			return this.chain.stream().mapToInt(InspectedParty::level).max().orElse(0);
		}

	}

	/**
	 * The party an inspection inspects.
	 *
	 * @param organisationId its organisation
	 * @param level 0 for the contractor itself, 1 for its own subcontractors, and so on
	 * @param name its name
	 */
	public record InspectedParty(UUID organisationId, int level, String name) {

		/**
		 * Returns whether the party is a subcontractor.
		 * @return {@code true} from level 1
		 */
		public boolean subcontractor() {
			return this.level > 0;
		}

	}

	/**
	 * An inspection and what the reader may do.
	 *
	 * @param inspection the inspection
	 * @param contract its contract
	 * @param inspected the party inspected
	 * @param state where it stands
	 * @param lines its checklist
	 * @param findings its findings
	 * @param requests its requests for material
	 * @param mayInspect whether the reader records, instructs, verifies and requests
	 * (client)
	 * @param mayExplain whether the reader explains findings (the lead of the party
	 * inspected)
	 * @param mayAnswer whether the reader answers requests (the party inspected)
	 * @param requestable the deliverables the client may request
	 * @param today today in Tokyo
	 */
	public record Detail(Inspection inspection, Contract contract, InspectedParty inspected, InspectionState state,
			List<ChecklistLine> lines, List<InspectionFindings.FindingView> findings,
			List<MaterialRequests.RequestView> requests, boolean mayInspect, boolean mayExplain, boolean mayAnswer,
			List<Deliverable> requestable, LocalDate today) {
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
