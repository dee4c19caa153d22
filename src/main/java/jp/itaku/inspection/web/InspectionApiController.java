package jp.itaku.inspection.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import jp.itaku.catalog.Deliverable;
import jp.itaku.finding.FindingStatus;
import jp.itaku.inspection.ChecklistLine;
import jp.itaku.inspection.Evidence;
import jp.itaku.inspection.Finding;
import jp.itaku.inspection.Inspection;
import jp.itaku.inspection.InspectionForm;
import jp.itaku.inspection.InspectionKind;
import jp.itaku.inspection.InspectionState;
import jp.itaku.inspection.InspectionFindings;
import jp.itaku.inspection.Inspections;
import jp.itaku.inspection.MaterialRequests;
import jp.itaku.inspection.LineResult;
import jp.itaku.inspection.Severity;
import jp.itaku.obligation.Obligation;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.TextLimit;
import jp.itaku.platform.web.Idempotent;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Inspections over the REST API, scoped and audited as on the pages: a contract's
 * inspections and planning one, one inspection with its checklist, findings and requests,
 * findings and the steps of their workflow (acknowledge, explain, return, close; the old
 * paths {@code /instruct}, {@code /respond} and {@code /accept} kept as deprecated
 * aliases for one release), observations, requests for material and their answer, and the
 * audit report PDF.
 */
@RestController
class InspectionApiController {

	private final Inspections inspections;

	private final InspectionFindings findings;

	private final MaterialRequests requests;

	InspectionApiController(Inspections inspections, InspectionFindings findings, MaterialRequests requests) {
		this.inspections = inspections;
		this.findings = findings;
		this.requests = requests;
	}

	@GetMapping("/api/v1/contracts/{id}/inspections")
	List<InspectionSummary> list(@PathVariable("id") UUID contractId) {
		return this.inspections.list(CurrentActor.require(), contractId)
			.inspections()
			.stream()
			.map(InspectionSummary::of)
			.toList();
	}

	@PostMapping("/api/v1/contracts/{id}/inspections")
	@Idempotent
	ResponseEntity<InspectionSummary> plan(@PathVariable("id") UUID contractId,
			@RequestBody(required = false) InspectionForm form) {
		Inspection inspection = this.inspections.plan(CurrentActor.require(), contractId,
				(form != null) ? form : new InspectionForm());
		return ResponseEntity.created(URI.create("/api/v1/inspections/" + inspection.getId()))
			.body(InspectionSummary.of(inspection));
	}

	@GetMapping("/api/v1/inspections/{id}")
	InspectionView get(@PathVariable("id") UUID inspectionId) {
		return InspectionView.of(this.inspections.detail(CurrentActor.require(), inspectionId));
	}

	@PostMapping("/api/v1/inspections/{id}/findings")
	@Idempotent
	ResponseEntity<FindingView> finding(@PathVariable("id") UUID inspectionId,
			@RequestBody(required = false) FindingBody body) {
		FindingBody b = (body != null) ? body : new FindingBody(null, null, null, null, null);
		Finding finding = this.findings.record(CurrentActor.require(), inspectionId, b.severity(), b.clauseRef(),
				b.description(), b.instruction(), b.dueOn());
		return ResponseEntity.created(URI.create("/api/v1/inspections/" + inspectionId))
			.body(FindingView.of(finding, List.of()));
	}

	@PostMapping("/api/v1/inspections/{id}/lines/{lineId}")
	LineView observe(@PathVariable("id") UUID inspectionId, @PathVariable("lineId") UUID lineId,
			@RequestBody(required = false) Observation body) {
		return LineView.of(this.inspections.observe(CurrentActor.require(), lineId,
				(body != null) ? body.result() : null, (body != null) ? body.note() : null));
	}

	@PostMapping("/api/v1/findings/{id}/acknowledge")
	FindingView acknowledge(@PathVariable("id") UUID findingId, @RequestBody(required = false) Instruction body) {
		return FindingView.of(this.findings.acknowledge(CurrentActor.require(), findingId,
				(body != null) ? body.instruction() : null, (body != null) ? body.dueOn() : null), List.of());
	}

	@PostMapping("/api/v1/findings/{id}/explain")
	FindingView explain(@PathVariable("id") UUID findingId,
			@RequestParam(name = "response", required = false) @TextLimit(4000) String response,
			@RequestParam(name = "files", required = false) List<MultipartFile> files) {
		return FindingView.of(
				this.findings.explain(CurrentActor.require(), findingId, response, InspectionController.uploads(files)),
				List.of());
	}

