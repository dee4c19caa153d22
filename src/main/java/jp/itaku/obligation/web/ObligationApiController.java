package jp.itaku.obligation.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.itaku.calendar.WorkingCalendar;
import jp.itaku.obligation.Obligation;
import jp.itaku.obligation.ObligationStatus;
import jp.itaku.obligation.Obligations;
import jp.itaku.obligation.ReviewStatus;
import jp.itaku.obligation.Submission;
import jp.itaku.platform.CurrentActor;

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
		return this.obligations.forContract(CurrentActor.require(), contractId)
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
	 */
	record ObligationView(UUID id, UUID contractId, String clauseRef, String category, String deliverable,
			String summary, String period, LocalDate dueDate, ObligationStatus status) {

		static ObligationView of(Obligation o, LocalDate today) {
			return new ObligationView(o.getId(), o.getContractId(), o.getClauseRef(), o.getCategory().name(),
					o.getDeliverable().name(), o.getSummary(), o.getPeriodKey(), o.getDueDate(),
					o.effectiveStatus(today));
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
	record SubmissionView(UUID id, UUID obligationId, int number, String comment, Instant submittedAt,
			ReviewStatus reviewStatus, String reviewComment, Instant reviewedAt) {

		static SubmissionView of(Submission s) {
			return new SubmissionView(s.getId(), s.getObligationId(), s.getNumber(), s.getComment(), s.getSubmittedAt(),
					s.getReviewStatus(), s.getReviewComment(), s.getReviewedAt());
		}

	}

}
