package jp.itaku.logevidence.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.itaku.finding.FindingStep;
import jp.itaku.logevidence.LogBatch;
import jp.itaku.logevidence.LogEvidence;
import jp.itaku.logevidence.LogExport;
import jp.itaku.logevidence.LogFindings;
import jp.itaku.logevidence.LogFinding;
import jp.itaku.logevidence.LogFormat;
import jp.itaku.logevidence.LogMapping;
import jp.itaku.logevidence.LogSettings;
import jp.itaku.logevidence.LogSource;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.web.Idempotent;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Log evidence over the REST API, scoped and audited exactly as in the UI. A batch is the
 * request body, streamed ({@code POST /api/v1/contracts/{id}/logs?source=…&partial=…});
 * with malformed lines and without {@code partial=true} nothing is stored and the batch
 * waits (202, its malformed lines listed by number); a batch sent again answers 200 with
 * the batch on record ({@code duplicate: true}).
 */
@RestController
class LogEvidenceApiController {

	private final LogEvidence logs;

	private final LogFindings findings;

	private final LogExport export;

	LogEvidenceApiController(LogEvidence logs, LogFindings findings, LogExport export) {
		this.logs = logs;
		this.findings = findings;
		this.export = export;
	}

	@GetMapping("/api/v1/contracts/{id}/logs")
	Map<String, Object> overview(@PathVariable("id") UUID contractId) {
		LogEvidence.Overview overview = this.logs.overview(CurrentActor.require(), contractId);
		return Map.of("settings", overview.settings(), "sources",
				overview.sources().stream().map(SourceView::of).toList(), "batches",
				overview.batches().stream().map(BatchView::of).toList());
	}

	@PostMapping("/api/v1/contracts/{id}/logs/sources")
	@Idempotent
	ResponseEntity<SourceView> addSource(@PathVariable("id") UUID contractId, @RequestBody SourceRequest request) {
		LogSource source = this.logs
			.addSource(
					CurrentActor.require(), contractId, request.name(), request.format(), (request.mapping() != null)
							? request.mapping() : new LogMapping(null, null, null, null, null, null, null),
					request.zone());
		return ResponseEntity.created(URI.create("/api/v1/contracts/" + contractId + "/logs"))
			.body(SourceView.of(source));
	}

	@PutMapping("/api/v1/contracts/{id}/logs/settings")
	LogSettings saveSettings(@PathVariable("id") UUID contractId, @RequestBody LogSettings settings) {
		this.logs.saveSettings(CurrentActor.require(), contractId, settings);
		return this.logs.overview(CurrentActor.require(), contractId).settings();
	}

	@PostMapping("/api/v1/contracts/{id}/logs")
	ResponseEntity<BatchView> ingest(@PathVariable("id") UUID contractId,
			@RequestParam(name = "source", required = false) UUID sourceId,
			@RequestParam(name = "partial", defaultValue = "false") boolean partial,
			@RequestParam(name = "fileName", required = false) String fileName, HttpServletRequest request)
			throws IOException {
		if (sourceId == null) {
			throw new InvalidInputProblem("source", "logevidence.error.source");
		}
		LogEvidence.Received received;
		try (InputStream in = request.getInputStream()) {
			received = this.logs.ingest(CurrentActor.require(), contractId, sourceId, fileName, in, partial);
		}
		HttpStatus status = received.duplicate() ? HttpStatus.OK
				: (received.batch().getStatus() == LogBatch.Status.PENDING) ? HttpStatus.ACCEPTED : HttpStatus.CREATED;
		return ResponseEntity.status(status)
			.location(URI.create("/api/v1/logs/batches/" + received.batch().getId()))
			.body(BatchView.of(received.batch(), received.duplicate()));
	}

	@GetMapping("/api/v1/logs/batches/{batchId}")
	BatchView batch(@PathVariable("batchId") UUID batchId) {
		return BatchView.of(this.logs.batch(CurrentActor.require(), batchId));
	}

	@PostMapping("/api/v1/logs/batches/{batchId}/accept")
	BatchView accept(@PathVariable("batchId") UUID batchId) {
		return BatchView.of(this.logs.accept(CurrentActor.require(), batchId).batch());
	}

	@PostMapping("/api/v1/logs/batches/{batchId}/reject")
	BatchView reject(@PathVariable("batchId") UUID batchId) {
		return BatchView.of(this.logs.reject(CurrentActor.require(), batchId));
	}

