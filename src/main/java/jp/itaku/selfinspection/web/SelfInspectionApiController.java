package jp.itaku.selfinspection.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jp.itaku.obligation.Obligation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.platform.InvalidInputProblem;
import jp.itaku.platform.web.Downloads;
import jp.itaku.selfinspection.Answer;
import jp.itaku.selfinspection.AnswerInput;
import jp.itaku.selfinspection.SelfInspection;
import jp.itaku.selfinspection.SelfInspectionAnswer;
import jp.itaku.selfinspection.SelfInspections;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Self-inspections over the REST API, scoped and audited as in the UI: the months with
 * their counts, one month's checklist with its answers, replacing the answers, evidence
 * files (upload and download), marking a corrective action done, and submitting.
 */
@RestController
class SelfInspectionApiController {

	private final SelfInspections inspections;

	SelfInspectionApiController(SelfInspections inspections) {
		this.inspections = inspections;
	}

	@GetMapping("/api/v1/contracts/{id}/self-inspections")
	List<MonthView> months(@PathVariable("id") UUID contractId) {
		return this.inspections.months(CurrentActor.require(), contractId).stream().map(MonthView::of).toList();
	}

	@GetMapping("/api/v1/contracts/{id}/self-inspections/{month}")
	InspectionView month(@PathVariable("id") UUID contractId, @PathVariable("month") String month) {
		return InspectionView.of(this.inspections.month(CurrentActor.require(), contractId, MonthParam.parse(month)));
	}

	@PutMapping("/api/v1/contracts/{id}/self-inspections/{month}")
	InspectionView replace(@PathVariable("id") UUID contractId, @PathVariable("month") String monthText,
			@RequestBody(required = false) AnswersBody body) {
		YearMonth month = MonthParam.parse(monthText);
		Actor actor = CurrentActor.require();
		List<AnswerInput> answers = (body != null && body.answers() != null) ? body.answers() : List.of();
		this.inspections.save(actor, contractId, month, answers);
		return InspectionView.of(this.inspections.month(actor, contractId, month));
	}

	@PostMapping("/api/v1/contracts/{id}/self-inspections/{month}/submit")
	InspectionView submit(@PathVariable("id") UUID contractId, @PathVariable("month") String monthText) {
		YearMonth month = MonthParam.parse(monthText);
		Actor actor = CurrentActor.require();
		this.inspections.submit(actor, contractId, month);
		return InspectionView.of(this.inspections.month(actor, contractId, month));
	}

