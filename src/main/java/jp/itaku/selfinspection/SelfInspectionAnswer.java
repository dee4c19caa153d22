package jp.itaku.selfinspection;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.itaku.platform.InvalidInputProblem;

import org.jspecify.annotations.Nullable;

/**
 * The answer to one question of a month's self-inspection, with the question as it was
 * asked: yes, no or not applicable, remarks, optional evidence, and for a "no" the
 * corrective action and its due date, which is later marked done.
 */
@Entity
@Table(name = "self_inspection_answer")
public class SelfInspectionAnswer {

	@Id
	private UUID id;

	@Column(name = "inspection_id", nullable = false)
	private UUID inspectionId;

	@Column(nullable = false)
	private int position;

	@Column(name = "question_key", nullable = false)
	private String questionKey;

	@Column(name = "clause_ref", nullable = false)
	private String clauseRef;

	@Column(nullable = false)
	private String question;

	@Enumerated(EnumType.STRING)
	private @Nullable Answer answer;

	private @Nullable String remarks;

	@Column(name = "corrective_action")
	private @Nullable String correctiveAction;

	@Column(name = "action_due")
	private @Nullable LocalDate actionDue;

	@Column(name = "action_done_on")
	private @Nullable LocalDate actionDoneOn;

	@Column(name = "evidence_key")
	private @Nullable String evidenceKey;

	@Column(name = "evidence_name")
	private @Nullable String evidenceName;

	@Column(name = "evidence_sha256")
	private @Nullable String evidenceSha256;

	@Version
	private long version;

	protected SelfInspectionAnswer() {
	}

	// NullAway does not follow the call to ask(…) below, which sets the remaining fields.
	@SuppressWarnings("NullAway.Init")
	SelfInspectionAnswer(UUID inspectionId, Question question) {
		this.id = UUID.randomUUID();
		this.inspectionId = inspectionId;
		this.questionKey = question.key();
		ask(question, 0);
	}

	/** Keeps the question's reference, text and place as they are now asked. */
	void ask(Question question, int position) {
		this.clauseRef = question.ref();
		this.question = question.text();
		this.position = position;
	}

	/**
	 * Answers the question.
	 * @param answer yes, no, not applicable, or {@code null} for not yet answered
	 * @param remarks remarks, or {@code null}
	 * @param correctiveAction for a "no": what will be done
	 * @param actionDue for a "no": by when
	 * @param field the field to name in a problem
	 * @throws InvalidInputProblem for a "no" without a corrective action or its due date,
	 * naming the question
	 */
	// a NO answer without its corrective action or its due date is refused first, so both
	// are set below
	@SuppressWarnings("NullAway")
	void answer(@Nullable Answer answer, @Nullable String remarks, @Nullable String correctiveAction,
			@Nullable LocalDate actionDue, String field) {
		String action = blankToNull(correctiveAction);
		if (answer == Answer.NO && action == null) {
			throw new InvalidInputProblem(field + ".correctiveAction", "selfinspection.action.required", this.clauseRef,
					this.question);
		}
		if (answer == Answer.NO && actionDue == null) {
			throw new InvalidInputProblem(field + ".actionDue", "selfinspection.action.dueRequired", this.clauseRef,
					this.question);
		}
		this.answer = answer;
		this.remarks = blankToNull(remarks);
		if (answer == Answer.NO) {
			if (!action.equals(this.correctiveAction) || !actionDue.equals(this.actionDue)) {
				this.actionDoneOn = null;
			}
			this.correctiveAction = action;
			this.actionDue = actionDue;
		}
		else {
			this.correctiveAction = null;
			this.actionDue = null;
			this.actionDoneOn = null;
		}
	}

	/**
	 * Marks the corrective action done.
	 * @param on the day it was done
	 * @throws InvalidInputProblem when there is no open corrective action
	 */
	void actionDone(LocalDate on) {
		if (this.correctiveAction == null || this.actionDoneOn != null) {
			throw new InvalidInputProblem("action", "selfinspection.action.notOpen");
		}
		this.actionDoneOn = on;
	}

	void evidence(String key, String name, String sha256) {
		this.evidenceKey = key;
		this.evidenceName = name;
		this.evidenceSha256 = sha256;
	}

	/**
	 * Returns whether a corrective action is waiting to be done.
	 * @return {@code true} for a "no" whose action is not marked done
	 */
	public boolean isActionOpen() {
		return this.correctiveAction != null && this.actionDoneOn == null;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getInspectionId() {
		return this.inspectionId;
	}

	public int getPosition() {
		return this.position;
	}

	public String getQuestionKey() {
		return this.questionKey;
	}

	public String getClauseRef() {
		return this.clauseRef;
	}

	public String getQuestion() {
		return this.question;
	}

	public @Nullable Answer getAnswer() {
		return this.answer;
	}

	public @Nullable String getRemarks() {
		return this.remarks;
	}

	public @Nullable String getCorrectiveAction() {
		return this.correctiveAction;
	}

	public @Nullable LocalDate getActionDue() {
		return this.actionDue;
	}

	public @Nullable LocalDate getActionDoneOn() {
		return this.actionDoneOn;
	}

	public @Nullable String getEvidenceKey() {
		return this.evidenceKey;
	}

	public @Nullable String getEvidenceName() {
		return this.evidenceName;
	}

	public @Nullable String getEvidenceSha256() {
		return this.evidenceSha256;
	}

}