	@GetMapping("/api/v1/contracts/{id}/logs/findings")
	List<FindingView> findings(@PathVariable("id") UUID contractId) {
		return this.findings.findings(CurrentActor.require(), contractId).stream().map(FindingView::of).toList();
	}

	@PostMapping("/api/v1/logs/findings/{findingId}/{step}")
	FindingView move(@PathVariable("findingId") UUID findingId, @PathVariable("step") String step,
			@RequestBody(required = false) Explanation explanation) {
		FindingStep s = LogEvidenceController.step(step);
		String text = (explanation == null) ? null
				: (s == FindingStep.RETURN) ? explanation.comment() : explanation.explanation();
		return FindingView.of(this.findings.move(CurrentActor.require(), findingId, s, text));
	}

	@PostMapping("/api/v1/contracts/{id}/logs/recheck")
	Map<String, Integer> recheck(@PathVariable("id") UUID contractId) {
		var outcome = this.logs.recheck(CurrentActor.require(), contractId);
		return Map.of("found", outcome.found(), "confirmed", outcome.confirmed(), "withdrawn", outcome.withdrawn());
	}

	@GetMapping("/api/v1/contracts/{id}/logs/export")
	void export(@PathVariable("id") UUID contractId, @RequestParam(name = "from", required = false) String from,
			@RequestParam(name = "to", required = false) String to, HttpServletResponse response) throws IOException {
		LocalDate first = LogEvidenceController.date("from", from);
		LocalDate last = LogEvidenceController.date("to", to);
		response.setContentType("text/csv; charset=UTF-8");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		this.export.export(CurrentActor.require(), contractId, first, last, out);
		out.flush();
	}

	/**
	 * A source to add.
	 *
	 * @param name its name
	 * @param format CSV, JSONL or SYSLOG
	 * @param mapping which field holds what
	 * @param zone the zone of timestamps without offset
	 */
	record SourceRequest(String name, LogFormat format, LogMapping mapping, String zone) {
	}

	/**
	 * A finding's explanation (explain) or the client's comment (return).
	 *
	 * @param explanation the contractor's text
	 * @param comment the client's reason for returning it
	 */
	record Explanation(String explanation, String comment) {
	}

	/**
	 * A source as the API shows it.
	 */
	record SourceView(UUID id, String name, LogFormat format, LogMapping mapping, String zone) {

		static SourceView of(LogSource s) {
			return new SourceView(s.id(), s.name(), s.format(), s.mapping(), s.zone().getId());
		}

	}

	/**
	 * A batch as the API shows it: its hash, counts and malformed lines by number.
	 */
	record BatchView(UUID id, UUID contractId, UUID sourceId, @Nullable String sha256, @Nullable String fileName,
			LogBatch.Status status, int totalLines, int storedLines, int malformedLines,
			List<LogBatch.Malformed> malformed, @Nullable Instant firstAt, @Nullable Instant lastAt,
			@Nullable Instant uploadedAt, boolean duplicate) {

		static BatchView of(LogBatch b) {
			return of(b, false);
		}

		static BatchView of(LogBatch b, boolean duplicate) {
			return new BatchView(b.getId(), b.getContractId(), b.getSourceId(), b.getSha256(), b.getFileName(),
					b.getStatus(), b.getTotalLines(),
					(b.getStatus() == LogBatch.Status.ACCEPTED) ? b.getGoodLines() : 0, b.getMalformedLines(),
					b.getMalformed(), b.getFirstAt(), b.getLastAt(), b.getUploadedAt(), duplicate);
		}

	}

	/**
	 * A finding as the API shows it, with its evidence lines.
	 */
	record FindingView(UUID id, String rule, String clause, String severity, String subject, String user,
			LocalDate occurredOn, int lines, List<Map<String, Object>> evidence, String status, String explanation,
			String returnComment) {

		static FindingView of(LogFinding f) {
			return new FindingView(f.getId(), f.getRule().name(), f.getClauseRef(), f.getSeverity().name(),
					f.getSubject(), f.getUserRef(), f.getOccurredOn(), f.getLineCount(), f.getEvidence(),
					f.getStatus().name(), f.getExplanation(), f.getReturnComment());
		}

	}

}