	@PostMapping(path = "/api/v1/contracts/{id}/self-inspections/{month}/evidence",
			consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	InspectionView evidence(@PathVariable("id") UUID contractId, @PathVariable("month") String monthText,
			@RequestParam(name = "question", required = false) String question,
			@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
		YearMonth month = MonthParam.parse(monthText);
		if (file == null || file.isEmpty()) {
			throw new InvalidInputProblem("file", "selfinspection.evidence.empty");
		}
		Actor actor = CurrentActor.require();
		this.inspections.attachEvidence(actor, contractId, month, question, file.getOriginalFilename(),
				file.getContentType(), file.getBytes());
		return InspectionView.of(this.inspections.month(actor, contractId, month));
	}

	@PostMapping("/api/v1/contracts/{id}/self-inspections/{month}/actions/{answerId}/done")
	InspectionView actionDone(@PathVariable("id") UUID contractId, @PathVariable("month") String monthText,
			@PathVariable("answerId") UUID answerId) {
		YearMonth month = MonthParam.parse(monthText);
		Actor actor = CurrentActor.require();
		this.inspections.completeAction(actor, contractId, answerId);
		return InspectionView.of(this.inspections.month(actor, contractId, month));
	}

	@GetMapping("/api/v1/contracts/{id}/self-inspections/evidence/{answerId}")
	ResponseEntity<byte[]> evidence(@PathVariable("id") UUID contractId, @PathVariable("answerId") UUID answerId)
			throws IOException {
		SelfInspections.OpenedEvidence opened = this.inspections.openEvidence(CurrentActor.require(), contractId,
				answerId);
		return Downloads.entity(opened.answer().getEvidenceName(), opened.content());
	}

	/**
	 * The answers to store.
	 *
	 * @param answers one per question answered: {@code key}, {@code answer} (YES/NO/NA),
	 * {@code remarks}, {@code correctiveAction}, {@code actionDue}
	 */
	record AnswersBody(List<AnswerInput> answers) {
	}

	/**
	 * A month in the trend.
	 *
	 * @param month the month
	 * @param status the inspection's state, or {@code null} when not started
	 * @param yes answered yes
	 * @param no answered no
	 * @param notApplicable answered not applicable
	 * @param unanswered not answered
	 * @param openActions corrective actions not done
	 * @param obligationId the month's obligation
	 * @param obligationStatus its status
	 */
	record MonthView(String month, SelfInspection.@Nullable Status status, int yes, int no, int notApplicable,
			int unanswered, int openActions, @Nullable UUID obligationId, @Nullable String obligationStatus) {

		static MonthView of(SelfInspections.MonthLine line) {
			Obligation o = line.obligation();
			SelfInspections.Counts c = line.counts();
			return new MonthView(line.month().toString(),
					(line.inspection() != null) ? line.inspection().getStatus() : null, c.yes(), c.no(),
					c.notApplicable(), c.unanswered(), c.openActions(), (o != null) ? o.getId() : null,
					(o != null) ? o.getStatus().name() : null);
		}

	}

	/**
	 * A month's inspection.
	 *
	 * @param contractId the contract
	 * @param month the month
	 * @param status its state, or {@code null} when nothing was saved
	 * @param submittedAt when it was submitted
	 * @param sha256 the hash of its written report
	 * @param obligationId the month's obligation
	 * @param obligationStatus its status
	 * @param questions every question with its answer
	 */
	record InspectionView(UUID contractId, String month, SelfInspection.@Nullable Status status,
			@Nullable Instant submittedAt, @Nullable String sha256, @Nullable UUID obligationId,
			@Nullable String obligationStatus, List<QuestionView> questions) {

		static InspectionView of(SelfInspections.Month m) {
			SelfInspection i = m.inspection();
			Obligation o = m.obligation();
			return new InspectionView(m.contract().getId(), m.month().toString(), (i != null) ? i.getStatus() : null,
					(i != null) ? i.getSubmittedAt() : null, (i != null) ? i.getSha256() : null,
					(o != null) ? o.getId() : null, (o != null) ? o.getStatus().name() : null,
					m.items().stream().map(QuestionView::of).toList());
		}

	}

	/**
	 * A question and its answer.
	 *
	 * @param key the question's key
	 * @param answerId the stored answer (for its evidence and corrective action), or
	 * {@code null} when unanswered
	 * @param ref the clause reference
	 * @param question the question in Japanese
	 * @param questionEn the question in English
	 * @param typical whether it is a typical practical item
	 * @param answer the answer
	 * @param remarks remarks
	 * @param correctiveAction the corrective action
	 * @param actionDue its due date
	 * @param actionDoneOn when it was done
	 * @param evidence the evidence file's name
	 * @param evidenceSha256 its hash
	 */
	record QuestionView(String key, @Nullable UUID answerId, String ref, String question, String questionEn,
			boolean typical, @Nullable Answer answer, @Nullable String remarks, @Nullable String correctiveAction,
			@Nullable LocalDate actionDue, @Nullable LocalDate actionDoneOn, @Nullable String evidence,
			@Nullable String evidenceSha256) {

		static QuestionView of(SelfInspections.Item item) {
			SelfInspectionAnswer a = item.answer();
			return new QuestionView(item.question().key(), (a != null) ? a.getId() : null, item.question().ref(),
					item.question().text(), item.question().textEn(), item.question().typical(),
					(a != null) ? a.getAnswer() : null, (a != null) ? a.getRemarks() : null,
					(a != null) ? a.getCorrectiveAction() : null, (a != null) ? a.getActionDue() : null,
					(a != null) ? a.getActionDoneOn() : null, (a != null) ? a.getEvidenceName() : null,
					(a != null) ? a.getEvidenceSha256() : null);
		}

	}

}
