package jp.itaku.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.itaku.audit.AuditRecord;
import jp.itaku.audit.AuditTrail;
import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.catalog.TriggerEvent;
import jp.itaku.contract.Contract;
import jp.itaku.contract.ContractRoles;
import jp.itaku.document.Documents;
import jp.itaku.document.UploadedDocument;
import jp.itaku.finding.FindingEvents;
import jp.itaku.finding.FindingParties;
import jp.itaku.finding.FindingStep;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationTrigger;
import jp.itaku.obligation.Obligations;
import jp.itaku.platform.AccessDeniedProblem;
import jp.itaku.platform.Actor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.NotFoundProblem;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The findings of inspections (指摘事項, Setagaya 34, Kadoma 11(2)–(3), Nerima 22–23, Gunma
 * 15), followed through the workflow every finding shares ({@link FindingStep}): the
 * client's officers and security administrators record a finding and acknowledge it with
 * the improvement instruction (改善指示) and its due date, raising the profile's
 * AUDIT_FINDING obligations (key {@code AUD-<n>-F<m>}; owed by the subcontractor when the
 * inspection is of one); the lead of the party inspected (the contractor's, or the
 * subcontractor's) explains it with the actions taken and evidence; the client closes it
 * or returns the explanation with a comment. Who takes a step is {@link FindingParties};
 * the client's steps also wait for an open contract. Each step is on the audit trail and
 * told to the other side ({@link FindingEvents.StepTaken}).
 */
@Service
public class InspectionFindings {

	private final FindingRepository findings;

	private final EvidenceRepository evidence;

	private final InspectionScope scope;

	private final Obligations obligations;

	private final Documents documents;

	private final InspectionReport report;

	private final AuditTrail audit;

	private final WorkingCalendar calendar;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	InspectionFindings(FindingRepository findings, EvidenceRepository evidence, InspectionScope scope,
			Obligations obligations, Documents documents, InspectionReport report, AuditTrail audit,
			WorkingCalendar calendar, Clock clock, ApplicationEventPublisher events) {
		this.findings = findings;
		this.evidence = evidence;
		this.scope = scope;
		this.obligations = obligations;
		this.documents = documents;
		this.report = report;
		this.audit = audit;
		this.calendar = calendar;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Returns an inspection's findings, in order.
	 * @param inspectionId the inspection, already scoped to the reader
	 * @return its findings
	 */
	List<Finding> of(UUID inspectionId) {
		return this.findings.findByInspectionIdOrderBySeq(inspectionId);
	}

	/**
	 * Returns an inspection's findings with their keys, evidence and whether each is
	 * overdue.
	 * @param inspection the inspection, already scoped to the reader
	 * @param found its findings ({@link #of(UUID)})
	 * @param today today in Tokyo
	 * @return the views, in order
	 */
	List<FindingView> views(Inspection inspection, List<Finding> found, LocalDate today) {
		Map<UUID, List<Evidence>> files = found.isEmpty() ? Map.of()
				: this.evidence.findByFindingIdInOrderByUploadedAt(found.stream().map(Finding::getId).toList())
					.stream()
					.collect(Collectors.groupingBy(Evidence::getFindingId));
		return found.stream()
			.map((f) -> new FindingView(f, f.keyIn(inspection), files.getOrDefault(f.getId(), List.of()),
					f.isOverdue(today)))
			.toList();
	}

	/**
	 * Records a finding and, when an instruction is given, acknowledges it at once.
	 * @param actor an officer or security administrator of the client
	 * @param inspectionId the inspection
	 * @param severity how serious
	 * @param clauseRef the clause it concerns
	 * @param description what was found
	 * @param instruction the improvement instruction, or {@code null} to acknowledge
	 * later
	 * @param dueOn its due date (with the instruction)
	 * @return the finding
	 * @throws InvalidInputProblem naming the field at fault; nothing is stored then
	 * @throws AccessDeniedProblem for anyone else party to the contract
	 */
	// the Finding constructor has refused a missing severity before it is audited here
	@SuppressWarnings("NullAway")
	@Transactional
	public Finding record(Actor actor, UUID inspectionId, @Nullable Severity severity, @Nullable String clauseRef,
			@Nullable String description, @Nullable String instruction, @Nullable LocalDate dueOn) {
		Inspection inspection = this.scope.find(inspectionId);
		this.scope.requireInspector(actor, this.scope.scoped(actor, inspection));
		this.scope.lock("finding:" + inspectionId);
		int seq = this.findings.findByInspectionIdOrderBySeq(inspectionId).size() + 1;
		Finding finding = new Finding(inspection, seq, severity, clauseRef, description, actor.userId(),
				Instant.now(this.clock));
		this.findings.saveAndFlush(finding);
		this.audit.record(this.scope.audited(AuditRecord.of("FINDING_RECORDED")
			.actor(actor)
			.target("Finding", finding.getId())
			.detail("contract", inspection.getContractId())
			.detail("inspection", inspection.getNumber())
			.detail("finding", finding.keyIn(inspection))
			.detail("severity", severity.name())
			.detail("clause", finding.getClauseRef()), inspection));
		if (Texts.clean(instruction) != null || dueOn != null) {
			acknowledge(actor, inspection, finding, instruction, dueOn);
		}
		return finding;
	}

	/**
	 * The client acknowledges a recorded finding with the improvement instruction (改善指示)
	 * and its due date: the ACKNOWLEDGE step.
	 * @param actor an officer or security administrator of the client
	 * @param findingId the finding
	 * @param instruction what the contractor must improve
	 * @param dueOn by when
	 * @return the finding
	 * @throws InvalidInputProblem on a missing text, a due date in the past or a finding
	 * not open
	 */
	@Transactional
	public Finding acknowledge(Actor actor, UUID findingId, @Nullable String instruction, @Nullable LocalDate dueOn) {
		Finding finding = find(findingId);
		Inspection inspection = this.scope.find(finding.getInspectionId());
		requireStep(actor, this.scope.scoped(actor, inspection), inspection, FindingStep.ACKNOWLEDGE);
		return acknowledge(actor, inspection, finding, instruction, dueOn);
	}

	private Finding acknowledge(Actor actor, Inspection inspection, Finding finding, @Nullable String instruction,
			@Nullable LocalDate dueOn) {
		LocalDate today = this.calendar.today();
		finding.acknowledge(instruction, dueOn, today, Instant.now(this.clock));
		List<Obligation> raised = this.obligations.raise(inspection.getContractId(),
				ObligationTrigger.event(TriggerEvent.AUDIT_FINDING),
				new Obligations.Occurrence(finding.keyIn(inspection), today, this.report.subject(inspection, finding),
						"Finding:" + finding.getId(), null, InspectionScope.owing(inspection)));
		this.audit.record(this.scope.audited(AuditRecord.of("FINDING_INSTRUCTED")
			.actor(actor)
			.target("Finding", finding.getId())
			.detail("contract", inspection.getContractId())
			.detail("finding", finding.keyIn(inspection))
			.detail("dueOn", finding.getDueOn())
			.detail("obligations", raised.stream().map(Obligation::getId).toList()), inspection));
		told(inspection, finding, FindingStep.ACKNOWLEDGE, null);
		return finding;
	}

	/**
	 * The lead of the party inspected explains an open, acknowledged or returned finding
	 * with the actions taken and evidence files: the EXPLAIN step.
	 * @param actor the lead of the contract's contractor, or of the subcontractor
	 * inspected
	 * @param findingId the finding
	 * @param actions what was done
	 * @param files evidence (may be empty)
	 * @return the finding
	 * @throws InvalidInputProblem on a missing text, a refused file or a finding not
	 * awaiting the contractor
	 */
	@Transactional
	public Finding explain(Actor actor, UUID findingId, String actions, List<Obligations.Upload> files) {
		Finding finding = find(findingId);
		Inspection inspection = this.scope.find(finding.getInspectionId());
		requireStep(actor, this.scope.scoped(actor, inspection), inspection, FindingStep.EXPLAIN);
		Instant now = Instant.now(this.clock);
		finding.explain(actions, actor.userId(), now);
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
		this.audit.record(this.scope.audited(AuditRecord.of("FINDING_RESPONDED")
			.actor(actor)
			.target("Finding", findingId)
			.detail("contract", inspection.getContractId())
			.detail("finding", finding.keyIn(inspection))
			.detail("evidence", hashes), inspection));
		told(inspection, finding, FindingStep.EXPLAIN, null);
		return finding;
	}

	/**
	 * The client accepts the explanation: the finding is closed (the CLOSE step).
	 * @param actor an officer or security administrator of the client
	 * @param findingId the finding
	 * @param comment optional comment
	 * @return the finding
	 * @throws InvalidInputProblem when the finding is not explained
	 */
	@Transactional
	public Finding close(Actor actor, UUID findingId, @Nullable String comment) {
		Finding finding = find(findingId);
		Inspection inspection = this.scope.find(finding.getInspectionId());
		requireStep(actor, this.scope.scoped(actor, inspection), inspection, FindingStep.CLOSE);
		finding.close(comment, actor.userId(), Instant.now(this.clock));
		this.audit.record(this.scope.audited(AuditRecord.of("FINDING_ACCEPTED")
			.actor(actor)
			.target("Finding", findingId)
			.detail("contract", inspection.getContractId())
			.detail("finding", finding.keyIn(inspection))
			.detail("status", finding.getStatus().name()), inspection));
		told(inspection, finding, FindingStep.CLOSE, null);
		return finding;
	}

	/**
	 * The client returns the explanation with a comment: back to the contractor (the
	 * RETURN step).
	 * @param actor an officer or security administrator of the client
	 * @param findingId the finding
	 * @param comment why (required)
	 * @return the finding
	 * @throws InvalidInputProblem without a comment, or when the finding is not explained
	 */
	@Transactional
	public Finding returnExplanation(Actor actor, UUID findingId, @Nullable String comment) {
		Finding finding = find(findingId);
		Inspection inspection = this.scope.find(finding.getInspectionId());
		requireStep(actor, this.scope.scoped(actor, inspection), inspection, FindingStep.RETURN);
		finding.returnExplanation(comment, actor.userId(), Instant.now(this.clock));
		this.audit.record(this.scope.audited(AuditRecord.of("FINDING_RETURNED")
			.actor(actor)
			.target("Finding", findingId)
			.detail("contract", inspection.getContractId())
			.detail("finding", finding.keyIn(inspection))
			.detail("status", finding.getStatus().name()), inspection));
		told(inspection, finding, FindingStep.RETURN, finding.getReviewComment());
		return finding;
	}

	/**
	 * Opens an evidence file; the download is audited.
	 * @param actor a party to the contract
	 * @param evidenceId the file
	 * @return the file and its content; the caller closes the stream
	 * @throws NotFoundProblem when there is none the actor may see
	 */
	@Transactional
	public OpenedEvidence openEvidence(Actor actor, UUID evidenceId) {
		Evidence file = this.evidence.findById(evidenceId).orElseThrow(() -> new NotFoundProblem(InspectionScope.WHAT));
		Finding finding = find(file.getFindingId());
		Inspection inspection = this.scope.find(finding.getInspectionId());
		this.scope.scoped(actor, inspection);
		this.audit.record(this.scope.audited(AuditRecord.of("FINDING_EVIDENCE_VIEWED")
			.actor(actor)
			.target("Finding", finding.getId())
			.detail("evidence", evidenceId)
			.detail("sha256", file.getSha256()), inspection));
		return new OpenedEvidence(file, this.documents.open(file.getDocumentKey()));
	}

	/**
	 * Returns the inspection of a finding, scoped: for the pages' redirects.
	 * @param actor a party to the contract
	 * @param findingId the finding
	 * @return its inspection's id
	 * @throws NotFoundProblem when there is none the actor may see
	 */
	@Transactional(readOnly = true)
	public UUID inspectionOf(Actor actor, UUID findingId) {
		Finding finding = find(findingId);
		this.scope.scoped(actor, this.scope.find(finding.getInspectionId()));
		return finding.getInspectionId();
	}

	/**
	 * Tells the other side (and any listener) that a step was taken on a finding; the
	 * finding module mails after commit.
	 */
	private void told(Inspection inspection, Finding finding, FindingStep step, @Nullable String comment) {
		this.events.publishEvent(new FindingEvents.StepTaken(inspection.getContractId(), "Finding", step,
				InspectionFindingSource.summary(inspection, finding), comment));
	}

	/**
	 * Refuses a step of a finding's workflow the actor may not take: the rule every
	 * finding shares ({@link FindingParties}), the party inspected on the contractor's
	 * side ({@link InspectionScope#mayTake}); the client's steps also wait for an open
	 * contract, as planning does.
	 */
	private void requireStep(Actor actor, Contract contract, Inspection inspection, FindingStep step) {
		ContractRoles.require(InspectionScope.mayTake(actor, contract, inspection, step));
		if (step.side() == FindingStep.Side.CLIENT) {
			this.scope.requireInspector(actor, contract);
		}
	}

	private Finding find(UUID findingId) {
		return this.findings.findById(findingId).orElseThrow(() -> new NotFoundProblem(InspectionScope.WHAT));
	}

	/**
	 * A finding with its key, evidence and whether it is overdue.
	 *
	 * @param finding the finding
	 * @param key e.g. AUD-1-F2
	 * @param evidence the files of the explanations
	 * @param overdue past its due date and not closed
	 */
	public record FindingView(Finding finding, String key, List<Evidence> evidence, boolean overdue) {
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
