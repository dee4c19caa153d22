package jp.itaku.logevidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.itaku.finding.FindingStatus;
import jp.itaku.finding.FindingStep;
import jp.itaku.platform.InvalidInputProblem;

import org.jspecify.annotations.Nullable;

/**
 * What a check found, with its clause, severity and evidence lines, and the workflow
 * every finding shares ({@link FindingStatus}): open → acknowledged (the client asks for
 * action) → explained (the contractor's explanation) → returned with the client's
 * comment, or closed by the client. Each step is a guarded transition; an invalid move
 * throws {@link InvalidInputProblem} on field {@code status}.
 */
public class LogFinding {

	static final int EXPLANATION_MAX = 2000;

	static final int COMMENT_MAX = 2000;

	private final UUID id;

	private final UUID contractId;

	private final LogRule rule;

	private final String clauseRef;

	private final String subject;

	private final String userRef;

	private final LocalDate occurredOn;

	private final int lineCount;

	private final List<Map<String, Object>> evidence;

	private FindingStatus status;

	private String explanation;

	private String returnComment;

	private final @Nullable Instant foundAt;

	private @Nullable Instant changedAt;

	private UUID changedBy;

	LogFinding(UUID id, UUID contractId, LogRule rule, String clauseRef, String subject, String userRef,
			LocalDate occurredOn, int lineCount, List<Map<String, Object>> evidence, FindingStatus status,
			String explanation, String returnComment, @Nullable Instant foundAt, @Nullable Instant changedAt,
			UUID changedBy) {
		this.id = id;
		this.contractId = contractId;
		this.rule = rule;
		this.clauseRef = clauseRef;
		this.subject = subject;
		this.userRef = userRef;
		this.occurredOn = occurredOn;
		this.lineCount = lineCount;
		this.evidence = evidence;
		this.status = status;
		this.explanation = explanation;
		this.returnComment = returnComment;
		this.foundAt = foundAt;
		this.changedAt = changedAt;
		this.changedBy = changedBy;
	}

	/**
	 * The client marks an open finding as seen and asks the contractor to act.
	 * @throws InvalidInputProblem unless it is open
	 */
	void acknowledge(UUID by, Instant at) {
		move(this.status.after(FindingStep.ACKNOWLEDGE), by, at);
	}

	/**
	 * The contractor explains an open, acknowledged or returned finding.
	 * @throws InvalidInputProblem when the step does not fit or the text is blank or too
	 * long
	 */
	void explain(@Nullable String text, UUID by, Instant at) {
		FindingStatus next = this.status.after(FindingStep.EXPLAIN);
		String value = (text != null) ? text.strip() : "";
		if (value.isEmpty()) {
			throw new InvalidInputProblem("explanation", "logevidence.error.explanation");
		}
		if (value.length() > EXPLANATION_MAX) {
			throw new InvalidInputProblem("explanation", "logevidence.error.explanationLength",
					String.valueOf(EXPLANATION_MAX));
		}
		this.explanation = value;
		move(next, by, at);
	}

	/**
	 * The client returns an explained finding to the contractor with a comment.
	 * @throws InvalidInputProblem unless it is explained, or without a comment or with
	 * one too long
	 */
	void returnExplanation(@Nullable String comment, UUID by, Instant at) {
		FindingStatus next = this.status.after(FindingStep.RETURN);
		String value = (comment != null) ? comment.strip() : "";
		if (value.isEmpty()) {
			throw new InvalidInputProblem("comment", "finding.error.returnComment");
		}
		if (value.length() > COMMENT_MAX) {
			throw new InvalidInputProblem("comment", "logevidence.error.commentLength", String.valueOf(COMMENT_MAX));
		}
		this.returnComment = value;
		move(next, by, at);
	}

	/**
	 * The client closes an explained finding.
	 * @throws InvalidInputProblem unless it is explained
	 */
	void close(UUID by, Instant at) {
		move(this.status.after(FindingStep.CLOSE), by, at);
	}

	private void move(FindingStatus to, UUID by, Instant at) {
		this.status = to;
		this.changedBy = by;
		this.changedAt = at;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getContractId() {
		return this.contractId;
	}

	public LogRule getRule() {
		return this.rule;
	}

	public String getClauseRef() {
		return this.clauseRef;
	}

	public LogRule.Severity getSeverity() {
		return this.rule.severity();
	}

	public String getSubject() {
		return this.subject;
	}

	public String getUserRef() {
		return this.userRef;
	}

	public LocalDate getOccurredOn() {
		return this.occurredOn;
	}

	public int getLineCount() {
		return this.lineCount;
	}

	public List<Map<String, Object>> getEvidence() {
		return this.evidence;
	}

	public FindingStatus getStatus() {
		return this.status;
	}

	public String getExplanation() {
		return this.explanation;
	}

	public String getReturnComment() {
		return this.returnComment;
	}

	public @Nullable Instant getFoundAt() {
		return this.foundAt;
	}

	public @Nullable Instant getChangedAt() {
		return this.changedAt;
	}

	public UUID getChangedBy() {
		return this.changedBy;
	}

}
