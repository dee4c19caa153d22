package jp.itaku.obligation.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.Obligations;
import jp.itaku.obligation.ReviewStatus;
import jp.itaku.obligation.Submission;
import jp.itaku.obligation.SubmissionFile;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.web.Idempotent;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * Obligations and submissions over the REST API: list a contract's obligations, submit
 * files (multipart), and review — scoped and audited as in the UI.
 */
@RestController
class ObligationApiController {

	private final Obligations obligations;

	private final WorkingCalendar calendar;

	ObligationApiController(Obligations obligations, WorkingCalendar calendar) {
		this.obligations = obligations;
		this.calendar = calendar;
	}

	@GetMapping("/api/v1/contracts/{id}/obligations")
	List<ObligationView> forContract(@PathVariable("id") UUID contractId) {
		LocalDate today = this.calendar.today();
		return this.obligations.forPart(CurrentActor.require(), contractId)
			.stream()
			.map((o) -> ObligationView.of(o, today))
			.toList();
	}

	@GetMapping("/api/v1/obligations/{id}")
	ObligationView get(@PathVariable("id") UUID id) {
		return ObligationView.of(this.obligations.detail(CurrentActor.require(), id).obligation(),
				this.calendar.today());
	}

	@GetMapping("/api/v1/obligations/{id}/submissions")
	List<SubmissionView> submissions(@PathVariable("id") UUID id) {
		return this.obligations.detail(CurrentActor.require(), id)
			.submissions()
			.stream()
			.map(SubmissionView::of)
			.toList();
	}

	@PostMapping(path = "/api/v1/obligations/{id}/submissions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Idempotent
	ResponseEntity<SubmissionView> submit(@PathVariable("id") UUID id,
			@RequestParam(name = "comment", required = false) String comment,
			@RequestParam(name = "files", required = false) List<MultipartFile> files) {
		List<Obligations.Upload> uploads = (files == null) ? List.of()
				: files.stream()
					.map((f) -> new Obligations.Upload(f.getOriginalFilename(), f.getContentType(), f))
					.toList();
		Submission submission = this.obligations.submit(CurrentActor.require(), id, comment, uploads);
		return ResponseEntity.status(HttpStatus.CREATED).body(SubmissionView.of(submission));
	}

	@GetMapping("/api/v1/submissions/{id}/files")
	List<FileView> files(@PathVariable("id") UUID id) {
		return this.obligations.files(CurrentActor.require(), id).stream().map(FileView::of).toList();
	}

	@GetMapping("/api/v1/submissions/{id}/files/{fileId}")
	ResponseEntity<byte[]> file(@PathVariable("id") UUID id, @PathVariable("fileId") UUID fileId) throws IOException {
		Obligations.OpenedFile opened = this.obligations.openFile(CurrentActor.require(), id, fileId);
		byte[] content;
		try (InputStream in = opened.content()) {
			content = in.readAllBytes();
		}
		SubmissionFile file = opened.file();
		return ResponseEntity.ok()
			.contentType((file.getContentType() != null) ? MediaType.parseMediaType(file.getContentType())
					: MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.getFileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Repr-Digest",
					"sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.getSha256())) + ":")
			.body(content);
	}

	@PostMapping("/api/v1/submissions/{id}/accept")
	SubmissionView accept(@PathVariable("id") UUID id, @RequestBody(required = false) Review review) {
		return SubmissionView
			.of(this.obligations.review(CurrentActor.require(), id, true, (review != null) ? review.comment() : null));
	}

	@PostMapping("/api/v1/submissions/{id}/return")
	SubmissionView returnSubmission(@PathVariable("id") UUID id, @RequestBody(required = false) Review review) {
		return SubmissionView
			.of(this.obligations.review(CurrentActor.require(), id, false, (review != null) ? review.comment() : null));
	}

	@PostMapping("/api/v1/obligations/{id}/waive")
	ObligationView waive(@PathVariable("id") UUID id, @RequestBody(required = false) Waiver waiver) {
		this.obligations.waive(CurrentActor.require(), id, (waiver != null) ? waiver.reason() : null);
		return get(id);
	}

	/**
	 * A submitted file as the API lists it: what the obligation's page shows, and where
	 * to download it (the download's {@code Repr-Digest} header carries the same
	 * SHA-256).
	 *
	 * @param id the file's id
	 * @param submissionId its submission
	 * @param fileName its name as uploaded
	 * @param size its size in bytes
	 * @param contentType its type, from its checked extension
	 * @param sha256 the SHA-256 of its content, lower-case hex
	 * @param scanStatus the virus check's result ({@code CLEAN}, {@code NOT_SCANNED},
	 * {@code FAILED})
	 * @param scanDetail what the virus check said, if anything
	 * @param href the download
	 */
	record FileView(UUID id, UUID submissionId, String fileName, long size, String contentType, String sha256,
			String scanStatus, @Nullable String scanDetail, String href) {

		static FileView of(SubmissionFile f) {
			return new FileView(f.getId(), f.getSubmissionId(), f.getFileName(), f.getSizeBytes(), f.getContentType(),
					f.getSha256(), f.getScanStatus(), f.getScanDetail(),
					"/api/v1/submissions/" + f.getSubmissionId() + "/files/" + f.getId());
		}

	}

	/**
	 * A review decision's comment.
	 *
	 * @param comment the comment (required to return)
	 */
	record Review(String comment) {
	}

	/**
	 * A waiver's reason.
	 *
	 * @param reason why the obligation is waived
	 */
	record Waiver(String reason) {
	}

	/**
	 * An obligation as the API shows it.
	 *
	 * @param id the id
	 * @param contractId its contract
	 * @param clauseRef the clause reference
	 * @param category the clause's category
	 * @param deliverable the document that meets it
	 * @param summary what is required
	 * @param period which occurrence
	 * @param dueDate when it is due
	 * @param status its effective status today
	 * @param owedBy the approved subcontractor that owes it, or {@code null} when the
	 * contractor owes it
	 * @param owedLevel that subcontractor's level in the chain, or {@code null}
	 */
	record ObligationView(UUID id, UUID contractId, String clauseRef, String category, String deliverable,
			String summary, String period, @Nullable LocalDate dueDate, ObligationStatus status, @Nullable UUID owedBy,
			@Nullable Integer owedLevel) {

		static ObligationView of(Obligation o, LocalDate today) {
			return new ObligationView(o.getId(), o.getContractId(), o.getClauseRef(), o.getCategory().name(),
					o.getDeliverable().name(), o.getSummary(), o.getPeriodKey(), o.getDueDate(),
					o.effectiveStatus(today), o.getOwedBy(), o.getOwedLevel());
		}

	}

	/**
	 * A submission as the API shows it.
	 *
	 * @param id the id
	 * @param obligationId its obligation
	 * @param number its number
	 * @param comment the contractor's comment
	 * @param submittedAt when it was submitted
	 * @param reviewStatus the client's decision
	 * @param reviewComment the client's comment
	 * @param reviewedAt when it was reviewed
	 */
	record SubmissionView(UUID id, UUID obligationId, int number, @Nullable String comment, Instant submittedAt,
			ReviewStatus reviewStatus, @Nullable String reviewComment, @Nullable Instant reviewedAt) {

		static SubmissionView of(Submission s) {
			return new SubmissionView(s.getId(), s.getObligationId(), s.getNumber(), s.getComment(), s.getSubmittedAt(),
					s.getReviewStatus(), s.getReviewComment(), s.getReviewedAt());
		}

	}

}