	@PostMapping("/api/v1/findings/{id}/close")
	FindingView close(@PathVariable("id") UUID findingId, @RequestBody(required = false) Comment body) {
		return FindingView.of(
				this.findings.close(CurrentActor.require(), findingId, (body != null) ? body.comment() : null),
				List.of());
	}

	@PostMapping("/api/v1/findings/{id}/return")
	FindingView returnExplanation(@PathVariable("id") UUID findingId, @RequestBody(required = false) Comment body) {
		return FindingView.of(this.findings.returnExplanation(CurrentActor.require(), findingId,
				(body != null) ? body.comment() : null), List.of());
	}

	/** Deprecated alias of {@code /acknowledge}, kept for one release. */
	@PostMapping("/api/v1/findings/{id}/instruct")
	FindingView instruct(@PathVariable("id") UUID findingId, @RequestBody(required = false) Instruction body,
			HttpServletResponse response) {
		DeprecatedAlias.mark(response, "/api/v1/findings/" + findingId + "/acknowledge");
		return acknowledge(findingId, body);
	}

	/** Deprecated alias of {@code /explain}, kept for one release. */
	@PostMapping("/api/v1/findings/{id}/respond")
	FindingView respond(@PathVariable("id") UUID findingId,
			@RequestParam(name = "response", required = false) @TextLimit(4000) String text,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, HttpServletResponse response) {
		DeprecatedAlias.mark(response, "/api/v1/findings/" + findingId + "/explain");
		return explain(findingId, text, files);
	}

	/** Deprecated alias of {@code /close}, kept for one release. */
	@PostMapping("/api/v1/findings/{id}/accept")
	FindingView accept(@PathVariable("id") UUID findingId, @RequestBody(required = false) Comment body,
			HttpServletResponse response) {
		DeprecatedAlias.mark(response, "/api/v1/findings/" + findingId + "/close");
		return close(findingId, body);
	}

	@PostMapping("/api/v1/inspections/{id}/requests")
	@Idempotent
	ResponseEntity<RequestSummary> request(@PathVariable("id") UUID inspectionId,
			@RequestBody(required = false) MaterialBody body) {
		var request = this.requests.request(CurrentActor.require(), inspectionId,
				(body != null) ? body.deliverable() : null, (body != null) ? body.description() : null,
				(body != null) ? body.dueOn() : null);
		return ResponseEntity.created(URI.create("/api/v1/inspections/" + inspectionId))
			.body(new RequestSummary(request.getId(), request.getDeliverable(), request.getDescription(),
					request.getDueOn(), null, null));
	}

	@PostMapping("/api/v1/material-requests/{id}/answer")
	List<UUID> answer(@PathVariable("id") UUID requestId,
			@RequestParam(name = "comment", required = false) String comment,
			@RequestParam(name = "files", required = false) List<MultipartFile> files) {
		return this.requests.answer(CurrentActor.require(), requestId, comment, InspectionController.uploads(files));
	}

