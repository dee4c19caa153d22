package jp.itaku.selfinspection.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jp.itaku.obligation.Obligation;
import jp.itaku.platform.Actor;
import jp.itaku.platform.CurrentActor;
import jp.itaku.selfinspection.Answer;
import jp.itaku.selfinspection.AnswerInput;
import jp.itaku.selfinspection.SelfInspection;
import jp.itaku.selfinspection.SelfInspectionAnswer;
import jp.itaku.selfinspection.SelfInspections;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Self-inspections over the REST API, scoped and audited as in the UI: the months with
 * their counts, one month's checklist with its answers, replacing the answers, and
 * submitting.
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
	record MonthView(String month, SelfInspection.Status status, int yes, int no, int notApplicable, int unanswered,
			int openActions, UUID obligationId, String obligationStatus) {

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
	record InspectionView(UUID contractId, String month, SelfInspection.Status status, Instant submittedAt,
			String sha256, UUID obligationId, String obligationStatus, List<QuestionView> questions) {

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
	record QuestionView(String key, String ref, String question, String questionEn, boolean typical, Answer answer,
			String remarks, String correctiveAction, LocalDate actionDue, LocalDate actionDoneOn, String evidence,
			String evidenceSha256) {

		static QuestionView of(SelfInspections.Item item) {
			SelfInspectionAnswer a = item.answer();
			return new QuestionView(item.question().key(), item.question().ref(), item.question().text(),
					item.question().textEn(), item.question().typical(), (a != null) ? a.getAnswer() : null,
					(a != null) ? a.getRemarks() : null, (a != null) ? a.getCorrectiveAction() : null,
					(a != null) ? a.getActionDue() : null, (a != null) ? a.getActionDoneOn() : null,
					(a != null) ? a.getEvidenceName() : null, (a != null) ? a.getEvidenceSha256() : null);
		}

	}

}