	@GetMapping("/api/v1/inspections/{id}/report.pdf")
	ResponseEntity<byte[]> report(@PathVariable("id") UUID inspectionId) {
		Inspections.IssuedReport report = this.inspections.issueReport(CurrentActor.require(), inspectionId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition",
					ContentDisposition.attachment()
						.filename(report.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("X-Itaku-SHA256", report.sha256())
			.body(report.pdf());
	}

	/**
	 * A finding as posted.
	 *
	 * @param severity how serious
	 * @param clauseRef the clause
	 * @param description what was found
	 * @param instruction the improvement instruction (optional: instruct later)
	 * @param dueOn its due date
	 */
	record FindingBody(@Nullable Severity severity, @Nullable String clauseRef,
			@TextLimit(4000) @Nullable String description, @TextLimit(4000) @Nullable String instruction,
			@Nullable LocalDate dueOn) {
	}

	/**
	 * An observation on a checklist line.
	 *
	 * @param result the result
	 * @param note what was seen
	 */
	record Observation(LineResult result, String note) {
	}

	/**
	 * An improvement instruction.
	 *
	 * @param instruction what to improve
	 * @param dueOn by when
	 */
	record Instruction(@TextLimit(4000) String instruction, LocalDate dueOn) {
	}

	/**
	 * A verification comment.
	 *
	 * @param comment the comment (required to return)
	 */
	record Comment(String comment) {
	}

	/**
	 * A request for material.
	 *
	 * @param deliverable what is asked for
	 * @param description exactly what
	 * @param dueOn by when
	 */
	record MaterialBody(Deliverable deliverable, String description, LocalDate dueOn) {
	}

	/**
	 * An inspection in a list.
	 *
	 * @param id the inspection
	 * @param contractId its contract
	 * @param number e.g. AUD-1
	 * @param kind audit, on-site or documentary
	 * @param heldOn the day
	 * @param scope the scope
	 * @param inspectors who inspects
	 * @param inspectedSubcontractor the approved subcontractor inspected, {@code null}
	 * for the contractor itself (Setagaya 33)
	 * @param inspectedLevel its level of the chain (1: the contractor's own
	 * subcontractors), 0 for the contractor itself
	 */
	record InspectionSummary(UUID id, UUID contractId, String number, InspectionKind kind, LocalDate heldOn,
			String scope, String inspectors, @Nullable UUID inspectedSubcontractor, int inspectedLevel) {

		static InspectionSummary of(Inspection i) {
			return new InspectionSummary(i.getId(), i.getContractId(), i.getNumber(), i.getKind(), i.getHeldOn(),
					i.getScope(), i.getInspectors(), i.getInspectedOrganisationId(), i.getInspectedLevel());
		}

	}

	/**
	 * One inspection.
	 *
	 * @param inspection the plan
	 * @param inspected the party inspected, named: the contractor (level 0) or the
	 * subcontractor
	 * @param state where it stands (derived from its lines and findings)
	 * @param lines the checklist
	 * @param findings the findings
	 * @param requests the requests for material
	 */
	record InspectionView(InspectionSummary inspection, Inspections.InspectedParty inspected, InspectionState state,
			List<LineView> lines, List<FindingView> findings, List<RequestSummary> requests) {

		static InspectionView of(Inspections.Detail d) {
			return new InspectionView(InspectionSummary.of(d.inspection()), d.inspected(), d.state(),
					d.lines().stream().map(LineView::of).toList(),
					d.findings().stream().map((f) -> FindingView.of(f.finding(), f.evidence())).toList(),
					d.requests()
						.stream()
						.map((r) -> new RequestSummary(r.request().getId(), r.request().getDeliverable(),
								r.request().getDescription(), r.request().getDueOn(), r.state(),
								r.obligations().stream().map(Obligation::getId).toList()))
						.toList());
		}

	}

	/**
	 * A checklist line.
	 *
	 * @param id the line
	 * @param clauseRef the clause
	 * @param summary what it asks
	 * @param result the observation
	 * @param note what was seen
	 */
	record LineView(UUID id, String clauseRef, String summary, LineResult result, @Nullable String note) {

		static LineView of(ChecklistLine l) {
			return new LineView(l.getId(), l.getClauseRef(), l.getSummary(), l.getResult(), l.getNote());
		}

	}

	/**
	 * A finding.
	 *
	 * @param id the finding
	 * @param seq its number in the inspection
	 * @param severity how serious
	 * @param clauseRef the clause
	 * @param description what was found
	 * @param status where it stands
	 * @param instruction the improvement instruction
	 * @param dueOn its due date
	 * @param response the contractor's response
	 * @param reviewComment the client's comment
	 * @param closedAt when closed
	 * @param evidenceSha256 the evidence files' hashes
	 */
	record FindingView(UUID id, int seq, Severity severity, String clauseRef, String description, FindingStatus status,
			@Nullable String instruction, @Nullable LocalDate dueOn, @Nullable String response,
			@Nullable String reviewComment, @Nullable Instant closedAt, List<String> evidenceSha256) {

		static FindingView of(Finding f, List<Evidence> evidence) {
			return new FindingView(f.getId(), f.getSeq(), f.getSeverity(), f.getClauseRef(), f.getDescription(),
					f.getStatus(), f.getInstruction(), f.getDueOn(), f.getResponse(), f.getReviewComment(),
					f.getClosedAt(), evidence.stream().map(Evidence::getSha256).toList());
		}

	}

	/**
	 * A request for material.
	 *
	 * @param id the request
	 * @param deliverable what is asked for
	 * @param description exactly what
	 * @param dueOn by when
	 * @param state NONE, OPEN, SUBMITTED or ACCEPTED
	 * @param obligations the obligations it raised
	 */
	record RequestSummary(UUID id, Deliverable deliverable, String description, LocalDate dueOn, @Nullable String state,
			@Nullable List<UUID> obligations) {
	}

}
